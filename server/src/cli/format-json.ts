// JSON output: an array of {file, range, severity, rule, message}; ranges 0-based as in LSP.
import type { CliFinding } from './report';

export function formatJson(findings: readonly CliFinding[]): string {
  const records = findings.map(({ file, range, severity, rule, message }) => ({
    file,
    range: { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } },
    severity,
    rule,
    message,
  }));
  return `${JSON.stringify(records, null, 2)}\n`;
}
