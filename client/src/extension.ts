// The VS Code extension: starts the bundled language server over IPC for YAML documents and
// adds the status bar item and commands. Everything else lives in the server.
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
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../../server/src/shared/settings';
import { selectKubernetesVersion, showRuleDocs } from './commands';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Podwise');
  context.subscriptions.push(output);
  const serverModule = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  // A function, so a restart after trust was granted tells the server.
  const initializationOptions = (): InitializationOptions => ({
    workspaceTrusted: vscode.workspace.isTrusted,
    clientSynchronizes: true,
    kubernetesVersion: vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('kubernetesVersion'),
  });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`),
    },
    initializationOptions,
    outputChannel: output,
    diagnosticCollectionName: 'podwise',
  };
  const languageClient = new LanguageClient('podwise', 'Podwise', serverOptions, clientOptions);
  client = languageClient;

  const statusBar = new StatusBar((uri) => languageClient.code2ProtocolConverter.asUri(uri));
  context.subscriptions.push(statusBar);
  languageClient.onNotification(StatusNotification, (status: StatusParams) => statusBar.onStatus(status));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.selectKubernetesVersion, () => selectKubernetesVersion(() => statusBar.activeStatus())),
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
