// activeDeadlineSeconds kills a Pod after a deadline; in the template of a controller that
// keeps Pods running (Deployment, ReplicaSet, DaemonSet, StatefulSet, ReplicationController) it
// is rejected ("activeDeadlineSeconds in ReplicaSet is not Supported"). Where it is allowed it
// must be 1–2147483647. apps/validation; core/validation.go ValidatePodSpec.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#lifecycle
import { asInteger, hasKey } from '../../json';
import { REPLICATED_KINDS } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const MAX_INT32 = 2147483647;

export const workloadActiveDeadlineForbidden: Rule = {
  meta: {
    id: 'workload-active-deadline-forbidden',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'activeDeadlineSeconds in a long-running workload template, or outside 1–2147483647.',
    parity: ['apps-workloads', 'pod-policy'],
  },
  checkPodSpec(context) {
    if (!hasKey(context.spec, 'activeDeadlineSeconds')) return [];
    const path = [...context.specPath, 'activeDeadlineSeconds'];
    const findings: RuleFinding[] = [];
    if (REPLICATED_KINDS.includes(context.kind)) {
      // Deployments are validated through the ReplicaSet template check, hence its wording.
      const named = context.kind === 'Deployment' ? 'ReplicaSet' : context.kind;
      findings.push({
        path,
        target: 'key',
        message: `${context.kind} template cannot set activeDeadlineSeconds; the API server rejects it`,
        detail:
          `"activeDeadlineSeconds in ${named} is not Supported": the controller would only replace every Pod it kills. ` +
          'Remove it; for work with a deadline use a Job (spec.activeDeadlineSeconds).',
        fixes: [{ title: 'Remove activeDeadlineSeconds', intents: [{ op: 'delete', path }], preferred: true, safe: true }],
      });
      return findings;
    }
    const value = asInteger(context.spec.activeDeadlineSeconds);
    if (value !== undefined && (value < 1 || value > MAX_INT32)) {
      findings.push({
        path,
        target: 'value',
        message: `activeDeadlineSeconds ${value} is out of range; it must be between 1 and ${MAX_INT32}`,
        detail: 'The API server rejects it. Remove it for no deadline, or give a positive number of seconds.',
        fixes: [{ title: 'Remove activeDeadlineSeconds (no deadline)', intents: [{ op: 'delete', path }] }],
      });
    }
    return findings;
  },
};
