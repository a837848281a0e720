// Baseline forbids host ports (a hostPort binds the node's address and bypasses network policy).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asInteger, objectItems } from '../../json';
import { allContainers, podSecurityFindings, who, type ControlViolation, type PodSecurityControl } from '../../k8s/pod-security-controls';
import type { Rule } from '../../rule-types';

const control: PodSecurityControl = {
  name: 'Host Ports',
  standard: 'baseline',
  check(context) {
    const violations: ControlViolation[] = [];
    // With hostNetwork the container ports are host ports anyway: host-namespace-sharing says so.
    if (context.spec.hostNetwork === true) return violations;
    for (const ref of allContainers(context)) {
      for (const { item, index } of objectItems(ref.container.ports)) {
        const hostPort = asInteger(item.hostPort);
        if (hostPort === undefined || hostPort === 0) continue;
        violations.push({
          path: [...ref.path, 'ports', index, 'hostPort'],
          target: 'value',
          message: `${who(ref)} binds host port ${hostPort}`,
          detail: 'A hostPort opens the port on the node and limits the Pod to one per node. Expose it with a Service instead.',
          fixes: [{ title: 'Remove hostPort', intents: [{ op: 'delete', path: [...ref.path, 'ports', index, 'hostPort'] }] }],
        });
      }
    }
    return violations;
  },
};

export const pssHostPorts: Rule = {
  meta: {
    id: 'pss-host-ports',
    defaultSeverity: 'warning',
    category: 'pod-security',
    summary: 'A container binds a hostPort, which the baseline Pod Security Standard forbids.',
  },
  checkFile: (file) => podSecurityFindings(file, control),
};
