// Node agents: DaemonSets and static Pods that run one copy per node to manage the node itself
// (CNI plugins such as calico or cilium, CSI node plugins, kube-proxy, node exporters, log
// shippers). They need host namespaces and host paths by design, so for them those fields are
// context, not findings; clusters run them in namespaces labelled `privileged`.
// https://kubernetes.io/docs/concepts/security/pod-security-standards/#privileged
// https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
import { asObject, asString, objectItems, type JsonObject } from '../json';

/** Priority classes reserved for components that keep a node or the cluster working. */
const CRITICAL_PRIORITY_CLASSES = new Set(['system-node-critical', 'system-cluster-critical']);
/** Host directories only node-level software has a reason to mount. */
const NODE_PATHS = [
  '/var/lib/kubelet',
  '/proc',
  '/sys',
  '/etc/cni',
  '/opt/cni',
  '/var/run/calico',
  '/var/lib/calico',
  '/lib/modules',
  '/run/xtables.lock',
  '/var/log',
  '/dev',
  '/var/run/netns',
];

interface PodShape {
  kind: string;
  spec: JsonObject;
  isStaticPodManifest: boolean;
  /** metadata.namespace of the object, when written. */
  namespace?: string;
}

/**
 * True for a DaemonSet or static Pod with the shape of a node agent (host networking or PID,
 * critical priority, node paths), and for a control-plane Pod: a Pod in kube-system with a
 * critical priority class, as kubeadm writes its static Pods (their path may not say so).
 */
export function isNodeAgent({ kind, spec, isStaticPodManifest, namespace }: PodShape): boolean {
  const priorityClass = asString(spec.priorityClassName);
  const critical = priorityClass !== undefined && CRITICAL_PRIORITY_CLASSES.has(priorityClass);
  if (kind === 'Pod' && namespace === 'kube-system' && critical) return true;
  const perNode = kind === 'DaemonSet' || (kind === 'Pod' && isStaticPodManifest);
  if (!perNode) return false;
  if (spec.hostNetwork === true || spec.hostPID === true || critical) return true;
  return objectItems(spec.volumes).some(({ item }) => {
    const path = asString(asObject(item.hostPath)?.path);
    return path !== undefined && NODE_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  });
}
