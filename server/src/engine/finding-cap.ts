// The editor sees at most a fixed number of findings per file (limits.ts,
// MAX_PUBLISHED_DIAGNOSTICS); the CLI reports every one, since a report file or CI log is read by
// tools, not re-sent on every keystroke.
import type { RuleSetting } from '../shared/settings';
import { applySeverities } from './severity';
import { SEVERITIES, type Finding } from './types';

/**
 * The findings to show when there are more than `max`: errors first, then warnings, infos and
 * hints, each in file order; then one `yaml-limit` info on the file's first line saying how many
 * were left out (unless the user turned `yaml-limit` off or changed its severity). The result is
 * in file order.
 */
export function capFindings(findings: readonly Finding[], max: number, text: string, rules: Record<string, RuleSetting> = {}): Finding[] {
  if (findings.length <= max) return [...findings];
  const rank = (finding: Finding): number => SEVERITIES.indexOf(finding.severity);
  const byPriority = findings.map((finding, order) => ({ finding, order })).sort((a, b) => rank(a.finding) - rank(b.finding) || a.order - b.order);
  const kept = byPriority
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map(({ finding }) => finding);
  const newline = text.indexOf('\n');
  const end = Math.min(newline === -1 ? text.length : newline, 200);
  const count = (n: number): string => n.toLocaleString('en-US');
  const note: Finding = {
    ruleId: 'yaml-limit',
    severity: 'info',
    message: `This file has ${count(findings.length)} findings; the editor shows the first ${count(max)}, errors first`,
    detail: 'Run `podwise check` on the file to see them all.',
    documentIndex: 0,
    path: [],
    range: { start: 0, end },
    fixes: [],
  };
  return [...applySeverities([note], rules), ...kept];
}
