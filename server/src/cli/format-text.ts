// `--format compact`: `file:line:col severity rule message`, 1-based, one finding per line, the
// shape editors' problem matchers and `grep` read. Also terminal escaping for every text output.
import type { CliFinding } from './report';

export function formatCompact(findings: readonly CliFinding[]): string {
  return findings
    .map((finding) => {
      const { line, character } = finding.range.start;
      return `${terminalSafe(finding.file)}:${line + 1}:${character + 1} ${finding.severity} ${finding.rule} ${terminalSafe(oneLine(finding.message))}\n`;
    })
    .join('');
}

/** One line per finding: line breaks and the blanks around them become one space. */
export function oneLine(message: string): string {
  return message
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Characters a terminal acts on instead of showing, written as escapes: C0 controls but the tab
 * (ESC starts colour and cursor sequences, BEL rings, CR rewrites the line), DEL, C1 controls
 * (U+009B is a one-character CSI for some terminals), and the bidi embeddings, overrides and
 * isolates, which reorder what is shown ("Trojan Source", https://trojansource.codes/).
 * A manifest's values (quoted in messages) and file names reach the terminal through here.
 * Code points up to U+00FF become `\xHH`, the bidi controls `\uHHHH`. A backslash is left alone,
 * so a name that really contains `\x1b` reads the same as one with an ESC: harmless either way.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The compact format's closing summary (printed on stderr, so stdout stays one finding per line). */
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
