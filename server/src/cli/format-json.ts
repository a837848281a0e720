// JSON output: an array of {file, range, severity, rule, message, detail?}; ranges 0-based as in LSP.
import type { CliFinding } from './report';

export function formatJson(findings: readonly CliFinding[]): string {
  const records = findings.map(({ file, range, severity, rule, message, detail }) => ({
    file,
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    severity,
    rule,
    message,
    ...(detail ? { detail } : {}),
  }));
  return `${stringifyTerminalSafe(records)}\n`;
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
