// Baseline forbids Windows HostProcess containers (they run as a process on the host).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asObject } from '../../json';
import { allContainers, podSecurityContext, podSecurityFindings, securityContextOf, who, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'HostProcess',
  standard: 'baseline',
  check(context) {
    const violations: ControlViolation[] = [];
    const pod = podSecurityContext(context);
    if (asObject(pod.value?.windowsOptions)?.hostProcess === true) {
      violations.push({
        path: [...pod.path, 'windowsOptions', 'hostProcess'],
        target: 'value',
        message: `${context.kind} runs Windows HostProcess containers`,
        detail: 'A HostProcess container runs directly on the Windows node with its privileges.',
      });
    }
    for (const ref of allContainers(context)) {
      if (asObject(securityContextOf(ref)?.windowsOptions)?.hostProcess !== true) continue;
      violations.push({
        path: [...ref.path, 'securityContext', 'windowsOptions', 'hostProcess'],
        target: 'value',
        message: `${who(ref)} is a Windows HostProcess container`,
        detail: 'A HostProcess container runs directly on the Windows node with its privileges.',
      });
    }
    return violations;
  },
};

export const pssHostProcess: Rule = {
  meta: {
    id: 'pss-host-process',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod runs Windows HostProcess containers, which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
