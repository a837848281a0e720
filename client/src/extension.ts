// The VS Code extension: starts the bundled language server over IPC for YAML documents and
// adds the status bar item and commands. Everything else lives in the server.
// Logging: the "Podwise" output channel gets the server's start-up line (versions, Kubernetes
// version and where it comes from) and its errors; `podwise.trace.server` (read by
// vscode-languageclient as `<client id>.trace.server`, hence the id `podwise`) adds the LSP
// traffic. A clean server exit (restart, reload) is logged as info, not as an error.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  Commands,
  StatusNotification,
  WorkspaceTrustNotification,
  type InitializationOptions,
  type StatusParams,
  type WorkspaceTrustParams,
} from '../../server/src/shared/protocol';
import { SERVER_ENV, SERVER_NODE_ARGS } from '../../server/src/shared/server-launch';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../../server/src/shared/settings';
import { CLEAN_EXIT_LINE, CLIENT_ID, isCleanExit } from './client-log';
import { selectKubernetesVersion, showRuleDocs } from './commands';
import { settingSource } from './setting-source';
import { StatusBar } from './status-bar';

/** vscode-languageclient logs every server exit as an error; a clean one (code 0) is info. */
class PodwiseLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (isCleanExit(message)) {
      this.info(CLEAN_EXIT_LINE, undefined, false);
      return;
    }
    super.error(message, data, showNotification);
  }
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Podwise');
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/server/launch.js');
  const serverOptions: ServerOptions = {
    run: {
      module: serverModule,
      transport: TransportKind.ipc,
      // The server's V8 code cache (server/src/node/code-cache.ts) lives in the extension's own storage.
      options: { execArgv: [...SERVER_NODE_ARGS], env: { ...SERVER_ENV, PODWISE_CODE_CACHE_DIR: vscode.Uri.joinPath(context.globalStorageUri, 'v8').fsPath } },
    },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // A function, so a restart after trust was granted tells the server.
  const initializationOptions = (): InitializationOptions => {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const { version } = context.extension.packageJSON as { version?: unknown };
    return {
      workspaceTrusted: vscode.workspace.isTrusted,
      clientSynchronizes: true,
      kubernetesVersion: config.get<string>('kubernetesVersion'),
      kubernetesVersionSource: settingSource(config.inspect('kubernetesVersion')),
      extensionVersion: typeof version === 'string' ? version : undefined,
    };
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      // Settings files, and the manifests whose Services and Namespaces the server indexes across files.
      fileEvents: [vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')],
    },
    initializationOptions,
    outputChannel: output,
    diagnosticCollectionName: 'podwise',
  };
  const languageClient = new PodwiseLanguageClient(CLIENT_ID, 'Podwise', serverOptions, clientOptions);
  client = languageClient;

  const statusBar = new StatusBar((uri) => languageClient.code2ProtocolConverter.asUri(uri));
  context.subscriptions.push(statusBar);
  languageClient.onNotification(StatusNotification, (status: StatusParams) => statusBar.onStatus(status));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.selectKubernetesVersion, () => selectKubernetesVersion(context.globalState, () => statusBar.activeStatus())),
    vscode.commands.registerCommand(Commands.showRuleDocs, (ruleId?: unknown) => showRuleDocs(context.extensionUri, ruleId)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      statusBar.clear();
      output.appendLine('Restarting the Podwise language server…');
      await languageClient.restart();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: WorkspaceTrustParams = { trusted: true };
      void languageClient.sendNotification(WorkspaceTrustNotification, params);
    }),
  );

  try {
    await languageClient.start();
  } catch (error) {
    output.appendLine(`Podwise language server failed to start: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Podwise: the language server failed to start. See the "Podwise" output channel.');
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
