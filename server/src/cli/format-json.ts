// JSON output: an array of {file, range, severity, rule, message, detail?}; ranges 0-based as in LSP.
import type { CliFinding } from './report';

export function formatJson(findings: readonly CliFinding[]): string {
  return `${stringifyTerminalSafe(findings.map(jsonRecord))}\n`;
}

/** One finding as the JSON output writes it (its own object: key order is part of the format). */
export function jsonRecord({ file, range, severity, rule, message, detail }: CliFinding): object {
  return {
    file,
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    severity,
    rule,
    message,
    ...(detail ? { detail } : {}),
  };
}

/**
 * The JSON array written piece by piece, byte for byte what formatJson writes for all the findings
 * at once: `JSON.stringify(array, null, 2)` puts each element on its own lines indented two more
 * spaces, and no line break can occur inside a JSON string, so indenting each element's lines is exact.
 */
export class JsonArrayWriter {
  private count = 0;

  constructor(private readonly write: (text: string) => void) {}

  add(findings: readonly CliFinding[]): void {
    if (findings.length === 0) return;
    const elements = findings.map((finding) => `  ${stringifyTerminalSafe(jsonRecord(finding)).split('\n').join('\n  ')}`);
    this.write(`${this.count === 0 ? '[\n' : ',\n'}${elements.join(',\n')}`);
    this.count += findings.length;
  }

  end(): void {
    this.write(this.count === 0 ? '[]\n' : '\n]\n');
  }
}

/**
 * JSON.stringify escapes C0 controls (ESC becomes \u001b) but leaves DEL, C1 controls and the
 * bidi overrides and isolates as they are, and JSON output is often read in a terminal (`cat`,
 * `jq` without -r). Outside strings these characters cannot occur in JSON, so writing them as
 * \uHHHH escapes changes nothing for a parser.
 */
export function stringifyTerminalSafe(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
