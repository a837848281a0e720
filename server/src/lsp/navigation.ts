// Navigation across the workspace (issue #14): go to definition, find references and rename (one
// WorkspaceEdit over every file, minimal edits), from the engine's pure functions
// (engine/navigation) on the current document's snapshot and the workspace index's objects.
// Code lenses and workspace symbols are in navigation-symbols.ts.
import type {
  Location,
  PrepareRenameParams,
  Range,
  ReferenceParams,
  RenameParams,
  TextDocumentPositionParams,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { ResponseError } from './protocol-values';
import { definitionAt, locateTargets, prepareRenameAt, referencesAt, renameAt, renameEdits } from '../engine/navigation';
import { createWorkspaceFiles, type WorkspaceFiles } from '../node/workspace-files';
import { navigationRequest, type NavigationRequest } from './navigation-files';
import { provideCodeLenses, provideWorkspaceSymbols, resolveWorkspaceSymbol } from './navigation-symbols';
import type { ServerContext } from './server-context';

/** LSP 3.17 RequestFailed: the request was valid, and refused (an editor shows the message). */
const REQUEST_FAILED = -32803;

export function registerNavigation(context: ServerContext, files: WorkspaceFiles = createWorkspaceFiles()): void {
  const { connection } = context;
  connection.onDefinition(context.guard('definition', (params) => provideDefinition(context, files, params), []));
  connection.onReferences(context.guard('references', (params) => provideReferences(context, files, params), []));
  connection.onPrepareRename(context.guard('prepare rename', (params) => providePrepareRename(context, files, params), null));
  connection.onRenameRequest(context.guard('rename', (params) => provideRename(context, files, params), null));
  connection.onCodeLens(context.guard('code lens', (params) => provideCodeLenses(context, files, params), []));
  connection.onWorkspaceSymbol(context.guard('workspace symbols', (params) => provideWorkspaceSymbols(context, params), []));
  connection.onWorkspaceSymbolResolve(async (symbol: WorkspaceSymbol) => {
    // Guarded as every handler is; the fallback is the symbol as it came.
    try {
      return await resolveWorkspaceSymbol(context, files, symbol);
    } catch (error) {
      context.logError('workspace symbol resolve', error);
      return symbol;
    }
  });
}

async function located(request: NavigationRequest, targets: Parameters<typeof locateTargets>[0]): Promise<Location[]> {
  const places = await locateTargets(targets, request.current, request.read);
  return places.map((place) => ({ uri: request.uriOf(place.filePath), range: place.range }));
}

function offsetOf(request: NavigationRequest, params: TextDocumentPositionParams): number {
  return request.analysis.snapshot.lines.offsetAt(params.position);
}

export async function provideDefinition(context: ServerContext, files: WorkspaceFiles, params: TextDocumentPositionParams): Promise<Location[]> {
  const request = await navigationRequest(context, files, params.textDocument.uri);
  if (!request) return [];
  return located(request, definitionAt(request.workspace, offsetOf(request, params)));
}

export async function provideReferences(context: ServerContext, files: WorkspaceFiles, params: ReferenceParams): Promise<Location[]> {
  const request = await navigationRequest(context, files, params.textDocument.uri);
  if (!request) return [];
  return located(request, referencesAt(request.workspace, offsetOf(request, params), params.context.includeDeclaration));
}

export async function providePrepareRename(
  context: ServerContext,
  files: WorkspaceFiles,
  params: PrepareRenameParams,
): Promise<{ range: Range; placeholder: string } | ResponseError<void> | null> {
  const request = await navigationRequest(context, files, params.textDocument.uri);
  if (!request) return null;
  const place = prepareRenameAt(request.workspace, offsetOf(request, params));
  if ('refused' in place) return new ResponseError(REQUEST_FAILED, place.refused);
  return { range: request.analysis.snapshot.lines.rangeOf(place.range), placeholder: place.placeholder };
}

export async function provideRename(context: ServerContext, files: WorkspaceFiles, params: RenameParams): Promise<WorkspaceEdit | ResponseError<void> | null> {
  const request = await navigationRequest(context, files, params.textDocument.uri);
  if (!request) return null;
  const targets = renameAt(request.workspace, offsetOf(request, params), params.newName);
  if ('refused' in targets) return new ResponseError(REQUEST_FAILED, targets.refused);
  const edits = await renameEdits(targets, params.newName, request.current, request.read);
  if ('refused' in edits) return new ResponseError(REQUEST_FAILED, edits.refused);
  const documentChanges = context.clientCapabilities.workspace?.workspaceEdit?.documentChanges === true;
  if (!documentChanges) {
    const changes: Record<string, TextEdit[]> = {};
    for (const [filePath, fileEdits] of edits) changes[request.uriOf(filePath)] = fileEdits.map((edit) => ({ range: edit.range, newText: edit.newText }));
    return { changes };
  }
  return {
    documentChanges: [...edits].map(([filePath, fileEdits]) => {
      // An open document's edits were made on its current text: pinned to that version.
      const open = request.openDocument(filePath);
      return {
        textDocument: { uri: request.uriOf(filePath), version: open ? open.version : null },
        edits: fileEdits.map((edit) => ({ range: edit.range, newText: edit.newText })),
      };
    }),
  };
}
