// `kubernetes.io/config.mirror` marks the API copy of a static Pod, and only the kubelet should
// set it. In a manifest applied with kubectl it needs spec.nodeName (`must set spec.nodeName if
// mirror pod annotation is set`), and even then the kubelet treats the Pod as a mirror: it deletes
// it when no static Pod stands behind it. It usually arrives by copying `kubectl get pod -o yaml`.
// https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-config-mirror
import { asObject, asString, getIn, hasKey } from '../../json';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export const mirrorPodAnnotation: Rule = {
  meta: {
    id: 'mirror-pod-annotation',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A manifest sets the kubelet-owned kubernetes.io/config.mirror annotation.',
  },
  checkPodSpec(context) {
    const annotations = asObject(context.podMetadata?.annotations);
    if (!annotations || !hasKey(annotations, MIRROR_ANNOTATION)) return [];
    const path = [...context.metadataPath, 'annotations', MIRROR_ANNOTATION];
    const fixes = [{ title: `Remove the ${MIRROR_ANNOTATION} annotation`, intents: [{ op: 'delete' as const, path }], preferred: true, safe: true }];
    if (context.env.isStaticPodManifest) {
      return [
        {
          path,
          target: 'key',
          severity: 'warning',
          message: `${MIRROR_ANNOTATION} belongs to the kubelet's mirror Pod, not to the manifest`,
          detail: 'The kubelet sets it on the mirror Pod it creates; in the manifest it is a leftover from kubectl get -o yaml. Remove it.',
          fixes,
        },
      ];
    }
    const nodeName = asString(getIn(context.spec, ['nodeName']));
    if (!nodeName) {
      return [
        {
          path,
          target: 'key',
          message: `${MIRROR_ANNOTATION} without spec.nodeName: the API server rejects this ${context.kind}`,
          detail:
            'The API server requires spec.nodeName when the mirror Pod annotation is set ("must set spec.nodeName if mirror pod annotation is set"). ' +
            'Only the kubelet creates mirror Pods; remove the annotation (it usually comes from copying kubectl get pod -o yaml).',
          fixes,
        },
      ];
    }
    // Accepted, but the kubelet owns it: it deletes a mirror Pod without a static Pod behind it,
    // and replaces one whose content differs from the static Pod's.
    return [
      {
        path,
        target: 'key',
        severity: 'warning',
        message: `${MIRROR_ANNOTATION} makes the kubelet on ${quoteShort(nodeName, 24)} treat this as a mirror Pod`,
        detail:
          'The kubelet deletes a mirror Pod without a static Pod behind it, or replaces it with its own copy, instead of running it. ' +
          'Remove the annotation (it usually comes from copying kubectl get pod -o yaml).',
        fixes,
      },
    ];
  },
};
