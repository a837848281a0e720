// Document symbols (`Kind/name` per Kubernetes object, containers underneath) and folding ranges
// (per YAML document and per indented block), from the snapshot of the document's current
// version (computed once per version, per document from the analyzer's outline cache).
import type { DocumentSymbol, DocumentSymbolParams, FoldingRange, FoldingRangeParams } from 'vscode-languageserver/node';
import { FoldingRangeKind, SymbolKind } from './protocol-values';
import type { LineIndex } from '../engine/line-index';
import type { OutlineSymbol, OutlineSymbolKind } from '../engine/outline';
import type { Analysis, ServerContext } from './server-context';

const SYMBOL_KIND: Record<OutlineSymbolKind, SymbolKind> = {
  object: SymbolKind.Class,
  containers: SymbolKind.Object,
  initContainers: SymbolKind.Object,
  ephemeralContainers: SymbolKind.Object,
};

export function registerOutline(context: ServerContext): void {
  const { connection } = context;
  connection.onDocumentSymbol(context.guard('document symbols', (params) => provideDocumentSymbols(context, params), []));
  connection.onFoldingRanges(context.guard('folding ranges', (params) => provideFoldingRanges(context, params), []));
}

/** The snapshot of the version the request was made on, or undefined. */
async function currentAnalysis(context: ServerContext, uri: string): Promise<Analysis | undefined> {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  // TextDocuments updates documents in place: answer for the version the request was made on.
  const version = document.version;
  const analysis = await context.snapshotFor(uri);
  return analysis && analysis.version === version && document.version === version ? analysis : undefined;
}

export async function provideDocumentSymbols(context: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const analysis = await currentAnalysis(context, params.textDocument.uri);
  if (!analysis) return [];
  const lines = analysis.snapshot.lines;
  return analysis.snapshot.symbols().map((symbol) => toSymbol(lines, symbol));
}

function toSymbol(lines: LineIndex, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: lines.rangeOf(symbol.range),
    selectionRange: lines.rangeOf(symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(lines, child)),
  };
}

export async function provideFoldingRanges(context: ServerContext, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const analysis = await currentAnalysis(context, params.textDocument.uri);
  if (!analysis) return [];
  return analysis.snapshot.folding().map((span) => {
    const range: FoldingRange = { startLine: span.startLine, endLine: span.endLine };
    if (span.kind === 'comment') range.kind = FoldingRangeKind.Comment;
    return range;
  });
}
