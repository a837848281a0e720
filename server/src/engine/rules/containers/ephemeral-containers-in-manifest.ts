// spec.ephemeralContainers can only be added to a running Pod through the ephemeralcontainers
// subresource (`kubectl debug`); in a create request or a Pod template it is forbidden.
// core/validation.go ValidatePodCreate, ValidatePodTemplateSpec.
// https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/
import { hasKey } from '../../json';
import type { Rule } from '../../rule-types';

export const ephemeralContainersInManifest: Rule = {
  meta: {
    id: 'ephemeral-containers-in-manifest',
    defaultSeverity: 'error',
    category: 'containers',
    summary: 'spec.ephemeralContainers in a manifest; Kubernetes only accepts them through kubectl debug.',
    parity: ['pod-containers'],
  },
  checkPodSpec(context) {
    if (!hasKey(context.spec, 'ephemeralContainers')) return [];
    // Static Pods have their own rule (static-pod-ephemeral-containers) for the same field.
    if (context.env.isStaticPodManifest && context.kind === 'Pod') return [];
    const path = [...context.specPath, 'ephemeralContainers'];
    const upstream = context.isTemplate ? 'ephemeral containers not allowed in pod template' : 'cannot be set on create';
    return [
      {
        path,
        target: 'key',
        message: 'spec.ephemeralContainers cannot be set in a manifest',
        detail: `The API server rejects it ("Forbidden: ${upstream}"). Ephemeral containers are added to a running Pod with \`kubectl debug\`; remove the block from the manifest.`,
        fixes: [{ title: 'Remove ephemeralContainers', intents: [{ op: 'delete', path }], preferred: true }],
      },
    ];
  },
};
