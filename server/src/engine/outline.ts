// Outline and folding for a YAML file, from the engine's own split and parse: one symbol per
// Kubernetes object (`Kind/name`, its containers underneath) and folding ranges per document and
// per indented block. Pure (no LSP types); results are cached per document chunk, so an edit in
// one document of a large file recomputes that document only.
import { isScalar, type Node } from 'yaml';
import { containersOf, type ContainerGroup } from './containers';
import { splitDocuments, type DocumentChunk } from './document-split';
import { asString, isObject, type JsonObject } from './json';
import { isListObject, listEntries } from './list-items';
import { locatePath } from './locate';
import { detachText } from './detach-text';
import { parseChunk, type ParsedChunk } from './parse';
import { findPodSpec } from './pod-specs';
import type { FieldPath, OffsetRange } from './types';

export type OutlineSymbolKind = 'object' | ContainerGroup;

export interface OutlineSymbol {
  /** `Kind/name` for objects, the container name for containers. */
  name: string;
  /** apiVersion for objects; `container · image` for containers. */
  detail?: string;
  kind: OutlineSymbolKind;
  /** Whole-file offsets. */
  range: OffsetRange;
  /** Inside `range`: the name (or kind) value. */
  selectionRange: OffsetRange;
  /** Index of the YAML document in the file. */
  documentIndex: number;
  children: OutlineSymbol[];
}

export interface FoldingSpan {
  /** 0-based, whole-file lines. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

const GROUP_LABEL: Record<ContainerGroup, string> = {
  initContainers: 'init container',
  containers: 'container',
  ephemeralContainers: 'ephemeral container',
};

interface LocalSymbol extends Omit<OutlineSymbol, 'documentIndex' | 'children'> {
  children: LocalSymbol[];
}
type ChunkSymbols = LocalSymbol[];

/** Parses one document chunk. */
export type ChunkParser = (chunk: Pick<DocumentChunk, 'text'>) => ParsedChunk;
/** The parse of the chunk at `index` of the file, from whoever holds it already (a snapshot). */
export type ChunkAtParser = (chunk: DocumentChunk, index: number) => ParsedChunk;

/** Keeps per-document results between calls; one per open file. */
export class Outliner {
  private symbolCache = new Map<string, ChunkSymbols>();
  private foldingCache = new Map<string, FoldingSpan[]>();

  constructor(private readonly parse: ChunkParser = parseChunk) {}

  /**
   * `parseAt` gives the parse of a chunk when the caller holds one already (a snapshot: the
   * analysis' own parse), so the outline does not parse the file again.
   */
  symbols(text: string, chunks: readonly DocumentChunk[] = splitDocuments(text), parseAt?: ChunkAtParser): OutlineSymbol[] {
    const next = new Map<string, ChunkSymbols>();
    const result: OutlineSymbol[] = [];
    chunks.forEach((chunk, documentIndex) => {
      // Its own copy of the text: cached symbols must not hold on to this version of the file (detach-text.ts).
      const parse = parseAt ? () => parseAt(chunk, documentIndex) : (own: string) => this.parse({ text: own });
      const local = next.get(chunk.text) ?? this.symbolCache.get(chunk.text) ?? chunkSymbols(detachText(chunk.text), parse);
      next.set(chunk.text, local);
      for (const symbol of local) result.push(shiftSymbol(symbol, chunk.start, documentIndex));
    });
    this.symbolCache = next;
    return result;
  }

  folding(text: string, chunks: readonly DocumentChunk[] = splitDocuments(text)): FoldingSpan[] {
    const next = new Map<string, FoldingSpan[]>();
    const result: FoldingSpan[] = [];
    for (const chunk of chunks) {
      const local = next.get(chunk.text) ?? this.foldingCache.get(chunk.text) ?? chunkFolding(chunk.text);
      next.set(chunk.text, local);
      for (const span of local) result.push({ ...span, startLine: span.startLine + chunk.startLine, endLine: span.endLine + chunk.startLine });
    }
    this.foldingCache = next;
    return result;
  }
}

/** One-shot forms. */
export function documentSymbols(text: string): OutlineSymbol[] {
  return new Outliner().symbols(text);
}

export function foldingSpans(text: string): FoldingSpan[] {
  return new Outliner().folding(text);
}

function shiftSymbol(symbol: LocalSymbol, base: number, documentIndex: number): OutlineSymbol {
  return {
    ...symbol,
    documentIndex,
    range: { start: symbol.range.start + base, end: symbol.range.end + base },
    selectionRange: { start: symbol.selectionRange.start + base, end: symbol.selectionRange.end + base },
    children: symbol.children.map((child) => shiftSymbol(child, base, documentIndex)),
  };
}

/** `parse` parses `text` (or returns the parse of the same text a caller holds). */
function chunkSymbols(text: string, parse: (text: string) => ParsedChunk): ChunkSymbols {
  // Blanks but not line breaks around the key: `^\s*` rescanned every following blank line from
  // each line start (quadratic in a run of empty lines).
  if (!/^[^\S\n\r\u2028\u2029]*(?:apiVersion|kind)[^\S\n\r\u2028\u2029]*:/m.test(text) && !text.includes('"kind"') && !text.includes('"apiVersion"')) return [];
  const parsed = parse(text);
  if (parsed.kind !== 'kubernetes' || !isObject(parsed.value) || !parsed.objectKind) return [];
  const document = parsed.document;
  const nodeRange = (path: FieldPath): OffsetRange | undefined => {
    const located = locatePath(document, path);
    const node = located.complete ? (located.node as Node | null) : null;
    if (!node || !node.range) return undefined;
    const start = node.range[0];
    let end = Math.max(start, node.range[1]);
    while (end > start && /\s/.test(text[end - 1])) end -= 1;
    return { start, end };
  };
  const within = (inner: OffsetRange | undefined, outer: OffsetRange): OffsetRange =>
    inner && inner.start >= outer.start && inner.end <= outer.end ? inner : { start: outer.start, end: outer.start };

  /** An object's symbol (`Kind/name`, its containers underneath); `root` is its path in the document. */
  const objectSymbol = (kind: string, apiVersion: string | undefined, object: JsonObject, root: FieldPath, range: OffsetRange): LocalSymbol => {
    const children: ChunkSymbols = [];
    const podSpec = findPodSpec(apiVersion ?? '', kind, object);
    if (podSpec) {
      for (const ref of containersOf(podSpec.spec, [...root, ...podSpec.specPath], ['initContainers', 'containers', 'ephemeralContainers'])) {
        const itemRange = nodeRange(ref.path);
        if (!itemRange) continue;
        const nameRange = ref.name !== undefined ? nodeRange([...ref.path, 'name']) : undefined;
        const image = asString(ref.container.image);
        const label = ref.isSidecar ? 'sidecar container' : GROUP_LABEL[ref.group];
        children.push({
          name: ref.name && ref.name.trim() ? ref.name : `${ref.group}[${ref.index}]`,
          detail: image ? `${label} · ${image}` : label,
          kind: ref.group,
          range: itemRange,
          selectionRange: within(nameRange, itemRange),
          children: [],
        });
      }
    }
    const nameNode = locatePath(document, [...root, 'metadata', 'name']).node;
    const selection = nameNode && isScalar(nameNode) ? nodeRange([...root, 'metadata', 'name']) : nodeRange([...root, 'kind']);
    const metadata = isObject(object.metadata) ? object.metadata : undefined;
    const name = asString(metadata?.name) ?? asString(metadata?.generateName);
    return { name: name ? `${kind}/${name}` : kind, detail: apiVersion, kind: 'object', range, selectionRange: within(selection, range), children };
  };
  const symbol = objectSymbol(parsed.objectKind, parsed.apiVersion, parsed.value, [], contentRange(text));
  // A List's items are objects of their own (list-items.ts): one symbol each, under the List.
  if (parsed.apiVersion && isListObject(parsed.objectKind, parsed.value)) {
    for (const { index, item, apiVersion, kind } of listEntries(parsed.apiVersion, parsed.objectKind, parsed.value)) {
      const itemRange = item && kind ? nodeRange(['items', index]) : undefined;
      if (item && kind && itemRange) symbol.children.push(objectSymbol(kind, apiVersion, item, ['items', index], itemRange));
    }
  }
  return [symbol];
}

/** From the start of the chunk to its last non-blank character. */
function contentRange(text: string): OffsetRange {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end -= 1;
  return { start: 0, end };
}

interface LineInfo {
  indent: number;
  blank: boolean;
  comment: boolean;
  dash: boolean;
}

function describeLine(line: string): LineInfo {
  let indent = 0;
  while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent += 1;
  const rest = line.slice(indent).replace(/\r$/, '');
  return {
    indent,
    blank: rest.length === 0,
    comment: rest.startsWith('#'),
    dash: rest === '-' || rest.startsWith('- ') || rest.startsWith('-\t'),
  };
}

/**
 * Folding for one document chunk (chunk-relative lines): the document itself, every line whose
 * following lines are indented deeper (YAML's `key:` followed by `- item` at the same indent
 * counts), and runs of two or more comment lines.
 */
function chunkFolding(text: string): FoldingSpan[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const infos = lines.map(describeLine);
  const spans: FoldingSpan[] = [];
  let firstContent = -1;
  let lastContent = -1;
  infos.forEach((info, index) => {
    if (info.blank) return;
    if (firstContent === -1) firstContent = index;
    lastContent = index;
  });
  if (firstContent === -1) return spans;

  // Indentation blocks, with a stack of open openers.
  const open: { line: number; indent: number; dash: boolean }[] = [];
  let previousContent = -1;
  const closeWhile = (continues: (opener: { indent: number; dash: boolean }) => boolean): void => {
    while (open.length > 0 && !continues(open[open.length - 1])) {
      const opener = open.pop()!;
      if (previousContent > opener.line) spans.push({ startLine: opener.line, endLine: previousContent });
    }
  };
  let commentRun = -1;
  infos.forEach((info, index) => {
    if (info.blank) return;
    if (info.comment) {
      if (commentRun === -1) commentRun = index;
      return;
    }
    if (commentRun !== -1 && index - 1 > commentRun && allComments(infos, commentRun, index - 1)) {
      spans.push({ startLine: commentRun, endLine: lastNonBlank(infos, commentRun, index - 1), kind: 'comment' });
    }
    commentRun = -1;
    closeWhile((opener) => info.indent > opener.indent || (info.indent === opener.indent && info.dash && !opener.dash));
    if (/^(---|\.\.\.)(\s|$)/.test(lines[index])) {
      previousContent = index;
      return;
    }
    open.push({ line: index, indent: info.indent, dash: info.dash });
    previousContent = index;
  });
  closeWhile(() => false);
  if (commentRun !== -1 && lastContent > commentRun && allComments(infos, commentRun, lastContent)) {
    spans.push({ startLine: commentRun, endLine: lastContent, kind: 'comment' });
  }
  // The whole document, from its `---` marker, or else from its first line that is not a comment
  // (a leading comment block folds on its own).
  let documentStart = firstContent;
  if (!/^---(\s|$)/.test(lines[firstContent])) {
    documentStart = infos.findIndex((info) => !info.blank && !info.comment);
    if (documentStart === -1) documentStart = firstContent;
  }
  if (lastContent > documentStart) spans.push({ startLine: documentStart, endLine: lastContent });
  spans.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return spans.filter((span, index) => index === 0 || span.startLine !== spans[index - 1].startLine);
}

function allComments(infos: LineInfo[], from: number, to: number): boolean {
  for (let i = from; i <= to; i += 1) if (!infos[i].blank && !infos[i].comment) return false;
  return true;
}

function lastNonBlank(infos: LineInfo[], from: number, to: number): number {
  for (let i = to; i >= from; i -= 1) if (!infos[i].blank) return i;
  return from;
}
