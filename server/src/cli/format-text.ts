// Text output: `file:line:col severity rule message`, 1-based, one finding per line.
import type { CliFinding } from './report';

export function formatText(findings: readonly CliFinding[]): string {
  return findings
    .map((finding) => {
      const { line, character } = finding.range.start;
      const message = finding.message.replace(/\s*\n\s*/g, ' ').trim();
      return `${finding.file}:${line + 1}:${character + 1} ${finding.severity} ${finding.rule} ${message}\n`;
    })
    .join('');
}

/** The closing summary (printed on stderr, so stdout stays one finding per line). */
export function summarize(findings: readonly CliFinding[], filesChecked: number, helmTemplatesSkipped = 0): string {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity] += 1;
  const skipped = helmTemplatesSkipped > 0 ? `, ${helmTemplatesSkipped} Helm chart template${helmTemplatesSkipped === 1 ? '' : 's'} skipped` : '';
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked${skipped}`;
  if (findings.length === 0) return `podwise: no findings (${files}).\n`;
  const parts = (Object.keys(counts) as (keyof typeof counts)[])
    .filter((severity) => counts[severity] > 0)
    .map((severity) => `${counts[severity]} ${severity}${counts[severity] === 1 ? '' : severity === 'info' ? '' : 's'}`);
  return `podwise: ${parts.join(', ')} (${files}).\n`;
}
