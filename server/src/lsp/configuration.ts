// Settings, `.podwise.yaml`, workspace trust and folders, applied without reload: each change
// re-analyzes the open documents it can affect. Clients other than ours get dynamic
// registrations for settings, `.podwise.yaml` and manifest changes (the workspace index,
// workspace-objects.ts, hears of the latter through the context); ours sends them itself.
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType } from './protocol-values';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceTrustNotification, type WorkspaceTrustParams } from '../shared/protocol';
import { CONFIG_FILE_NAME, SETTINGS_SECTION } from '../shared/settings';
import { publishConfigFile } from './diagnostics';
import { isConfigFile, uriToPath } from './paths';
import type { ServerContext } from './server-context';

/** The manifests the workspace index keeps current (client/src/extension.ts watches the same). */
const MANIFEST_WATCH_PATTERN = '**/*.{yaml,yml}';

export function registerConfiguration(context: ServerContext): void {
  const { connection, documents } = context;
  const inFolder = (folderPath: string) => (uri: string) => context.settings?.folderOf(uriToPath(uri))?.path === folderPath;

  /** A `.podwise.yaml` open in the editor applies live; its own problems are published on it. */
  const onConfigEditor = (document: TextDocument, open: boolean): void => {
    const settings = context.settings;
    if (!settings) return;
    const filePath = uriToPath(document.uri);
    const folder = filePath ? settings.configFolderFor(filePath) : undefined;
    if (open) publishConfigFile(context, document);
    else void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!folder) return;
    settings.setConfigEditorText(folder, open ? document.getText() : undefined);
    context.revalidate(inFolder(folder.path));
  };

  documents.onDidChangeContent(
    context.guardSync('config file change', ({ document }) => {
      if (isConfigFile(document.uri)) onConfigEditor(document, true);
    }),
  );
  documents.onDidClose(
    context.guardSync('config file close', ({ document }) => {
      if (isConfigFile(document.uri)) onConfigEditor(document, false);
    }),
  );

  connection.onInitialized(
    context.guardSync('initialized', () => {
      const workspace = context.clientCapabilities.workspace;
      if (!context.clientSynchronizes && workspace?.didChangeConfiguration?.dynamicRegistration === true) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
      }
      if (!context.clientSynchronizes && workspace?.didChangeWatchedFiles?.dynamicRegistration === true) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: MANIFEST_WATCH_PATTERN }],
        });
      }
      if (workspace?.workspaceFolders === true) {
        connection.workspace.onDidChangeWorkspaceFolders(
          context.guardSync('workspace folders change', async () => {
            const folders = await connection.workspace.getWorkspaceFolders();
            context.settings?.setFolders(folders ?? []);
            context.revalidate();
          }),
        );
      }
      context.initialized();
    }),
  );

  connection.onDidChangeConfiguration(
    context.guardSync('configuration change', (params) => {
      context.settings?.invalidateEditorSettings(params.settings);
      context.revalidate();
    }),
  );

  connection.onDidChangeWatchedFiles(
    context.guardSync('watched files change', (params) => {
      context.watchedFilesChanged(params.changes);
      const settings = context.settings;
      if (!settings) return;
      const touched = new Set<string>();
      for (const change of params.changes) {
        const filePath = uriToPath(change.uri);
        const folder = filePath ? settings.configFolderFor(filePath) : undefined;
        if (!folder) continue;
        if (change.type === FileChangeType.Deleted || change.type === FileChangeType.Created || change.type === FileChangeType.Changed) {
          settings.invalidateConfigFile(folder);
          touched.add(folder.path);
        }
      }
      for (const folderPath of touched) context.revalidate(inFolder(folderPath));
    }),
  );

  connection.onNotification(
    WorkspaceTrustNotification,
    context.guardSync('workspace trust change', (params: WorkspaceTrustParams) => {
      const settings = context.settings;
      if (!settings) return;
      settings.setTrusted(params.trusted === true);
      for (const folder of settings.workspaceFolders) settings.invalidateConfigFile(folder);
      context.revalidate();
    }),
  );
}
