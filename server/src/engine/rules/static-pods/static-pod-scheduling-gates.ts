// Scheduling gates hold a Pod back from the scheduler. A static Pod never meets the scheduler:
// the kubelet sets spec.nodeName, and a Pod with both is invalid (`spec.nodeName: Forbidden:
// cannot be set until all schedulingGates have been cleared`).
// https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/
import { asArray, getIn } from '../../json';
import { firstPod } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';

export const staticPodSchedulingGates: Rule = {
  meta: {
    id: 'static-pod-scheduling-gates',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static Pod sets schedulingGates; with the node name the kubelet sets, the Pod is invalid.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    if (!pod || asArray(getIn(pod.object, ['spec', 'schedulingGates'])).length === 0) return [];
    return [
      {
        documentIndex: pod.documentIndex,
        path: ['spec', 'schedulingGates'],
        target: 'key',
        message: 'A static Pod may not set schedulingGates; the kubelet refuses it',
        detail:
          'The kubelet sets spec.nodeName on a static Pod, and a Pod with scheduling gates may not have one ("spec.nodeName: Forbidden: ' +
          'cannot be set until all schedulingGates have been cleared"). Static Pods are never scheduled: remove the gates.',
        fixes: [{ title: 'Remove schedulingGates', intents: [{ op: 'delete', path: ['spec', 'schedulingGates'] }], preferred: true, safe: true }],
      },
    ];
  },
};
