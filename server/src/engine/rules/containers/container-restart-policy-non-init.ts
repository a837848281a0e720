// containers[].restartPolicy on an app container: forbidden ("may not be set for non-init
// containers") until ContainerRestartRules (alpha 1.34, beta and on by default 1.35) lets a
// container override the Pod's restartPolicy.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restart-rules
import { containersOf } from '../../containers';
import { asString, hasKey } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const containerRestartPolicyNonInit: Rule = {
  meta: {
    id: 'container-restart-policy-non-init',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'An app container sets restartPolicy, which Kubernetes rejects before 1.35 (per-container restart rules).',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    const allowed = atLeast(context.env.kubernetesVersion, '1.35');
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['containers'])) {
      if (!hasKey(ref.container, 'restartPolicy')) continue;
      const path = [...ref.path, 'restartPolicy'];
      const value = asString(ref.container.restartPolicy) ?? String(ref.container.restartPolicy);
      if (allowed) {
        // Other values are a schema enum error on this path; an info here would hide it.
        if (!['Always', 'OnFailure', 'Never'].includes(value)) continue;
        findings.push({
          path,
          target: 'key',
          severity: 'info',
          message: `${capitalize(describeContainer(ref))}: restartPolicy ${value} needs Kubernetes 1.35+`,
          detail:
            "It overrides the Pod's restartPolicy for this container (ContainerRestartRules, on by default from 1.35). " +
            'Clusters older than 1.35, or with the feature gate off, reject it with "may not be set for non-init containers".',
        });
        continue;
      }
      findings.push({
        path,
        target: 'key',
        message: `${capitalize(describeContainer(ref))}: restartPolicy is not allowed on app containers before 1.35`,
        detail: `Kubernetes ${context.env.kubernetesVersion} rejects it ("may not be set for non-init containers"). Remove it and use the Pod-level spec.restartPolicy (per-container restart policies need 1.35+).`,
        fixes: [{ title: 'Remove restartPolicy from the container', intents: [{ op: 'delete', path }], preferred: true }],
      });
    }
    return findings;
  },
};
