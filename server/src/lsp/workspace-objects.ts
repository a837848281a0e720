// Wires the workspace index (workspace-index.ts) into the server: built after `initialized`, in
// the background (the first diagnostics never wait for it); walked again when the settings that
// decide which files are checked change (exclude globs, folders, trust); kept current by file
// events (configuration.ts registers `**/*.{yaml,yml}` for clients other than ours; our client
// watches the same) and by the open documents, whose text the analysis notes on every run
// (server-context.ts). When the Services or Namespaces change, the open documents are analyzed
// again, once the changes settle.
import * as path from 'path';
import { createWorkspaceFiles, type WorkspaceFiles } from '../node/workspace-files';
import { FileChangeType } from './protocol-values';
import { pathToUri, uriToPath } from './paths';
import type { ServerContext } from './server-context';
import { INDEX_LIMITS, WorkspaceIndex, type IndexLimits } from './workspace-index';

/** The index limits; tests shrink the file count with PODWISE_INDEX_MAX_FILES. */
function indexLimits(env: NodeJS.ProcessEnv): IndexLimits {
  const maxFiles = Number(env.PODWISE_INDEX_MAX_FILES);
  return env.PODWISE_INDEX_MAX_FILES && Number.isInteger(maxFiles) && maxFiles >= 0 ? { ...INDEX_LIMITS, maxFiles } : INDEX_LIMITS;
}

export function registerWorkspaceObjects(context: ServerContext, files: WorkspaceFiles = createWorkspaceFiles(), env: NodeJS.ProcessEnv = process.env): void {
  let index: WorkspaceIndex | undefined;
  /** What decided the last walk: trust, folders and each folder's exclude globs. */
  let walkedWith: string | undefined;

  const isChecked = async (filePath: string): Promise<boolean> => {
    const settings = context.settings;
    if (!settings) return false;
    // The same classification as the document's own (classifyFile): excluded, Helm templates and kustomizations are not read.
    return !(await settings.resolve(pathToUri(filePath))).excluded;
  };

  /** Walks again when trust, the folders or an exclude glob changed (not for a version or rule change). */
  const walkIfNeeded = async (): Promise<void> => {
    const settings = context.settings;
    if (!settings || !index) return;
    const folders = settings.workspaceFolders;
    const excludes = await Promise.all(folders.map(async (folder) => (await settings.resolve(pathToUri(path.join(folder.path, 'podwise-index.yaml')))).settings.exclude));
    const key = JSON.stringify([settings.isTrusted, folders.map((folder) => folder.path), excludes]);
    if (key === walkedWith) return;
    walkedWith = key;
    index.rescan();
  };

  context.onInitialized(() => {
    index = new WorkspaceIndex(
      {
        files,
        folders: () => context.settings?.workspaceFolders.map((folder) => folder.path) ?? [],
        isChecked,
        changed: () => context.revalidateAcrossFiles(),
        log: (message) => context.log(message),
        yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
      },
      indexLimits(env),
    );
    context.workspaceObjects = index;
    void index.hold(walkIfNeeded()).catch((error: unknown) => context.logError('workspace index', error));
  });

  context.onSettingsChanged(() => {
    if (index) void index.hold(walkIfNeeded()).catch((error: unknown) => context.logError('workspace index', error));
  });

  context.onWatchedFiles((changes) => {
    if (!index) return;
    for (const change of changes) {
      const filePath = uriToPath(change.uri);
      if (filePath !== undefined) index.fileChanged(filePath, change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
    }
  });

  context.documents.onDidClose(
    context.guardSync('workspace index close', ({ document }) => {
      const filePath = uriToPath(document.uri);
      if (filePath !== undefined) index?.forgetOpen(filePath);
    }),
  );
}
