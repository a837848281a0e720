// Baseline allows only the namespaced sysctls known to be safe; the others can affect the node
// or other Pods. The safe list grew over releases (the tcp_* keepalive ones in 1.29, tcp_rmem and
// tcp_wmem in 1.32).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
// https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/#safe-and-unsafe-sysctls
import { asString, objectItems } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { podSecurityContext, podSecurityFindings, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';
import { atLeast } from '../../versions';

const SAFE = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
];
const SAFE_SINCE_1_32 = ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

const control: PodSecurityControl = {
  name: 'Sysctls',
  standard: 'baseline',
  check(context) {
    const safe = new Set([...SAFE, ...(atLeast(context.env.kubernetesVersion, '1.32') ? SAFE_SINCE_1_32 : [])]);
    const pod = podSecurityContext(context);
    const violations: ControlViolation[] = [];
    for (const { item, index } of objectItems(pod.value?.sysctls)) {
      const name = asString(item.name);
      if (name === undefined || safe.has(name)) continue;
      violations.push({
        path: [...pod.path, 'sysctls', index, 'name'],
        target: 'value',
        message: `${context.kind} sets sysctl ${quoteShort(name, 50)}, which is not a safe sysctl`,
        detail: `Baseline allows the safe sysctls only: ${[...safe].join(', ')}.`,
      });
    }
    return violations;
  },
};

export const pssSysctls: Rule = {
  meta: {
    id: 'pss-sysctls',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A Pod sets a sysctl outside the safe set the baseline Pod Security Standard allows.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
