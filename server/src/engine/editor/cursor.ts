// Where the cursor is in a YAML file: which document, which field path, and whether a key or a
// value is being typed. Works on the text line by line so a half-typed line does not hide the
// structure (see yaml-lines.ts). The document comes from the file's snapshot (snapshot.ts).
import { parseChunk, type ParsedChunk } from '../parse';
import type { FieldPath, OffsetRange } from '../types';
import { ancestorsOf, lineItems, scanLines, siblingsBelow, type LineInfo, type Step } from './yaml-lines';

export type CursorContext =
  | {
      kind: 'key';
      /** Path of the mapping the key goes into. */
      mappingPath: FieldPath;
      /** Keys already in that mapping (above and below the cursor). */
      existingKeys: string[];
      /** The partial key typed so far. */
      prefix: string;
      /** Chunk-relative range of the partial key (what a completion replaces). */
      replace: OffsetRange;
    }
  | {
      kind: 'value';
      /** Path of the field whose value is being typed. */
      path: FieldPath;
      prefix: string;
      replace: OffsetRange;
    };

/** The completion context at a chunk-relative offset, or undefined (comment, block scalar, flow). */
export function cursorContext(chunkText: string, local: number): CursorContext | undefined {
  const lines = scanLines(chunkText);
  const lineNumber = lineAt(lines, local);
  const info = lines[lineNumber];
  if (!info) return undefined;
  const column = local - info.start;
  const before = info.text.slice(0, column);
  if (insideBlockScalar(info, column) || /(^|\s)#/.test(before) || /^(---|\.\.\.)(\s|$)/.test(before)) return undefined;
  const items = lineItems(before);
  const last = items[items.length - 1];
  const wordEnd = local + wordLength(info.text.slice(column));
  if (last && last.type === 'key') {
    const afterColon = before.slice(before.indexOf(':', last.column + (last.key ?? '').length) + 1).trimStart();
    // Inside a flow collection the line structure says nothing; leave it to the client.
    if (/^[[{|>&*!]/.test(afterColon)) return undefined;
    const prefix = afterColon.replace(/^['"]/, '');
    const { steps } = ancestorsOf(lines, lineNumber, items.slice(0, -1), last.column, false);
    return { kind: 'value', path: [...toPath(steps), last.key ?? ''], prefix, replace: { start: local - prefix.length, end: wordEnd } };
  }
  // A key being typed: the word after the indentation and dashes.
  const dashes = items.filter((item) => item.type === 'dash');
  const keyColumn = last && last.type === 'scalar' ? last.column : before.length;
  const prefix = before.slice(keyColumn);
  if (/[^\w./-]/.test(prefix)) return undefined;
  const { steps, siblingsAbove } = ancestorsOf(lines, lineNumber, dashes, keyColumn, false);
  // A key typed right after a fresh `- ` starts a new mapping: only what follows is in it.
  const above = dashes.length > 0 ? [] : siblingsAbove;
  const existingKeys = [...above, ...siblingsBelow(lines, lineNumber, keyColumn)];
  return { kind: 'key', mappingPath: toPath(steps), existingKeys, prefix, replace: { start: local - prefix.length, end: wordEnd } };
}

function toPath(steps: readonly Step[]): FieldPath {
  return steps.map((step) => (step.type === 'key' ? step.key : step.index));
}

function wordLength(after: string): number {
  const match = /^[\w./-]*/.exec(after);
  return match ? match[0].length : 0;
}

export function lineAt(lines: readonly LineInfo[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lines[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A blank line inside a block scalar is still part of it only past the owner's column. */
function insideBlockScalar(info: LineInfo, column: number): boolean {
  if (info.blockOwner === undefined) return false;
  return info.text.trim() !== '' || column > info.blockOwner;
}

/** apiVersion and kind of a document, read from its top-level lines (works on broken YAML). */
export function headerOf(chunkText: string): { apiVersion?: string; kind?: string } {
  const header: { apiVersion?: string; kind?: string } = {};
  for (const match of chunkText.matchAll(/^(apiVersion|kind):[ \t]*["']?([^"'\s#]+)/gm)) {
    if (match[1] === 'apiVersion') header.apiVersion ??= match[2];
    else header.kind ??= match[2];
  }
  return header;
}

/**
 * Parses a chunk with the characters in `blank` replaced by spaces (the half-typed key): the one
 * parse a feature makes itself, as the text it needs is not the file's (see completion.ts).
 */
export function parseWithBlank(chunkText: string, blank: OffsetRange): ParsedChunk {
  const text = chunkText.slice(0, blank.start) + ' '.repeat(blank.end - blank.start) + chunkText.slice(blank.end);
  return parseChunk({ text });
}
