// Restricted requires runAsNonRoot: true on the Pod (or on every container), and no container may
// set it to false. With it, the kubelet refuses to start a container whose user is root.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import { asInteger } from '../../json';
import { allContainers, podSecurityContext, podSecurityFindings, securityContextOf, who, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

const control: PodSecurityControl = {
  name: 'Running as Non-root',
  standard: 'restricted',
  check(context) {
    const violations: ControlViolation[] = [];
    const pod = podSecurityContext(context);
    const containers = allContainers(context);
    for (const ref of containers) {
      if (securityContextOf(ref)?.runAsNonRoot !== false) continue;
      violations.push({
        path: [...ref.path, 'securityContext', 'runAsNonRoot'],
        target: 'value',
        message: `${who(ref)} sets runAsNonRoot: false`,
        detail: 'Restricted requires containers to run as a non-root user.',
      });
    }
    if (pod.value?.runAsNonRoot === true) return violations;
    if (containers.length > 0 && containers.every((ref) => securityContextOf(ref)?.runAsNonRoot === true)) return violations;
    // runAsNonRoot: true next to runAsUser: 0 would stop the container from starting: no fix then.
    const root = asInteger(pod.value?.runAsUser) === 0 || containers.some((ref) => asInteger(securityContextOf(ref)?.runAsUser) === 0);
    const fix: FixSpec = {
      title: 'Set runAsNonRoot: true on the Pod',
      intents: pod.value
        ? 'runAsNonRoot' in pod.value
          ? [{ op: 'set', path: [...pod.path, 'runAsNonRoot'], value: true }]
          : [{ op: 'insert', path: pod.path, key: 'runAsNonRoot', value: true }]
        : [{ op: 'insert', path: context.specPath, key: 'securityContext', value: { runAsNonRoot: true } }],
    };
    violations.push({
      path: pod.value && 'runAsNonRoot' in pod.value ? [...pod.path, 'runAsNonRoot'] : pod.value ? pod.path : [...context.specPath, 'containers'],
      target: pod.value && 'runAsNonRoot' in pod.value ? 'value' : 'key',
      message: `${context.kind} does not require a non-root user (runAsNonRoot: true)`,
      detail: 'Restricted requires runAsNonRoot: true on the Pod or on every container. Make sure the image runs as a numeric non-root USER.',
      fixes: root ? [] : [fix],
    });
    return violations;
  },
};

export const pssRunAsNonRoot: Rule = {
  meta: {
    id: 'pss-run-as-non-root',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod does not require running as non-root, which the restricted Pod Security Standard requires.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
