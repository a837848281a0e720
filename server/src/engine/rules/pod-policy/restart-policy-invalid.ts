// spec.restartPolicy takes Always, OnFailure or Never, case-sensitive ("Unsupported value:
// "always""). On top of that, Deployment, ReplicaSet, DaemonSet, StatefulSet and
// ReplicationController templates accept only Always: their Pods must keep running. (Job
// templates are job-restart-policy's.) core/validation.go validateRestartPolicy; apps/validation
// ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec, ValidateStatefulSetSpec;
// core ValidatePodTemplateSpecForRC.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
import { asString } from '../../json';
import { pathText, quoteShort } from '../../k8s/phrasing';
import { REPLICATED_KINDS } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

export const restartPolicyInvalid: Rule = {
  meta: {
    id: 'restart-policy-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'restartPolicy is not Always/OnFailure/Never, or a long-running workload template sets something other than Always.',
    parity: ['pod-policy'],
  },
  checkPodSpec(context) {
    const value = asString(context.spec.restartPolicy);
    if (value === undefined || value === '' || value === 'Always') return [];
    const path = [...context.specPath, 'restartPolicy'];
    const where = pathText(path);
    const replicated = REPLICATED_KINDS.includes(context.kind);
    const findings: RuleFinding[] = [];
    if (!POD_RESTART_POLICIES.includes(value)) {
      const fixes: FixSpec[] = [];
      const cased = POD_RESTART_POLICIES.find((candidate) => candidate.toLowerCase() === value.toLowerCase().replace(/[-_ ]/g, ''));
      if (cased && (!replicated || cased === 'Always')) fixes.push({ title: `Change to ${cased}`, intents: [{ op: 'set', path, value: cased }], preferred: true, safe: true });
      findings.push({
        path,
        target: 'value',
        message: `restartPolicy ${quoteShort(value, 30)} is not ${replicated ? 'Always' : 'Always, OnFailure or Never'}`,
        detail: `The API server rejects it (${where}: Unsupported value: "${value}": supported values: ${replicated ? '"Always"' : '"Always", "OnFailure", "Never"'}); the values are case-sensitive.`,
        fixes,
      });
      return findings;
    }
    if (!replicated) return findings;
    findings.push({
      path,
      target: 'value',
      message: `A ${context.kind} accepts only restartPolicy Always, not ${value}`,
      detail:
        `A ${context.kind} keeps its Pods running; the API server rejects "${value}" ` +
        `(${where}: Unsupported value: "${value}": supported values: "Always"). For run-to-completion work use a Job.`,
      fixes: [{ title: 'Remove restartPolicy (defaults to Always)', intents: [{ op: 'delete', path }], preferred: true, safe: true }],
    });
    return findings;
  },
};
