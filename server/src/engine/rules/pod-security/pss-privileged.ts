// Baseline: privileged containers disable most isolation (all devices, all capabilities, no
// seccomp or AppArmor confinement). Pod Security admission rejects `privileged: true`.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { allContainers, podSecurityFindings, securityContextOf, who, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'Privileged Containers',
  standard: 'baseline',
  check(context) {
    return allContainers(context)
      .filter((ref) => securityContextOf(ref)?.privileged === true)
      .map((ref) => ({
        path: [...ref.path, 'securityContext', 'privileged'],
        target: 'value' as const,
        message: `${who(ref)} runs privileged`,
        detail: 'A privileged container can do almost anything the node can. Drop it, and add only the capabilities the process needs.',
        fixes: [{ title: 'Remove privileged: true', intents: [{ op: 'delete' as const, path: [...ref.path, 'securityContext', 'privileged'] }], preferred: true }],
      }));
  },
};

export const pssPrivileged: Rule = {
  meta: {
    id: 'pss-privileged',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A container runs privileged, which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
