// hostNetwork, hostPID and hostIPC put the Pod into the node's own namespaces: it sees every
// interface, process or shared-memory segment of the node, its ports bind on the node, and
// NetworkPolicies no longer isolate it. Control-plane static Pods in kube-system use hostNetwork
// by design, so there it is not reported (nothing to act on).
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asString, getIn } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import { isNodeAgent } from '../../k8s/node-agent';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const FIELDS = {
  hostNetwork: {
    short: "the node's network namespace",
    risk: 'It sees every node interface, its ports bind on the node (two replicas on one node collide), and NetworkPolicies do not isolate it.',
  },
  hostPID: { short: "the node's process namespace", risk: 'It can see and signal every process on the node.' },
  hostIPC: { short: "the node's IPC namespace", risk: "It can read other processes' shared memory." },
} as const;

export const hostNamespaceSharing: Rule = {
  meta: {
    id: 'host-namespace-sharing',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'The Pod shares the node network, PID or IPC namespace (hostNetwork/hostPID/hostIPC).',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const namespace = asString(getIn(context.object, ['metadata', 'namespace']));
    const controlPlaneStatic = context.env.isStaticPodManifest && context.kind === 'Pod' && namespace === 'kube-system';
    // Node agents (CNI, CSI, kube-proxy, node exporters) share host namespaces by design; only the
    // restricted Pod Security Standard, when the user asks for it, still reports them.
    if (
      context.env.podSecurity !== 'restricted' &&
      isNodeAgent({
        kind: context.kind,
        spec: context.spec,
        isStaticPodManifest: context.env.isStaticPodManifest,
        namespace: asString(getIn(context.object, ['metadata', 'namespace'])),
      })
    )
      return findings;
    const named = context.name ? ` ${quoteShort(context.name, 30)}` : '';
    const owner = `${context.kind}${named} shares`;
    for (const [field, { short, risk }] of Object.entries(FIELDS)) {
      if (context.spec[field] !== true) continue;
      // Static Pods of the control plane (kube-system) use hostNetwork by design: nothing to act
      // on, so no finding; the rule page explains what it means.
      if (controlPlaneStatic && field === 'hostNetwork') continue;
      findings.push({
        path: [...context.specPath, field],
        target: 'key',
        message: `${owner} ${short} (${field}: true)`,
        detail: `${risk} Remove ${field} unless this is a node-level agent that needs it.`,
        fixes: [{ title: `Remove ${field}`, intents: [{ op: 'delete', path: [...context.specPath, field] }] }],
      });
    }
    return findings;
  },
};
