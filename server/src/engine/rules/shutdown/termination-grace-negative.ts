// A negative spec.terminationGracePeriodSeconds is accepted with a warning ("must be >= 0;
// negative values are invalid and will be treated as 1"): the containers get one second to
// stop. pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { asInteger } from '../../json';
import type { Rule } from '../../rule-types';

export const terminationGraceNegative: Rule = {
  meta: {
    id: 'termination-grace-negative',
    defaultSeverity: 'warning',
    category: 'shutdown',
    summary: 'A negative terminationGracePeriodSeconds, which Kubernetes treats as 1 second.',
    parity: ['pod-policy'],
  },
  checkPodSpec(context) {
    const value = asInteger(context.spec.terminationGracePeriodSeconds);
    if (value === undefined || value >= 0) return [];
    const path = [...context.specPath, 'terminationGracePeriodSeconds'];
    return [
      {
        path,
        target: 'value',
        message: `terminationGracePeriodSeconds ${value} is negative, so containers get 1 s to shut down`,
        detail: 'The API server warns "must be >= 0; negative values are invalid and will be treated as 1". ' + 'Remove it (defaults to 30) or set the seconds the app needs.',
        fixes: [
          { title: 'Remove it (defaults to 30 seconds)', intents: [{ op: 'delete', path }], preferred: true },
          { title: 'Set it to 0 (kill immediately)', intents: [{ op: 'set', path, value: 0 }] },
        ],
      },
    ];
  },
};
