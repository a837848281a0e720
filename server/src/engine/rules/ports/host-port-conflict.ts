// Two ports of the Pod that claim the same protocol/hostIP/hostPort on the node are rejected
// ("Duplicate value: \"TCP//8080\""). App containers run together, so they are compared with each
// other; init containers run one at a time, so each is only compared with itself. For a Pod
// with hostNetwork, an omitted hostPort is first defaulted to the containerPort.
// core/validation.go AccumulateUniqueHostPorts, checkHostPortConflicts; v1 defaults.go.
// https://kubernetes.io/docs/concepts/configuration/overview/#services
import { containersOf, type ContainerRef } from '../../containers';
import { asInteger, asString, objectItems } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import type { PodSpecContext, Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

interface Claim {
  key: string;
  /** How a person writes it: `8080/TCP`, or `10.0.0.1:8080/TCP` with a hostIP. */
  label: string;
  path: FieldPath;
  owner: ContainerRef;
  defaulted: boolean;
}

export const hostPortConflict: Rule = {
  meta: {
    id: 'host-port-conflict',
    defaultSeverity: 'error',
    category: 'ports',
    summary: 'Two ports of the Pod claim the same hostPort (and protocol and hostIP); the API server rejects it.',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const appClaims = new Map<string, Claim>();
    for (const ref of containersOf(context.spec, context.specPath, ['containers'])) {
      for (const claim of claimsOf(context, ref)) check(claim, appClaims, findings);
    }
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers'])) {
      const own = new Map<string, Claim>();
      for (const claim of claimsOf(context, ref)) check(claim, own, findings);
    }
    return findings;
  },
};

function check(claim: Claim, seen: Map<string, Claim>, findings: RuleFinding[]): void {
  const first = seen.get(claim.key);
  if (!first) {
    seen.set(claim.key, claim);
    return;
  }
  const note = claim.defaulted ? ' (with hostNetwork, an omitted hostPort defaults to the containerPort)' : '';
  findings.push({
    path: claim.path,
    target: 'value',
    message: `${capitalize(describeContainer(claim.owner))}: host port ${claim.label} is already claimed by ${describeContainer(first.owner)}`,
    detail: `The API server rejects it (Duplicate value: "${claim.key}")${note}; only one port can bind a host port. Remove one hostPort or use a different one.`,
  });
}

function claimsOf(context: PodSpecContext, ref: ContainerRef): Claim[] {
  const hostNetworkDefaulting = !context.isTemplate && context.spec.hostNetwork === true;
  const claims: Claim[] = [];
  for (const { item, index } of objectItems(ref.container.ports)) {
    let hostPort = asInteger(item.hostPort) ?? 0;
    let defaulted = false;
    if (hostPort === 0 && hostNetworkDefaulting) {
      hostPort = asInteger(item.containerPort) ?? 0;
      defaulted = true;
    }
    if (hostPort === 0) continue;
    const protocol = asString(item.protocol) || 'TCP';
    const hostIP = asString(item.hostIP) ?? '';
    const base = [...ref.path, 'ports', index];
    claims.push({
      key: `${protocol}/${hostIP}/${hostPort}`,
      label: `${hostIP ? `${hostIP}:` : ''}${hostPort}/${protocol}`,
      path: defaulted ? [...base, 'containerPort'] : [...base, 'hostPort'],
      owner: ref,
      defaulted,
    });
  }
  return claims;
}
