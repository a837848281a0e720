// An independent model of LSP text synchronisation for tests: what the server's copy of a
// document must be after a didChange. Lines end at `\n`, `\r\n` or a lone `\r` (LSP 3.17); a
// range is clamped to the document as VS Code does (a line past the end is the end of the text,
// a character past a line's content is the end of that content, start and end in any order).
// Written from scratch (split into lines each time), so it shares no code with the server.

/** The lines of `text` as { start, contentEnd } offsets. */
export function linesOf(text) {
  const lines = [];
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
    lines.push({ start, contentEnd: match.index });
    start = match.index + match[0].length;
  }
  lines.push({ start, contentEnd: text.length });
  return lines;
}

const int = (value) => (Number.isFinite(value) ? Math.trunc(value) : 0);

export function offsetOf(text, position) {
  const lines = linesOf(text);
  const line = int(position?.line);
  if (line < 0) return 0;
  if (line >= lines.length) return text.length;
  return lines[line].start + Math.max(0, Math.min(int(position?.character), lines[line].contentEnd - lines[line].start));
}

export function positionOf(text, offset) {
  const lines = linesOf(text);
  for (let line = lines.length - 1; line >= 0; line -= 1) {
    if (lines[line].start <= offset) return { line, character: Math.min(offset, lines[line].contentEnd) - lines[line].start };
  }
  return { line: 0, character: 0 };
}

/** Applies LSP content changes in order, as the server must. */
export function applyChanges(text, changes) {
  let result = text;
  for (const change of changes) {
    if (!change.range) {
      result = change.text;
      continue;
    }
    const a = offsetOf(result, change.range.start);
    const b = offsetOf(result, change.range.end);
    const [start, end] = a <= b ? [a, b] : [b, a];
    result = result.slice(0, start) + change.text + result.slice(end);
  }
  return result;
}

/**
 * A diagnostic without what names the document it was sent for (its version and the identity of
 * that open document's version), for comparing the diagnostics of two documents with one text.
 */
export function comparable(diagnostic) {
  const { data, ...rest } = diagnostic;
  return { ...rest, data: data ? { fixes: data.fixes } : undefined };
}

/** Every position of every diagnostic (and fix edit) is a pair of non-negative integers. */
export function badPositions(diagnostics) {
  const bad = [];
  const check = (where, position) => {
    if (!Number.isInteger(position?.line) || !Number.isInteger(position?.character) || position.line < 0 || position.character < 0)
      bad.push(`${where}: ${JSON.stringify(position)}`);
  };
  for (const d of diagnostics) {
    check(`${d.code} start`, d.range.start);
    check(`${d.code} end`, d.range.end);
    for (const fix of d.data?.fixes ?? []) for (const edit of fix.edits) check(`${d.code} fix "${fix.title}"`, edit.range.start);
  }
  return bad;
}

/**
 * A document the test edits with raw didChange notifications (bypassing the client's own
 * TextDocument, which has the very line-table bugs under test). `text` is the oracle's view.
 */
export class RawDocument {
  constructor(client, uri, text) {
    this.client = client;
    this.uri = uri;
    this.text = text;
    this.version = 1;
  }

  static async open(client, uri, text) {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return new RawDocument(client, uri, text);
  }

  /** Sends one didChange and returns its version. */
  async change(changes) {
    this.version += 1;
    this.text = applyChanges(this.text, changes);
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: changes });
    return this.version;
  }

  /** The diagnostics published for the current version. */
  async diagnostics(timeout = 20000) {
    const publication = await this.client.waitForDiagnostics(this.uri, undefined, { version: this.version, timeout });
    return publication.diagnostics;
  }

  async close() {
    await this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri } });
  }
}
