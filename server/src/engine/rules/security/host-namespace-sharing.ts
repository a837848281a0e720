// hostNetwork, hostPID and hostIPC put the Pod into the node's own namespaces: it sees every
// interface, process or shared-memory segment of the node, its ports bind on the node, and
// NetworkPolicies no longer isolate it. Control-plane static Pods in kube-system use hostNetwork
// by design, so there it is only noted.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline
import { asString, getIn } from '../../json';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const FIELDS = {
  hostNetwork:
    "uses the node's network namespace: it sees every node interface, its ports bind on the node (two replicas on one node collide), and NetworkPolicies do not isolate it",
  hostPID: "shares the node's process namespace: it can see and signal every process on the node",
  hostIPC: "shares the node's IPC namespace: it can read other processes' shared memory",
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
    for (const [field, risk] of Object.entries(FIELDS)) {
      if (context.spec[field] !== true) continue;
      const normal = controlPlaneStatic && field === 'hostNetwork';
      findings.push({
        path: [...context.specPath, field],
        target: 'key',
        severity: normal ? 'info' : undefined,
        message: normal
          ? `${field}: true is usual for static Pods in kube-system (node agents and the control plane), but mind what it means: the Pod ${risk}.`
          : `${field}: true — the Pod ${risk}. Remove it unless this is a node-level agent that needs it.`,
        fixes: normal ? undefined : [{ title: `Remove ${field}`, intents: [{ op: 'delete', path: [...context.specPath, field] }] }],
      });
    }
    return findings;
  },
};
