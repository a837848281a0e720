// Baseline allows adding only the capabilities a container runtime grants by default; restricted
// requires dropping ALL and allows adding back NET_BIND_SERVICE only.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
import {
  allContainers,
  capabilityNames,
  isWindowsPod,
  podSecurityFindings,
  securityContextOf,
  setInContainerSecurityContext,
  who,
  type ControlViolation,
  type PodSecurityControl,
} from '../../k8s/pod-security-controls';
import { asObject } from '../../json';
import { clipText } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';

const BASELINE_ALLOWED = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const control: PodSecurityControl = {
  name: 'Capabilities',
  standard: 'baseline',
  check(context, level) {
    const violations: ControlViolation[] = [];
    for (const ref of allContainers(context)) {
      const capabilities = asObject(securityContextOf(ref)?.capabilities);
      const addPath = [...ref.path, 'securityContext', 'capabilities', 'add'];
      for (const { name, index } of capabilityNames(capabilities?.add)) {
        if (!BASELINE_ALLOWED.has(name)) {
          violations.push({
            path: [...addPath, index],
            target: 'value',
            message: `${who(ref)} adds capability ${clipText(name, 30)}`,
            detail: `Baseline allows adding only ${[...BASELINE_ALLOWED].join(', ')}. Remove ${name} unless this Pod runs in a privileged namespace.`,
            fixes: [{ title: `Remove ${name} from capabilities.add`, intents: [{ op: 'delete', path: [...addPath, index] }] }],
          });
        } else if (name !== 'NET_BIND_SERVICE' && level === 'restricted') {
          violations.push({
            standard: 'restricted',
            path: [...addPath, index],
            target: 'value',
            message: `${who(ref)} adds capability ${clipText(name, 30)}`,
            detail: 'Restricted allows adding back NET_BIND_SERVICE only.',
            fixes: [{ title: `Remove ${name} from capabilities.add`, intents: [{ op: 'delete', path: [...addPath, index] }] }],
          });
        }
      }
      // Restricted: drop ALL (Linux containers; ephemeral containers too).
      if (level !== 'restricted' || isWindowsPod(context)) continue;
      if (capabilityNames(capabilities?.drop).some(({ name }) => name === 'ALL')) continue;
      const dropPath = [...ref.path, 'securityContext', 'capabilities', 'drop'];
      const fix = capabilities
        ? capabilities.drop === undefined
          ? [{ op: 'insert' as const, path: [...ref.path, 'securityContext', 'capabilities'], key: 'drop', value: ['ALL'] }]
          : [{ op: 'append' as const, path: dropPath, value: 'ALL' }]
        : setInContainerSecurityContext(ref, 'capabilities', { drop: ['ALL'] });
      violations.push({
        standard: 'restricted',
        path: capabilities ? [...ref.path, 'securityContext', 'capabilities'] : securityContextOf(ref) ? [...ref.path, 'securityContext'] : [...ref.path, 'name'],
        target: 'key',
        message: `${who(ref)} does not drop ALL capabilities`,
        detail: 'Restricted requires capabilities.drop: [ALL]; add back NET_BIND_SERVICE if the process binds a port below 1024.',
        fixes: [{ title: 'Drop ALL capabilities', intents: fix }],
      });
    }
    return violations;
  },
};

export const pssCapabilities: Rule = {
  meta: {
    id: 'pss-capabilities',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A container adds capabilities the Pod Security Standard forbids (or, under restricted, does not drop ALL).',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
