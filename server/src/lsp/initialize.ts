// `initialize`: the server's capabilities, the workspace settings, a start-up line in the client's
// log (versions and the Kubernetes version it starts with: the first thing to read when something
// looks wrong), and a warm-up analysis while the client finishes its own start-up, so the first
// real analysis runs warm.
import type { InitializeParams, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { CodeActionKind, TextDocumentSyncKind } from './protocol-values';
import { FileAnalyzer } from '../engine/analyze';
import type { KubernetesVersion } from '../engine/types';
import { isSupportedVersion } from '../engine/versions';
import { version as serverVersion } from '../../../package.json';
import { Commands, FIX_ALL_KIND, type InitializationOptions } from '../shared/protocol';
import { DEFAULT_SETTINGS } from '../shared/settings';
import type { ServerContext } from './server-context';
import { WorkspaceSettings } from './workspace-settings';

const WARM_UP_POD = `apiVersion: v1
kind: Pod
metadata:
  name: warm-up
spec:
  containers:
  - name: app
    image: example/app:1.0
    ports:
    - containerPort: 8080
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
`;

function warmUp(context: ServerContext, version: KubernetesVersion): void {
  try {
    new FileAnalyzer().analyze(WARM_UP_POD, { kubernetesVersion: version });
  } catch (error) {
    context.logError('warm-up', error);
  }
}

/**
 * The start-up line: `Podwise 0.1.0: server started (Node v20.11.1), Kubernetes 1.36 from user
 * settings`. The version is the editor's setting as the client sent it; a `.podwise.yaml` may
 * set another per folder (the status bar shows the version of each file).
 */
export function startupLine(options: InitializationOptions, version: KubernetesVersion, nodeVersion: string = process.version): string {
  const client = typeof options.extensionVersion === 'string' ? options.extensionVersion : undefined;
  const name = client === undefined || client === serverVersion ? `Podwise ${serverVersion}: server started` : `Podwise ${client}: server ${serverVersion} started`;
  const hinted = typeof options.kubernetesVersion === 'string' && isSupportedVersion(options.kubernetesVersion);
  const source = options.kubernetesVersionSource;
  let from: string;
  if (hinted && source !== undefined && source !== 'default') from = ` from ${source}`;
  else if (hinted && source === undefined) from = ' from settings';
  else if (source !== undefined) from = ' (default)';
  // Other clients send no hint: their settings arrive through workspace/configuration later.
  else from = ' (default until the settings are read)';
  return `${name} (Node ${nodeVersion}), Kubernetes ${version}${from}`;
}

export function registerInitialize(context: ServerContext): void {
  context.connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    context.clientCapabilities = capabilities;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    context.clientSynchronizes = options.clientSynchronizes === true;
    const settings = new WorkspaceSettings(context.connection, capabilities.workspace?.configuration === true, options.workspaceTrusted !== false);
    context.settings = settings;
    const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri.split('/').pop() ?? 'root' }] : []);
    settings.setFolders(folders);
    // Warm up (validators for the likely version, parser and rules) while the client finishes
    // its own start-up; the first real analysis then runs warm.
    const hint = typeof options.kubernetesVersion === 'string' && isSupportedVersion(options.kubernetesVersion) ? options.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion;
    // Sent after the initialize result (window/logMessage is allowed before it, but a client may
    // not show its output channel yet).
    setImmediate(() => {
      context.log(startupLine(options, hint));
      warmUp(context, hint);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: { label: 'Podwise' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        codeLensProvider: { resolveProvider: false },
        // Ranges are found on resolve (a client without resolve support gets the file's first line).
        workspaceSymbolProvider: { resolveProvider: true },
        // Our own client opens docs itself; other clients get the command run here.
        ...(context.clientSynchronizes ? {} : { executeCommandProvider: { commands: [Commands.showRuleDocs] } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'podwise-language-server', version: serverVersion },
    };
  });
}
