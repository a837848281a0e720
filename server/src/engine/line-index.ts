// Offsets ↔ 0-based line/character positions (UTF-16, as LSP counts).
//
// Line ends are `\n`, `\r\n` and a lone `\r`, as in LSP ("To ensure that both client and server
// split the string into the same line representation the protocol specifies the following
// end-of-line sequences: '\n', '\r\n' and '\r'",
// https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/#textDocuments)
// and in YAML (1.2 §5.4: a lone CR is a line break). Positions never point inside a line end: a
// character past the line's content means the end of its content, as in
// vscode-languageserver-textdocument.
import type { LineRange, OffsetRange, Position } from './types';

const LF = 10;
const CR = 13;

/** Does a line start at `offset` (0 < offset ≤ length)? After `\n`, and after a `\r` not followed by `\n`. */
export function isLineStart(text: string, offset: number): boolean {
  const previous = text.charCodeAt(offset - 1);
  return previous === LF || (previous === CR && text.charCodeAt(offset) !== LF);
}

/** Line starts in [from, to] (inclusive, from ≥ 1), in order. */
export function lineStartsBetween(text: string, from: number, to: number, into: number[] = []): number[] {
  const last = Math.min(to, text.length);
  for (let index = Math.max(1, from) - 1; index < last; index += 1) {
    const code = text.charCodeAt(index);
    if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) into.push(index + 1);
  }
  return into;
}

/** Every line start of `text`: 0, then one after each line end. */
export function lineStartsOf(text: string): number[] {
  return lineStartsBetween(text, 1, text.length, [0]);
}

/** Whether the text has a `\r` that is not part of `\r\n` (classic Mac line ends, or a stray CR). */
export function hasLoneCr(text: string): boolean {
  return text.includes('\r') && /\r(?!\n)/.test(text);
}

/**
 * The text with every lone `\r` replaced by `\n`: the same length and the same offsets, the same
 * lines, and a text that `yaml` (which only knows `\n` and `\r\n`) parses as YAML means it.
 */
export function toLineFeeds(text: string): string {
  return hasLoneCr(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** Binary search: index of the last line start ≤ offset. */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Moves an offset that sits inside or after a line end back to the end of the line's content. */
function beforeLineEnd(text: string, offset: number, lineStart: number): number {
  let result = offset;
  while (result > lineStart) {
    const code = text.charCodeAt(result - 1);
    if (code !== LF && code !== CR) break;
    result -= 1;
  }
  return result;
}

/** A finite integer, or 0 (a client may send `null` or a float). */
function integer(value: number): number {
  return Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** Offset → position over given line starts. */
export function positionIn(text: string, lineStarts: readonly number[], offset: number): Position {
  const clamped = Math.max(0, Math.min(integer(offset), text.length));
  const line = lineOfOffset(lineStarts, clamped);
  const start = lineStarts[line];
  return { line, character: beforeLineEnd(text, clamped, start) - start };
}

/** Position → offset over given line starts, clamped to the text (a line past the end is the end). */
export function offsetIn(text: string, lineStarts: readonly number[], position: Position): number {
  const line = integer(position.line);
  if (line >= lineStarts.length) return text.length;
  if (line < 0) return 0;
  const start = lineStarts[line];
  const character = integer(position.character);
  if (character <= 0) return start;
  const next = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  return beforeLineEnd(text, Math.min(start + character, next), start);
}

export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    return positionIn(this.text, this.lineStarts, offset);
  }

  offsetAt(position: Position): number {
    return offsetIn(this.text, this.lineStarts, position);
  }

  rangeOf(range: OffsetRange): LineRange {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }
}
