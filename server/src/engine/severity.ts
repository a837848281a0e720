// User severity overrides: `off` drops a rule, any other value replaces its severity. Rules that
// are off by default (policy advice) appear only when a user gives them a severity. Nothing else
// ever changes a severity.
import type { RuleSetting } from '../shared/settings';
import { ruleMeta } from './rules';
import type { Finding } from './types';

export function applySeverities(findings: Finding[], overrides: Record<string, RuleSetting>): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.ruleId];
    if (override === 'off') continue;
    if (override) {
      result.push({ ...finding, severity: override });
      continue;
    }
    if (ruleMeta(finding.ruleId)?.enabledByDefault === false) continue;
    result.push(finding);
  }
  return result;
}
