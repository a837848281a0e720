// `initialize`: the server's capabilities, the workspace settings, and a warm-up analysis while
// the client finishes its own start-up, so the first real analysis runs warm.
import type { InitializeParams, InitializeResult, WorkspaceFolder } from 'vscode-languageserver/node';
import { CodeActionKind, TextDocumentSyncKind } from './protocol-values';
import { FileAnalyzer } from '../engine/analyze';
import type { KubernetesVersion } from '../engine/types';
import { isSupportedVersion } from '../engine/versions';
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
    setImmediate(() => warmUp(context, hint));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        documentSymbolProvider: { label: 'Podwise' },
        foldingRangeProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: { resolveProvider: false },
        // Our own client opens docs itself; other clients get the command run here.
        ...(context.clientSynchronizes ? {} : { executeCommandProvider: { commands: [Commands.showRuleDocs] } }),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'podwise-language-server', version: process.env.PODWISE_VERSION ?? '0.1.0' },
    };
  });
}
