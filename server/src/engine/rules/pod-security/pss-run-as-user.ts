// Restricted forbids runAsUser: 0 (root) on the Pod and on every container of a Linux Pod.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import { asInteger } from '../../json';
import {
  allContainers,
  isWindowsPod,
  podSecurityContext,
  podSecurityFindings,
  securityContextOf,
  who,
  type ControlViolation,
  type PodSecurityControl,
} from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'Running as Non-root user',
  standard: 'restricted',
  check(context) {
    if (isWindowsPod(context)) return [];
    const violations: ControlViolation[] = [];
    const detail = 'Restricted forbids running as root (uid 0). Pick a non-zero uid the image supports.';
    const pod = podSecurityContext(context);
    if (asInteger(pod.value?.runAsUser) === 0) {
      violations.push({ path: [...pod.path, 'runAsUser'], target: 'value', message: `${context.kind} runs as root (runAsUser: 0)`, detail });
    }
    for (const ref of allContainers(context)) {
      if (asInteger(securityContextOf(ref)?.runAsUser) !== 0) continue;
      violations.push({ path: [...ref.path, 'securityContext', 'runAsUser'], target: 'value', message: `${who(ref)} runs as root (runAsUser: 0)`, detail });
    }
    return violations;
  },
};

export const pssRunAsUser: Rule = {
  meta: {
    id: 'pss-run-as-user',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod or container sets runAsUser: 0, which the restricted Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
