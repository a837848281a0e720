// What the formatters print: findings placed by file and 0-based line/character (LSP style).
import { LineIndex } from '../engine/line-index';
import type { Finding, LineRange, Severity } from '../engine/types';

export interface CliFinding {
  file: string;
  range: LineRange;
  severity: Severity;
  rule: string;
  message: string;
  /** The longer explanation, when the rule gives one. */
  detail?: string;
}

export interface CheckReport {
  findings: CliFinding[];
  /** Files analysed (or skipped with a yaml-limit finding). */
  filesChecked: number;
  /** Files below a Helm chart's templates/ folder, left alone. */
  helmTemplatesSkipped: number;
  /** Files that could not be read or analysed; reported on stderr, exit code 2. */
  failures: string[];
}

export function placeFindings(file: string, text: string, findings: readonly Finding[]): CliFinding[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((finding) => ({
    file,
    range: lines.rangeOf(finding.range),
    severity: finding.severity,
    rule: finding.ruleId,
    message: finding.message,
    ...(finding.detail ? { detail: finding.detail } : {}),
  }));
}
