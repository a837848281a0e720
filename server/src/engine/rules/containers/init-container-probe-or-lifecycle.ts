// A run-to-completion init container may not carry probes or lifecycle hooks; only a native
// sidecar (restartPolicy: Always, 1.28+) may. core/validation.go validateInitContainers.
// https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#differences-from-regular-containers
import { containersOf } from '../../containers';
import { hasKey } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export const initContainerProbeOrLifecycle: Rule = {
  meta: {
    id: 'init-container-probe-or-lifecycle',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'An init container without restartPolicy: Always sets a probe or lifecycle hook; the API server rejects it.',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers'])) {
      if (ref.isSidecar) continue;
      for (const field of FORBIDDEN) {
        if (!hasKey(ref.container, field)) continue;
        const fixes: FixSpec[] = [{ title: `Remove ${field} from the init container`, intents: [{ op: 'delete', path: [...ref.path, field] }], preferred: true }];
        if (!hasKey(ref.container, 'restartPolicy')) {
          fixes.push({
            title: 'Make it a sidecar (restartPolicy: Always) that keeps running next to the app',
            intents: [{ op: 'insert', path: ref.path, key: 'restartPolicy', value: 'Always', after: 'image' }],
          });
        }
        findings.push({
          path: [...ref.path, field],
          target: 'key',
          message: `${capitalize(describeContainer(ref))}: ${field} is not allowed on a run-once init container`,
          detail:
            'The API server rejects it ("may not be set for init containers without restartPolicy=Always"). ' +
            'An init container runs once to completion before the app starts; remove the field, or add restartPolicy: Always to make it a sidecar that keeps running.',
          fixes,
        });
      }
    }
    return findings;
  },
};
