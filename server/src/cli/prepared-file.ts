// `podwise check` reads and parses each file once. The run-wide objects (run-objects.ts: Services,
// Namespaces, CRDs … of every file) must be known before any file is checked, so a check runs in
// two phases: first every file is split and parsed and its run objects collected (`prepareText`),
// and the parses are kept; then each file is analysed with the whole run's objects, its documents
// taken from the kept parses instead of being parsed again (`analyzePrepared`). Both phases run
// on the thread that checks the file (a worker, or the CLI's own thread: worker-pool.ts).
//
// Kept parses cost about nine times the text in heap, so what one thread keeps is bounded
// (RETAINED_CHARS_LIMIT): past it, a file's documents are parsed again when it is checked, as
// before. The result is the same either way: a parse depends on the document's text only.
import { FileAnalyzer, type AnalysisResult, type AnalyzeOptions } from '../engine/analyze';
import { detachText } from '../engine/detach-text';
import { splitDocuments } from '../engine/document-split';
import { MAX_DOCUMENTS, MAX_FILE_SIZE } from '../engine/limits';
import { hasLoneCr } from '../engine/line-index';
import { parseChunk, type ParsedChunk } from '../engine/parse';
import { runObjectsOf, type RunObject } from '../engine/run-objects';
import { withoutFixes } from '../engine/run-rules';

/** Characters of text whose parses one thread keeps between the two phases (about 150 MB of heap). */
export const RETAINED_CHARS_LIMIT = 16 * 1024 * 1024;

export interface PreparedText {
  /** The file's run objects (none when it is not shared with the run). */
  runObjects: RunObject[];
  /** The parses of its documents by document text, or undefined when they were not kept. */
  parses?: Map<string, ParsedChunk>;
  /** Characters the kept parses stand for (0 when none were kept). */
  chars: number;
}

/**
 * Phase one for one file: its documents parsed (and kept, when `retain`) and, when `filePath` is
 * given, its run objects collected. Only the documents the analysis reads are kept: the first
 * MAX_DOCUMENTS, and none of a text with lone CRs (the analysis reads a copy with LF there).
 */
export function prepareText(text: string, filePath: string | undefined, retain: boolean, only?: string): PreparedText {
  const chunks = splitDocuments(text);
  const keep = retain && text.length <= MAX_FILE_SIZE && !hasLoneCr(text);
  const parses = keep ? new Map<string, ParsedChunk>() : undefined;
  if (parses) {
    const count = Math.min(chunks.length, MAX_DOCUMENTS);
    for (let index = 0; index < count; index += 1) {
      const chunk = chunks[index];
      // Parsed from its own copy, as FileAnalyzer does, so a kept parse never holds the whole file.
      if (!parses.has(chunk.text)) parses.set(chunk.text, parseChunk({ text: detachText(chunk.text) }));
    }
  }
  const collected = filePath === undefined ? [] : runObjectsOf(filePath, chunks, (index) => parses?.get(chunks[index].text) ?? parseChunk(chunks[index]));
  const runObjects = only === undefined ? collected : collected.filter((object) => object.kind === only);
  return { runObjects, ...(parses ? { parses } : {}), chars: parses ? text.length : 0 };
}

/**
 * Phase two: the analysis of the text, its documents taken from the kept parses when there are.
 * `podwise check` shows no fixes, so none are resolved (the findings are the same otherwise).
 */
export function analyzePrepared(text: string, prepared: PreparedText | undefined, options: AnalyzeOptions): AnalysisResult {
  const parses = prepared?.parses;
  const analyzer = parses ? new FileAnalyzer({ parse: (chunk) => parses.get(chunk.text) ?? parseChunk(chunk) }) : new FileAnalyzer();
  return withoutFixes(() => analyzer.analyze(text, options));
}

/** The kept parses of one thread, within RETAINED_CHARS_LIMIT. */
export class PreparedStore {
  private readonly files = new Map<number, PreparedText>();
  private chars = 0;

  constructor(private readonly limit: number = RETAINED_CHARS_LIMIT) {}

  /**
   * Phase one for file `id`; its parses are kept when they fit. `only`: a file read for its objects
   * of that kind alone (`--crd`), never checked, so nothing is kept.
   */
  prepare(id: number, text: string, filePath: string | undefined, only?: string): PreparedText {
    const prepared = prepareText(text, filePath, only === undefined && this.chars + text.length <= this.limit, only);
    this.chars += prepared.chars;
    // The run objects go to the caller; only the parses wait for phase two.
    if (prepared.parses) this.files.set(id, { runObjects: [], parses: prepared.parses, chars: prepared.chars });
    return prepared;
  }

  /** What was kept of file `id`, forgotten from now on (each file is analysed once). */
  take(id: number): PreparedText | undefined {
    const prepared = this.files.get(id);
    if (prepared === undefined) return undefined;
    this.files.delete(id);
    this.chars -= prepared.chars;
    return prepared;
  }
}
