// Restricted requires allowPrivilegeEscalation: false on every container of a Linux Pod, so a
// setuid binary cannot gain more privileges than its parent process.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import { allContainers, isWindowsPod, podSecurityFindings, securityContextOf, setInContainerSecurityContext, who, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'Privilege Escalation',
  standard: 'restricted',
  check(context) {
    if (isWindowsPod(context)) return [];
    return allContainers(context)
      .filter((ref) => securityContextOf(ref)?.allowPrivilegeEscalation !== false)
      .map((ref) => {
        const context = securityContextOf(ref);
        const written = context !== undefined && 'allowPrivilegeEscalation' in context;
        return {
          path: written ? [...ref.path, 'securityContext', 'allowPrivilegeEscalation'] : context ? [...ref.path, 'securityContext'] : [...ref.path, 'name'],
          target: written ? ('value' as const) : ('key' as const),
          message: `${who(ref)} does not set allowPrivilegeEscalation: false`,
          detail: 'Restricted requires allowPrivilegeEscalation: false, so setuid binaries cannot gain privileges.',
          fixes: [{ title: 'Set allowPrivilegeEscalation: false', intents: setInContainerSecurityContext(ref, 'allowPrivilegeEscalation', false), preferred: true }],
        };
      });
  },
};

export const pssPrivilegeEscalation: Rule = {
  meta: {
    id: 'pss-privilege-escalation',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A container allows privilege escalation, which the restricted Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
