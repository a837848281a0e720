// What navigation needs from the server around the engine: the workspace as navigation sees it
// for one request (the current document's snapshot and the index's objects), and how another file
// is read — an open document's current text, else its disk copy through WorkspaceFiles (no link
// followed, a byte limit). Nothing read here is kept after the request.
import { MAX_FILE_SIZE } from '../engine/limits';
import { navWorkspace, type CurrentFile, type NavWorkspace, type ReadFile } from '../engine/navigation';
import type { WorkspaceFiles } from '../node/workspace-files';
import { pathToUri, uriToPath } from './paths';
import type { Analysis, ServerContext } from './server-context';

export interface NavigationRequest {
  analysis: Analysis;
  workspace: NavWorkspace;
  current: CurrentFile;
  read: ReadFile;
  /** The URI to answer with for a file path (the request's own URI for the current document). */
  uriOf(filePath: string): string;
  /** The open document of a file path, if any (its version pins a rename's edits). */
  openDocument(filePath: string): { uri: string; version: number } | undefined;
}

/** The request's document at the version it was made on, with what navigation reads; undefined when it is not a checked manifest. */
export async function navigationRequest(context: ServerContext, files: WorkspaceFiles, uri: string): Promise<NavigationRequest | undefined> {
  const document = context.documents.get(uri);
  if (!document || !context.isChecked(document)) return undefined;
  const version = document.version;
  const analysis = await context.snapshotFor(uri);
  if (!analysis || analysis.docSettings.excluded || analysis.version !== version || document.version !== version) return undefined;
  // Untitled documents have no path: their URI names them (no other file refers to them anyway).
  const filePath = analysis.docSettings.filePath ?? uriToPath(uri) ?? uri;
  const workspace = navWorkspace(filePath, analysis.snapshot, context.workspaceObjects?.objects());
  const openDocument = (path: string): { uri: string; version: number } | undefined => {
    if (path === filePath) return { uri, version: document.version };
    for (const open of context.documents.all()) if (uriToPath(open.uri) === path) return { uri: open.uri, version: open.version };
    return undefined;
  };
  const read: ReadFile = async (path) => {
    const open = openDocument(path);
    if (open) return context.documents.get(open.uri)?.getText();
    return (await files.read(path, MAX_FILE_SIZE))?.text;
  };
  return {
    analysis,
    workspace,
    current: { filePath, snapshot: analysis.snapshot },
    read,
    uriOf: (path) => (path === filePath ? uri : (openDocument(path)?.uri ?? pathToUri(path))),
    openDocument,
  };
}
