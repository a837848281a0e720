// A PodDisruptionBudget sets minAvailable or maxUnavailable, never both, each a non-negative
// integer or an `N%` string of at most 100% ("50" quoted is a string, and not a percentage).
// pkg/apis/policy/validation ValidatePodDisruptionBudgetSpec (with the apps int-or-percent checks).
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget
import { asObject } from '../../json';
import { intOrPercentFormatFindings } from '../../k8s/int-or-percent';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const pdbSpecInvalid: Rule = {
  meta: {
    id: 'pdb-spec-invalid',
    defaultSeverity: 'error',
    category: 'disruption',
    summary: 'A PodDisruptionBudget sets both minAvailable and maxUnavailable, or one of them is negative, malformed or over 100%.',
    kinds: ['PodDisruptionBudget'],
    parity: ['pod-disruption-budget'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    const findings: RuleFinding[] = [];
    const set = (key: string): boolean => spec[key] !== undefined && spec[key] !== null;
    if (set('minAvailable') && set('maxUnavailable')) {
      // On spec, as the API server reports it (neither field alone is wrong).
      findings.push({
        path: ['spec'],
        target: 'key',
        message: 'PodDisruptionBudget sets both minAvailable and maxUnavailable',
        detail:
          'The API server rejects it (spec: minAvailable and maxUnavailable cannot be both set). Keep one: maxUnavailable keeps working as the ' +
          'workload scales, minAvailable guarantees a floor.',
        fixes: [
          { title: 'Remove maxUnavailable', intents: [{ op: 'delete', path: ['spec', 'maxUnavailable'] }] },
          { title: 'Remove minAvailable', intents: [{ op: 'delete', path: ['spec', 'minAvailable'] }] },
        ],
      });
    }
    for (const key of ['minAvailable', 'maxUnavailable']) findings.push(...intOrPercentFormatFindings(spec[key], ['spec', key], true, 'PodDisruptionBudget'));
    return findings;
  },
};
