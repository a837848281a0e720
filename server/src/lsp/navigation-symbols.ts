// Code lenses (what a Service selects, which Services select a workload, how many objects use a
// ConfigMap, Secret, claim or ServiceAccount) and workspace symbols (every object of the index as
// `Kind name`). Lenses are counted from the index's objects, so no other file is read; a symbol's
// range is found when the editor resolves it (workspaceSymbol/resolve), or, for a client that
// cannot resolve, the first line of its file (the open documents' from their snapshots).
// Registered by navigation.ts.
import type { CodeLens, CodeLensParams, Range, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { SymbolKind } from './protocol-values';
import { MAX_FILE_SIZE } from '../engine/limits';
import { codeLenses, locateIn, nameTarget, workspaceSymbols, type NavObject } from '../engine/navigation';
import { FileSnapshot } from '../engine/snapshot';
import type { WorkspaceFiles } from '../node/workspace-files';
import { navigationRequest } from './navigation-files';
import { pathToUri, uriToPath } from './paths';
import type { ServerContext } from './server-context';

/** What a symbol carries to its resolve request. */
interface SymbolData {
  filePath: string;
  kind: string;
  name?: string;
  namespace?: string;
}

const FIRST_LINE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export async function provideCodeLenses(context: ServerContext, files: WorkspaceFiles, params: CodeLensParams): Promise<CodeLens[]> {
  const request = await navigationRequest(context, files, params.textDocument.uri);
  if (!request) return [];
  const lines = request.analysis.snapshot.lines;
  // No command: the title is information (VS Code shows a lens with an empty command as text).
  return codeLenses(request.workspace).map((lens) => ({ range: lines.rangeOf(lens.range), command: { title: lens.title, command: '' } }));
}

function canResolveRange(context: ServerContext): boolean {
  return context.clientCapabilities.workspace?.symbol?.resolveSupport?.properties?.includes('location.range') === true;
}

export async function provideWorkspaceSymbols(context: ServerContext, params: WorkspaceSymbolParams): Promise<WorkspaceSymbol[]> {
  const objects = context.workspaceObjects?.objects() ?? [];
  const lazy = canResolveRange(context);
  return workspaceSymbols(objects, params.query).map((symbol) => {
    const data: SymbolData = { filePath: symbol.filePath, kind: symbol.kind, name: symbol.name, namespace: symbol.namespace };
    const uri = pathToUri(symbol.filePath);
    const range = lazy ? undefined : (openRange(context, symbol) ?? FIRST_LINE);
    return {
      name: symbol.title,
      kind: SymbolKind.Class,
      ...(symbol.namespace ? { containerName: symbol.namespace } : {}),
      location: range ? { uri, range } : { uri },
      data,
    };
  });
}

/** The name's range in an open document's current analysis (no parse: its snapshot has it). */
function openRange(context: ServerContext, symbol: SymbolData): Range | undefined {
  for (const document of context.documents.all()) {
    if (uriToPath(document.uri) !== symbol.filePath) continue;
    const last = context.states.get(document.uri)?.last;
    if (!last || last.version !== document.version) return undefined;
    const [place] = locateIn(last.snapshot, nameTarget(asObject(symbol)));
    return place?.range;
  }
  return undefined;
}

function asObject(symbol: SymbolData): NavObject {
  return { filePath: symbol.filePath, apiVersion: '', kind: symbol.kind, name: symbol.name, namespace: symbol.namespace, object: {} };
}

export async function resolveWorkspaceSymbol(context: ServerContext, files: WorkspaceFiles, symbol: WorkspaceSymbol): Promise<WorkspaceSymbol> {
  const data = symbol.data as SymbolData | undefined;
  if (!data || typeof data.filePath !== 'string' || typeof data.kind !== 'string') return symbol;
  const uri = pathToUri(data.filePath);
  let range = openRange(context, data);
  if (!range) {
    const open = context.documents.all().find((document) => uriToPath(document.uri) === data.filePath);
    const text = open ? open.getText() : (await files.read(data.filePath, MAX_FILE_SIZE))?.text;
    // Parsed for this request only.
    if (text !== undefined) range = locateIn(FileSnapshot.of(text), nameTarget(asObject(data)))[0]?.range;
  }
  return { ...symbol, location: { uri: symbol.location.uri || uri, range: range ?? FIRST_LINE } };
}
