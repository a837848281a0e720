// One immutable model of one version of a file, shared by every editor feature: the text, its
// YAML documents, their parses and checked objects, the findings, and (computed on first use,
// once) the outline, folding, line index and content identity. Diagnostics, code actions, hover,
// inlay hints, completion and the outline all read the snapshot of the version they answer for,
// so no feature splits or parses the file again (FileAnalyzer.snapshot makes one per analysis).
//
// A document the analysis did not parse (its time budget ran out, past MAX_DOCUMENTS, a file too
// large to check, or a snapshot made for features only) is parsed on first use, once per snapshot.
import { detachText } from './detach-text';
import { splitDocuments, type DocumentChunk } from './document-split';
import { LineIndex, toLineFeeds } from './line-index';
import { Outliner, type ChunkParser, type FoldingSpan, type OutlineSymbol } from './outline';
import { parseChunk, type ParsedChunk } from './parse';
import type { ObjectContext, PodSpecContext } from './rule-types';
import { textIdentity } from './text-identity';
import type { Finding } from './types';

export interface DocumentSummary {
  index: number;
  start: number;
  end: number;
  /** `unchecked`: the budget ran out before the document was parsed. */
  kind: ParsedChunk['kind'] | 'unchecked';
  apiVersion?: string;
  objectKind?: string;
  name?: string;
}

/** What the analysis made of one document (by index); absent for documents it did not reach. */
export interface AnalyzedDocument {
  parsed: ParsedChunk | undefined;
  /** Undefined when the document was not checked (budget). */
  objects: readonly ObjectContext[] | undefined;
  podSpecs: readonly PodSpecContext[] | undefined;
}

export interface SnapshotParts {
  /** The text as the editor has it. */
  text: string;
  /** The text the engine reads (lone CRs as `\n`, same offsets); computed from `text` when absent. */
  source?: string;
  /** Every document chunk of `source` (also those past MAX_DOCUMENTS); split on first use when absent. */
  chunks?: readonly DocumentChunk[];
  /** Per chunk index, what the analysis parsed and checked. */
  analyzed?: readonly AnalyzedDocument[];
  findings?: readonly Finding[];
  summaries?: readonly DocumentSummary[];
  unfinished?: { documents: number };
}

export interface SnapshotServices {
  /** Parses a document the analysis did not (an analyzer passes its own, counted in tests). */
  parse?: ChunkParser;
  /** Keeps outline and folding per document between snapshots of the same file. */
  outliner?: Outliner;
}

export interface SnapshotDocument {
  index: number;
  /** Whole-file `start` and `startLine`; `text` as the engine reads it. */
  chunk: DocumentChunk;
  /** The parse (the analysis' own, or made on first use). */
  parsed: ParsedChunk;
  /**
   * The checked objects (a List's items included), as the cache of the document's text holds
   * them: their documentIndex and objectIndex count from this document (index 0).
   */
  objects: readonly ObjectContext[];
  podSpecs: readonly PodSpecContext[];
  /** False when the analysis did not check it (budget, limits, a features-only snapshot). */
  checked: boolean;
}

interface Memo {
  source?: string;
  chunks?: readonly DocumentChunk[];
  parsed: Map<number, ParsedChunk>;
  documents: Map<number, SnapshotDocument>;
  lines?: LineIndex;
  identity?: string;
  symbols?: readonly OutlineSymbol[];
  folding?: readonly FoldingSpan[];
}

export class FileSnapshot {
  readonly text: string;
  readonly findings: readonly Finding[];
  /** What the server's status needs to know of each analysed document. */
  readonly summaries: readonly DocumentSummary[];
  /** Set when the analysis ran out of its time budget (see AnalysisResult.unfinished). */
  readonly unfinished: { readonly documents: number } | undefined;
  private readonly analyzed: readonly AnalyzedDocument[];
  private readonly parse: ChunkParser;
  private readonly outliner: Outliner | undefined;
  // Lazily computed values live here: the snapshot itself is frozen.
  private readonly memo: Memo = { parsed: new Map(), documents: new Map() };

  constructor(parts: SnapshotParts, services: SnapshotServices = {}) {
    this.text = parts.text;
    this.findings = parts.findings ?? [];
    this.summaries = parts.summaries ?? [];
    this.unfinished = parts.unfinished;
    this.analyzed = parts.analyzed ?? [];
    this.memo.source = parts.source;
    this.memo.chunks = parts.chunks;
    this.parse = services.parse ?? parseChunk;
    this.outliner = services.outliner;
    Object.freeze(this);
  }

  /** A snapshot with no analysis (no findings): the editor features of a text, for one-shot use. */
  static of(text: string, services?: SnapshotServices): FileSnapshot {
    return new FileSnapshot({ text }, services);
  }

  /** The text the engine reads: lone CRs as `\n` (same offsets and lines, see line-index.ts). */
  get source(): string {
    this.memo.source ??= toLineFeeds(this.text);
    return this.memo.source;
  }

  get chunks(): readonly DocumentChunk[] {
    this.memo.chunks ??= splitDocuments(this.source);
    return this.memo.chunks;
  }

  /** Offsets to positions and back, of this version's text. */
  get lines(): LineIndex {
    this.memo.lines ??= new LineIndex(this.text);
    return this.memo.lines;
  }

  /** Length and hash of the text (text-identity.ts): what fixes are pinned to. */
  get identity(): string {
    this.memo.identity ??= textIdentity(this.text);
    return this.memo.identity;
  }

  /** The parse of document `index` (undefined past the last document). */
  parsed(index: number): ParsedChunk | undefined {
    const analyzed = this.analyzed[index]?.parsed;
    if (analyzed) return analyzed;
    const chunk = this.chunks[index];
    if (!chunk) return undefined;
    let parsed = this.memo.parsed.get(index);
    if (!parsed) {
      // Its own copy of the text, as the analyzer parses: an outline cached per document must not
      // hold this whole version of the file (detach-text.ts).
      parsed = this.parse({ text: detachText(chunk.text) });
      this.memo.parsed.set(index, parsed);
    }
    return parsed;
  }

  document(index: number): SnapshotDocument | undefined {
    const cached = this.memo.documents.get(index);
    if (cached) return cached;
    const chunk = this.chunks[index];
    const parsed = chunk && this.parsed(index);
    if (!chunk || !parsed) return undefined;
    const analyzed = this.analyzed[index];
    const checked = analyzed?.objects !== undefined;
    const document: SnapshotDocument = Object.freeze({ index, chunk, parsed, objects: analyzed?.objects ?? [], podSpecs: analyzed?.podSpecs ?? [], checked });
    this.memo.documents.set(index, document);
    return document;
  }

  /** The index of the document holding `offset` (the later one when the offset sits on a boundary). */
  indexAt(offset: number): number | undefined {
    const chunks = this.chunks;
    if (chunks.length === 0 || chunks[0].start > offset) return undefined;
    let low = 0;
    let high = chunks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (chunks[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  documentAt(offset: number): SnapshotDocument | undefined {
    const index = this.indexAt(offset);
    return index === undefined ? undefined : this.document(index);
  }

  /** Outline symbols (whole-file offsets), computed once per snapshot. */
  symbols(): readonly OutlineSymbol[] {
    this.memo.symbols ??= this.outlinerOrFresh().symbols(this.source, this.chunks, (chunk, index) => this.parsed(index) ?? this.parse(chunk));
    return this.memo.symbols;
  }

  /** Folding spans (whole-file lines), computed once per snapshot. */
  folding(): readonly FoldingSpan[] {
    this.memo.folding ??= this.outlinerOrFresh().folding(this.source, this.chunks);
    return this.memo.folding;
  }

  private outlinerOrFresh(): Outliner {
    return this.outliner ?? new Outliner(this.parse);
  }
}

/** A snapshot, or one made of a text (the editor features accept both). */
export function snapshotOf(input: string | FileSnapshot): FileSnapshot {
  return typeof input === 'string' ? FileSnapshot.of(input) : input;
}
