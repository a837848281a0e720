// Seccomp: baseline forbids turning it off (type Unconfined); restricted requires a profile,
// RuntimeDefault or Localhost, on the Pod or on every container (Linux Pods).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
// https://kubernetes.io/docs/tutorials/security/seccomp/
import { asObject, asString } from '../../json';
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
import type { FixSpec } from '../../types';

const control: PodSecurityControl = {
  name: 'Seccomp',
  standard: 'baseline',
  check(context, level) {
    const violations: ControlViolation[] = [];
    const detail = 'Unconfined lets the container make every system call. Use RuntimeDefault (or a Localhost profile).';
    const pod = podSecurityContext(context);
    const podType = asString(asObject(pod.value?.seccompProfile)?.type);
    if (podType === 'Unconfined') {
      violations.push({
        path: [...pod.path, 'seccompProfile', 'type'],
        target: 'value',
        message: `${context.kind} turns seccomp off (Unconfined)`,
        detail,
        fixes: [{ title: 'Use RuntimeDefault', intents: [{ op: 'set', path: [...pod.path, 'seccompProfile', 'type'], value: 'RuntimeDefault' }], preferred: true }],
      });
    }
    const containers = allContainers(context);
    let everyContainerHasOne = true;
    for (const ref of containers) {
      const type = asString(asObject(securityContextOf(ref)?.seccompProfile)?.type);
      if (type === undefined) everyContainerHasOne = false;
      if (type !== 'Unconfined') continue;
      const path = [...ref.path, 'securityContext', 'seccompProfile', 'type'];
      violations.push({
        path,
        target: 'value',
        message: `${who(ref)} turns seccomp off (Unconfined)`,
        detail,
        fixes: [{ title: 'Use RuntimeDefault', intents: [{ op: 'set', path, value: 'RuntimeDefault' }], preferred: true }],
      });
    }
    if (level !== 'restricted' || isWindowsPod(context)) return violations;
    const podHasOne = podType === 'RuntimeDefault' || podType === 'Localhost';
    if (podHasOne || (containers.length > 0 && everyContainerHasOne) || podType === 'Unconfined') return violations;
    const fix: FixSpec = {
      title: 'Set seccompProfile RuntimeDefault on the Pod',
      intents: pod.value
        ? [{ op: 'insert', path: pod.path, key: 'seccompProfile', value: { type: 'RuntimeDefault' } }]
        : [{ op: 'insert', path: context.specPath, key: 'securityContext', value: { seccompProfile: { type: 'RuntimeDefault' } } }],
      preferred: true,
    };
    violations.push({
      standard: 'restricted',
      path: pod.value ? pod.path : [...context.specPath, 'containers'],
      target: 'key',
      message: `${context.kind} sets no seccomp profile`,
      detail: 'Restricted requires seccompProfile type RuntimeDefault or Localhost on the Pod (or on every container).',
      fixes: [fix],
    });
    return violations;
  },
};

export const pssSeccomp: Rule = {
  meta: {
    id: 'pss-seccomp',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod turns seccomp off (baseline), or sets no seccomp profile (restricted).',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
