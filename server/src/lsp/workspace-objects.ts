// Wires the workspace index (workspace-index.ts) into the server: built after `initialized`, in
// the background (the first diagnostics never wait for it); walked again when the settings that
// decide which files are checked change (exclude globs, folders, trust); kept current by file
// events (configuration.ts registers `**/*.{yaml,yml}` for clients other than ours; our client
// watches the same) and by the open documents, whose text the analysis notes on every run
// (server-context.ts). When the Services or Namespaces change, the open documents are analyzed
// again, once the changes settle. The `crds` setting of each folder names CRD files outside the
// workspace that the walk reads too (relative to the folder, absolute, or from `~/`).
import * as os from 'os';
import * as path from 'path';
import { createWorkspaceFiles, type WorkspaceFiles } from '../node/workspace-files';
import { FileChangeType } from './protocol-values';
import { pathToUri, uriToPath } from './paths';
import type { ServerContext } from './server-context';
import { INDEX_LIMITS, WorkspaceIndex, type IndexLimits } from './workspace-index';

/** The index limits; tests shrink the file count with PODWISE_INDEX_MAX_FILES and the parse slice with PODWISE_INDEX_SLICE_MS. */
function indexLimits(env: NodeJS.ProcessEnv): IndexLimits {
  const whole = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] && Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  return { ...INDEX_LIMITS, maxFiles: whole('PODWISE_INDEX_MAX_FILES') ?? INDEX_LIMITS.maxFiles, parseSliceMs: whole('PODWISE_INDEX_SLICE_MS') ?? INDEX_LIMITS.parseSliceMs };
}

export function registerWorkspaceObjects(context: ServerContext, files: WorkspaceFiles = createWorkspaceFiles(), env: NodeJS.ProcessEnv = process.env): void {
  let index: WorkspaceIndex | undefined;
  /** What decided the last walk: trust, folders and each folder's exclude globs. */
  let walkedWith: string | undefined;

  const isChecked = async (filePath: string): Promise<boolean> => {
    const settings = context.settings;
    if (!settings) return false;
    // The same classification as the document's own (classifyFile): excluded files and Helm templates are not read, nor
    // kustomize patches (partial objects: a Deployment patch is no workload), as in the CLI's collectRun.
    const resolved = await settings.resolve(pathToUri(filePath));
    return !resolved.excluded && resolved.fileClass !== 'kustomize-patch';
  };

  /** The `crds` entries of every folder as absolute paths or globs, as the last walk read them. */
  let crdPatterns: readonly string[] = [];

  /** Walks again when trust, the folders, an exclude glob or the crds paths changed (not for a version or rule change). */
  const walkIfNeeded = async (): Promise<void> => {
    const settings = context.settings;
    if (!settings || !index) return;
    const folders = settings.workspaceFolders;
    const resolved = await Promise.all(folders.map(async (folder) => (await settings.resolve(pathToUri(path.join(folder.path, 'podwise-index.yaml')))).settings));
    const excludes = resolved.map((folderSettings) => folderSettings.exclude);
    const crds = [...new Set(resolved.flatMap((folderSettings, i) => folderSettings.crds.map((entry) => absoluteCrdPath(folders[i].path, entry))))];
    const key = JSON.stringify([settings.isTrusted, folders.map((folder) => folder.path), excludes, crds]);
    if (key === walkedWith) return;
    walkedWith = key;
    crdPatterns = crds;
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
        yieldNow: () => yieldToEditor(context),
        crdPatterns: () => Promise.resolve(crdPatterns),
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

/** A `crds` entry as an absolute path or glob: `~/` from the home folder, relative from the workspace folder. */
export function absoluteCrdPath(folder: string, entry: string): string {
  if (entry === '~' || entry.startsWith('~/') || entry.startsWith('~\\')) return path.join(os.homedir(), entry.slice(1));
  return path.isAbsolute(entry) ? path.normalize(entry) : path.join(folder, entry);
}

/** The walk waits at most this long in one yield for the open documents' analyses. */
const MAX_EDITOR_WAIT_MS = 2000;

/**
 * Lets the event loop run, then waits while an open document has an analysis scheduled or
 * running: the walk is background work, and the first diagnostics of a file just opened, or of
 * a keystroke, come first (bounded, so a stream of edits slows the walk without stopping it).
 */
async function yieldToEditor(context: ServerContext): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  const started = Date.now();
  while (context.editorWorkPending() && Date.now() - started < MAX_EDITOR_WAIT_MS) await new Promise((resolve) => setTimeout(resolve, 2));
}
