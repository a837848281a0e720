// Baseline requires the default /proc mount (procMount: Unmasked exposes kernel paths the runtime masks).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asString } from '../../json';
import { clipText } from '../../k8s/phrasing';
import { allContainers, podSecurityFindings, securityContextOf, who, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: '/proc Mount Type',
  standard: 'baseline',
  check(context) {
    return allContainers(context)
      .filter((ref) => {
        const procMount = asString(securityContextOf(ref)?.procMount);
        return procMount !== undefined && procMount !== 'Default';
      })
      .map((ref) => ({
        path: [...ref.path, 'securityContext', 'procMount'],
        target: 'value' as const,
        message: `${who(ref)} unmasks /proc (procMount: ${clipText(String(securityContextOf(ref)?.procMount), 20)})`,
        detail: 'The runtime masks parts of /proc that reveal or change the host; Unmasked removes that protection.',
        fixes: [{ title: 'Remove procMount', intents: [{ op: 'delete' as const, path: [...ref.path, 'securityContext', 'procMount'] }] }],
      }));
  },
};

export const pssProcMount: Rule = {
  meta: {
    id: 'pss-proc-mount',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A container sets a procMount other than Default, which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
