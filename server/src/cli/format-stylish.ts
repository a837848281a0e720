// The default text output, modelled on eslint's "stylish": findings grouped under their file,
// `line:col  severity  message  rule` in aligned columns, and a one-line summary.
//
//   deploy/web.yaml
//     11:14  error    env[0].value must be a string, but 3306 is a number  schema-type
//      3:1   warning  …                                                     probe-liveness-missing
//
//   ✖ 2 problems (1 error, 1 warning, 0 infos, 0 hints) · 1 file checked
import type { Severity } from '../engine/types';
import type { Palette } from './colors';
import { oneLine, terminalSafe } from './format-text';
import type { CliFinding } from './report';

export interface SummaryFacts {
  filesChecked: number;
  helmTemplatesSkipped: number;
  /** Findings found but not shown (below `--min-severity` / `--quiet`). */
  hidden: number;
  minSeverity: Severity;
}

/** Line width assumed when the output is not a terminal. */
export const DEFAULT_COLUMNS = 120;

/**
 * `columns`: the terminal's width. Messages that fit in it are padded so the rule ids line up;
 * a longer message (many explain the Kubernetes behaviour at length) is followed by its rule id
 * directly, since padding the other lines to its width would only make the terminal wrap them.
 */
export function formatStylish(findings: readonly CliFinding[], colors: Palette, columns = DEFAULT_COLUMNS): string {
  const groups = new Map<string, CliFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  let output = '';
  for (const [file, group] of groups) {
    const sorted = [...group].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const rows = sorted.map((finding) => ({
      line: String(finding.range.start.line + 1),
      column: String(finding.range.start.character + 1),
      severity: finding.severity,
      message: terminalSafe(oneLine(finding.message)),
      rule: terminalSafe(finding.rule),
    }));
    const lineWidth = Math.max(...rows.map((row) => row.line.length));
    const columnWidth = Math.max(...rows.map((row) => row.column.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const ruleWidth = Math.max(...rows.map((row) => row.rule.length));
    const budget = Math.max(40, columns - (2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2 + 2 + ruleWidth));
    const messageWidth = Math.max(0, ...rows.map((row) => width(row.message)).filter((messageWidth) => messageWidth <= budget));
    output += `${colors.bold(colors.underline(terminalSafe(file)))}\n`;
    for (const row of rows) {
      const position = colors.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`);
      const severity = colors.severity(row.severity, row.severity) + ' '.repeat(severityWidth - row.severity.length);
      const message = row.message + ' '.repeat(Math.max(0, messageWidth - width(row.message)));
      output += `  ${position}  ${severity}  ${message}  ${colors.dim(row.rule)}\n`;
    }
    output += '\n';
  }
  return output;
}

/** `✖ 12 problems (3 errors, 9 warnings, 0 infos, 0 hints) · 4 files checked`, or `✔ no problems …`. */
export function stylishSummary(findings: readonly CliFinding[], facts: SummaryFacts, colors: Palette): string {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  const extras = [`${facts.filesChecked} file${facts.filesChecked === 1 ? '' : 's'} checked`];
  if (facts.helmTemplatesSkipped > 0) extras.push(`${facts.helmTemplatesSkipped} Helm chart template${facts.helmTemplatesSkipped === 1 ? '' : 's'} skipped`);
  if (facts.hidden > 0) extras.push(`${facts.hidden} below ${facts.minSeverity} not shown`);
  const tail = colors.dim(` · ${extras.join(' · ')}`);
  if (findings.length === 0) return `${colors.green('✔')} no problems${tail}\n`;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const text = `✖ ${plural(findings.length, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}, ${plural(counts.hint, 'hint')})`;
  const paint = counts.error > 0 ? colors.red : counts.warning > 0 ? colors.yellow : colors.cyan;
  return `${colors.bold(paint(text))}${tail}\n`;
}

/** Columns a string takes, counting code points (an astral character is one, not two). */
function width(text: string): number {
  return Array.from(text).length;
}
