// Document symbols (`Kind/name` per Kubernetes object, containers underneath) and folding ranges
// (per YAML document and per indented block), from the engine's Outliner.
import {
  FoldingRangeKind,
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toLineFeeds } from '../engine/line-index';
import type { OutlineSymbol, OutlineSymbolKind } from '../engine/outline';
import { toRange } from './convert';
import type { ServerContext } from './server';

const SYMBOL_KIND: Record<OutlineSymbolKind, SymbolKind> = {
  object: SymbolKind.Class,
  containers: SymbolKind.Object,
  initContainers: SymbolKind.Object,
  ephemeralContainers: SymbolKind.Object,
};

export function provideDocumentSymbols(context: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const document = context.documents.get(params.textDocument.uri);
  const outliner = context.outlinerFor(params.textDocument.uri);
  if (!document || !outliner) return [];
  // The engine reads a lone CR as the line break it is only in its LF copy (same offsets and lines).
  return outliner.symbols(toLineFeeds(document.getText())).map((symbol) => toSymbol(document, symbol));
}

function toSymbol(document: TextDocument, symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(document, symbol.range),
    selectionRange: toRange(document, symbol.selectionRange),
    children: symbol.children.map((child) => toSymbol(document, child)),
  };
}

export function provideFoldingRanges(context: ServerContext, params: FoldingRangeParams): FoldingRange[] {
  const document = context.documents.get(params.textDocument.uri);
  const outliner = context.outlinerFor(params.textDocument.uri);
  if (!document || !outliner) return [];
  return outliner.folding(toLineFeeds(document.getText())).map((span) => {
    const range: FoldingRange = { startLine: span.startLine, endLine: span.endLine };
    if (span.kind === 'comment') range.kind = FoldingRangeKind.Comment;
    return range;
  });
}
