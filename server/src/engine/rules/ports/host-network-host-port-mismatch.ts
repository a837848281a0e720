// With hostNetwork: true the container listens on the node's interfaces directly, so every
// hostPort must equal its containerPort ("must match `containerPort` when `hostNetwork` is
// true"). An omitted hostPort is fine: Pods default it to the containerPort, templates allow 0.
// core/validation.go validatePodHostNetworkDeps.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { containersOf } from '../../containers';
import { asInteger, objectItems } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const hostNetworkHostPortMismatch: Rule = {
  meta: {
    id: 'host-network-host-port-mismatch',
    defaultSeverity: 'error',
    category: 'ports',
    summary: 'With hostNetwork: true a hostPort differs from its containerPort; the API server rejects it.',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    if (context.spec.hostNetwork !== true) return [];
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['containers'])) {
      for (const { item, index } of objectItems(ref.container.ports)) {
        const hostPort = asInteger(item.hostPort);
        const containerPort = asInteger(item.containerPort);
        if (hostPort === undefined || hostPort === 0 || containerPort === undefined || hostPort === containerPort) continue;
        const path = [...ref.path, 'ports', index, 'hostPort'];
        findings.push({
          path,
          target: 'value',
          message: `${capitalize(describeContainer(ref))}: hostPort ${hostPort} must equal containerPort ${containerPort} with hostNetwork`,
          detail:
            'The API server rejects it ("must match `containerPort` when `hostNetwork` is true"). ' +
            'With hostNetwork the process binds the node port itself; remove hostPort or set it to the containerPort.',
          fixes: [
            { title: 'Remove hostPort (it defaults to the containerPort)', intents: [{ op: 'delete', path }], preferred: true },
            { title: `Set hostPort to ${containerPort}`, intents: [{ op: 'set', path, value: containerPort }] },
          ],
        });
      }
    }
    return findings;
  },
};
