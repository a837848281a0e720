// The kubelet gives every mirror Pod exactly one owner reference, to its own Node; NodeRestriction
// admits nothing else (`node "<n>" can only create pods with a single owner reference set to
// itself`). Owner references written into a static-Pod manifest are useless at best.
// https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#noderestriction
import { asArray, getIn } from '../../json';
import { firstPod } from '../../k8s/static-pod-manifest';
import type { Rule } from '../../rule-types';

export const staticPodOwnerReferences: Rule = {
  meta: {
    id: 'static-pod-owner-references',
    defaultSeverity: 'warning',
    category: 'static-pods',
    summary: 'A static Pod sets metadata.ownerReferences; the kubelet owns its mirror Pod by the Node itself.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPod(context);
    if (!pod || asArray(getIn(pod.object, ['metadata', 'ownerReferences'])).length === 0) return [];
    return [
      {
        documentIndex: pod.documentIndex,
        path: ['metadata', 'ownerReferences'],
        target: 'key',
        message: 'A static Pod may not set metadata.ownerReferences; the kubelet sets the owner itself',
        detail:
          'The mirror Pod may only be owned by its own Node (NodeRestriction: "can only create pods with a single owner reference set to itself"), ' +
          'which the kubelet sets. Remove them; garbage collection cannot manage a static Pod.',
        fixes: [{ title: 'Remove ownerReferences', intents: [{ op: 'delete', path: ['metadata', 'ownerReferences'] }], preferred: true, safe: true }],
      },
    ];
  },
};
