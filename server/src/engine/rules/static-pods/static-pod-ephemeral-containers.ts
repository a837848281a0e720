// Ephemeral containers are added to a running Pod through the API (`kubectl debug`); a Pod may not
// be created with them, and static Pods do not support them at all, so the kubelet refuses the
// manifest (`spec.ephemeralContainers: Forbidden: cannot be set on create`).
// https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/
import { asArray, asObject } from '../../json';
import { firstPod } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';

export const staticPodEphemeralContainers: Rule = {
  meta: {
    id: 'static-pod-ephemeral-containers',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static Pod lists ephemeralContainers; the kubelet refuses the manifest.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    const spec = pod ? asObject(pod.object.spec) : undefined;
    if (!pod || !spec || asArray(spec.ephemeralContainers).length === 0) return [];
    return [
      {
        documentIndex: pod.documentIndex,
        path: ['spec', 'ephemeralContainers'],
        target: 'key',
        message: 'A static Pod cannot have ephemeralContainers; the kubelet refuses it',
        detail:
          'The kubelet refuses the manifest ("spec.ephemeralContainers: Forbidden: cannot be set on create"). Static Pods do not support ' +
          'ephemeral containers at all (kubectl debug cannot add one to a mirror Pod); make it a regular or init container.',
        fixes: [{ title: 'Remove ephemeralContainers', intents: [{ op: 'delete', path: ['spec', 'ephemeralContainers'] }], preferred: true, safe: true }],
      },
    ];
  },
};
