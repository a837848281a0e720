// resizePolicy on an init container is rejected ("must not be set for init containers") unless
// in-place Pod resize is on, which allows it for sidecars: InPlacePodVerticalScaling is beta and
// on by default from 1.33. core/validation.go validateInitContainers (AllowSidecarResizePolicy).
// https://kubernetes.io/docs/tasks/configure-pod-container/resize-container-resources/
import { containersOf } from '../../containers';
import { hasKey } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const sidecarResizePolicy: Rule = {
  meta: {
    id: 'sidecar-resize-policy',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'resizePolicy on an init container, which Kubernetes rejects before in-place resize (1.33).',
    parity: ['pod-containers'],
    maxVersion: '1.32',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers'])) {
      if (!hasKey(ref.container, 'resizePolicy')) continue;
      const path = [...ref.path, 'resizePolicy'];
      findings.push({
        path,
        target: 'key',
        message: `${capitalize(describeContainer(ref))}: resizePolicy on init containers needs Kubernetes 1.33+`,
        detail:
          `Kubernetes ${context.env.kubernetesVersion} rejects it ("must not be set for init containers"); ` +
          'sidecars may set it from 1.33, when in-place resize is on by default. Remove the field.',
        fixes: [{ title: 'Remove resizePolicy from the init container', intents: [{ op: 'delete', path }], preferred: true }],
      });
    }
    return findings;
  },
};
