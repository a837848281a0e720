// A Deployment must be given longer to make progress than one Pod needs to count as available:
// `progressDeadlineSeconds: must be greater than minReadySeconds`. In apps/v1 the deadline
// defaults to 600 s, so a minReadySeconds of 600 or more is refused even with no deadline written.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#progress-deadline-seconds
import { asInteger, asObject } from '../../json';
import type { Rule } from '../../rule-types';

const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export const deploymentProgressDeadline: Rule = {
  meta: {
    id: 'deployment-progress-deadline',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'progressDeadlineSeconds is not greater than minReadySeconds; the API server rejects the Deployment.',
    kinds: ['Deployment'],
    parity: ['apps-workloads'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    const minReady = asInteger(spec.minReadySeconds) ?? 0;
    const written = asInteger(spec.progressDeadlineSeconds);
    // Only apps/v1 defaults the deadline; older versions left it unset (no deadline).
    const deadline = written ?? (context.apiVersion === 'apps/v1' ? DEFAULT_PROGRESS_DEADLINE_SECONDS : undefined);
    if (deadline === undefined || deadline < 0 || deadline > minReady) return [];
    const suggested = minReady + DEFAULT_PROGRESS_DEADLINE_SECONDS;
    const fix = {
      title: `Set progressDeadlineSeconds to ${suggested}`,
      intents: [
        written !== undefined
          ? { op: 'set' as const, path: ['spec', 'progressDeadlineSeconds'], value: suggested }
          : { op: 'insert' as const, path: ['spec'], key: 'progressDeadlineSeconds', value: suggested, after: 'minReadySeconds' },
      ],
      preferred: true,
    };
    if (written === undefined) {
      return [
        {
          path: ['spec', 'minReadySeconds'],
          target: 'value',
          message: `minReadySeconds ${minReady} is not below the default progressDeadlineSeconds (${DEFAULT_PROGRESS_DEADLINE_SECONDS})`,
          detail:
            `The API server rejects it (spec.progressDeadlineSeconds: must be greater than minReadySeconds): no Pod could become ` +
            `available before the rollout is declared failed. Set progressDeadlineSeconds above ${minReady}.`,
          fixes: [fix],
        },
      ];
    }
    return [
      {
        path: ['spec', 'progressDeadlineSeconds'],
        target: 'value',
        message: `progressDeadlineSeconds ${written} must be greater than minReadySeconds (${minReady})`,
        detail:
          `The API server rejects it. A Pod needs minReadySeconds to count as available, so the rollout would always be ` +
          `reported as failed. Set progressDeadlineSeconds above ${minReady}.`,
        fixes: [fix],
      },
    ];
  },
};
