// Small text helpers for computing edits on YAML source. The source has `\n` or `\r\n` line
// ends (the analyzer parses a copy with lone `\r`s turned into `\n`, see line-index.ts); new text
// is built with `\n` and given the document's own line end by `withLineEnding`.
import { Parser, stringify } from 'yaml';
import type { Finding } from '../types';

export type LineEnding = '\n' | '\r\n' | '\r';

/**
 * The line end to insert at `offset`: the one that ends the line holding `offset` (or, on a last
 * line without one, the one before it), so a fix in a CRLF or classic-Mac file adds lines of the
 * same kind. A text without any line end gets `\n`.
 */
export function lineEndingAt(text: string, offset: number, fallback?: LineEnding): LineEnding {
  const at = Math.max(0, Math.min(offset, text.length));
  // Looked for near the edit only (a one-line JSON file with 10,000 fixes must not be scanned
  // 10,000 times); past that, the text's first line end (callers with many edits pass it in).
  const after = /\r\n?|\n/.exec(text.slice(at, at + WINDOW));
  if (after) return ending(text, at + after.index);
  for (let index = at - 1; index >= Math.max(0, at - WINDOW); index -= 1) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) return ending(text, code === 10 && text.charCodeAt(index - 1) === 13 ? index - 1 : index);
  }
  return fallback ?? firstLineEnding(text);
}

const WINDOW = 4096;

/** The text's first line end, or `\n` when it has none. */
export function firstLineEnding(text: string): LineEnding {
  const first = /\r\n?|\n/.exec(text);
  return first ? ending(text, first.index) : '\n';
}

function ending(text: string, index: number): LineEnding {
  if (text[index] === '\n') return text[index - 1] === '\r' ? '\r\n' : '\n';
  return text[index + 1] === '\n' ? '\r\n' : '\r';
}

/** `text` with every line end (`\n`, `\r\n`, lone `\r`) written as `eol`. */
export function withLineEnding(text: string, eol: LineEnding): string {
  if (!text.includes('\n') && !text.includes('\r')) return text;
  return text.replace(/\r\n|\r|\n/g, eol);
}

/**
 * The comments (`# …`, as written) that start in [start, end) of `source`, from `yaml`'s CST, so
 * a `#` inside a string or a block scalar is not one.
 */
export function commentsIn(source: string, start: number, end: number): { offset: number; text: string }[] {
  if (!source.slice(start, end).includes('#')) return [];
  const found: { offset: number; text: string }[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const token = value as { type?: unknown; source?: unknown; offset?: unknown };
    if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
      if (token.offset >= start && token.offset < end) found.push({ offset: token.offset, text: token.source.trim() });
      return;
    }
    for (const child of Object.values(value)) walk(child);
  };
  for (const token of new Parser().parse(source)) walk(token);
  return found.sort((a, b) => a.offset - b.offset);
}

export function lineStartOf(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the newline that ends the line holding `offset` (or the text's end). */
export function lineEndAfter(source: string, offset: number): number {
  const newline = source.indexOf('\n', offset);
  return newline === -1 ? source.length : newline + 1;
}

export function columnOf(source: string, offset: number): number {
  return offset - lineStartOf(source, offset);
}

/** A value on one line: a scalar, or a flow collection (`{a: 1}`, `[x, y]`). */
export function serializeInline(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'flow' }).trimEnd();
}

/** A value as block YAML, every line indented by `indent` spaces, ending in a newline. */
export function serializeBlock(value: unknown, indent: number): string {
  const text = stringify(value, { version: '1.1', lineWidth: 0, indentSeq: true });
  const pad = ' '.repeat(indent);
  return (
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line.length > 0 ? pad + line : line))
      .join('\n') + '\n'
  );
}

/**
 * Findings computed on `toLineFeeds(original)` (line-index.ts), with every fix's new text given
 * the line end `original` has at the edit: a classic-Mac file gets `\r`, not the `\n` of the copy.
 */
export function withOriginalLineEndingsOf<R extends { findings: Finding[] }>(original: string, result: R): R {
  return { ...result, findings: withOriginalLineEndings(original, result.findings) };
}

function withOriginalLineEndings(original: string, findings: Finding[]): Finding[] {
  const fallback = firstLineEnding(original);
  return findings.map((finding) =>
    finding.fixes.length === 0
      ? finding
      : {
          ...finding,
          fixes: finding.fixes.map((fix) => ({
            ...fix,
            edits: fix.edits.map((edit) => ({ ...edit, newText: withLineEnding(edit.newText, lineEndingAt(original, edit.range.start, fallback)) })),
          })),
        },
  );
}
