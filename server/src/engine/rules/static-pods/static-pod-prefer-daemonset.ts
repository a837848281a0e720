// Static Pods exist to bootstrap the control plane; the API server cannot update, scale or
// reschedule them. For a per-node workload on a running cluster the docs recommend a DaemonSet.
// https://kubernetes.io/docs/concepts/workloads/pods/#static-pods
import { asString, getIn } from '../../json';
import { firstPod, staticPodManagementNote } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';

export const staticPodPreferDaemonset: Rule = {
  meta: {
    id: 'static-pod-prefer-daemonset',
    defaultSeverity: 'hint',
    category: 'static-pods',
    summary: 'Outside the control plane, a DaemonSet is the managed way to run a Pod on every node (off by default).',
    // Design advice, not a defect: the static-Pod hover on metadata explains what the kubelet
    // does with the file. On for teams that want every non-control-plane static Pod flagged.
    enabledByDefault: false,
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    // Control-plane components (kube-system) are what static Pods are for.
    if (!pod || asString(getIn(pod.object, ['metadata', 'namespace'])) === 'kube-system') return [];
    return [
      {
        documentIndex: pod.documentIndex,
        path: ['kind'],
        target: 'value',
        message: 'A static Pod outside kube-system: a DaemonSet would keep it manageable',
        detail: staticPodManagementNote(undefined),
      },
    ];
  },
};
