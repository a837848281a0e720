// initContainers[].restartPolicy: until per-container restart rules (ContainerRestartRules, beta
// and on by default in 1.35) the only accepted value is Always, which makes a native sidecar.
// core/validation.go validateInitContainerRestartPolicy.
// https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
import { containersOf } from '../../containers';
import { asString, hasKey } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const CONTAINER_RESTART_RULES = '1.35';

export const initContainerRestartPolicy: Rule = {
  meta: {
    id: 'init-container-restart-policy',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'An init container sets restartPolicy to something other than Always, which the target version rejects.',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    if (atLeast(context.env.kubernetesVersion, CONTAINER_RESTART_RULES)) return [];
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers'])) {
      if (!hasKey(ref.container, 'restartPolicy')) continue;
      const value = asString(ref.container.restartPolicy);
      if (value === 'Always' || value === undefined) continue;
      const path = [...ref.path, 'restartPolicy'];
      findings.push({
        path,
        target: 'value',
        message: `${capitalize(describeContainer(ref))}: restartPolicy ${quoteShort(value, 20)} needs Kubernetes 1.35+`,
        detail:
          `Kubernetes ${context.env.kubernetesVersion} rejects it (Unsupported value: "${value}": supported values: "Always"). ` +
          'Use Always for a sidecar that keeps running, or remove the field for a run-once init container (other values need 1.35+).',
        fixes: [
          { title: 'Remove restartPolicy (run-once init container)', intents: [{ op: 'delete', path }], preferred: true },
          { title: 'Set restartPolicy: Always (sidecar)', intents: [{ op: 'set', path, value: 'Always' }] },
        ],
      });
    }
    return findings;
  },
};
