// A volume source's own fields, as the API server checks them: required names (secretName,
// configMap name, claimName, image reference on Pods, …), file modes 0–0777, one projection per
// projected source, service account token lifetimes, downward API fields and resources, generic
// ephemeral claim templates, CSI driver names and the in-tree plugins' fields. Paths inside
// volumes are volume-path-invalid's. core/validation.go validateVolumeSource and the per-source
// validators (see k8s/volume-source-checks.ts).
// https://kubernetes.io/docs/concepts/storage/volumes/
import { asString, getIn, objectItems } from '../../json';
import { volumeSourceProblems, type VolumeCheckContext } from '../../k8s/volume-source-checks';
import { problemFinding, volumeLabel } from '../../k8s/volume-problems';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const volumeSourceInvalid: Rule = {
  meta: {
    id: 'volume-source-invalid',
    defaultSeverity: 'error',
    category: 'volumes',
    summary: 'A volume source misses a required field or has a value the API server rejects (file mode, projection, claim, driver, …).',
    parity: ['pod-volumes'],
  },
  checkPodSpec(context) {
    const isPod = context.kind === 'Pod';
    const items = objectItems(context.spec.volumes);
    const check: VolumeCheckContext = {
      // Image volumes arrived in 1.31 (before, the schema reports the unknown field).
      requireImageReference: isPod && atLeast(context.env.kubernetesVersion, '1.31'),
      // Only a Pod has its final name; a template's Pods are named by their controller.
      podName: isPod ? asString(getIn(context.object, ['metadata', 'name'])) || undefined : undefined,
      ephemeralVolumes: new Set(items.filter(({ item }) => item.ephemeral !== undefined && item.ephemeral !== null).map(({ item }) => asString(item.name) ?? '')),
    };
    const findings: RuleFinding[] = [];
    for (const { item, index } of items) {
      const base = [...context.specPath, 'volumes', index];
      const label = volumeLabel(item, index);
      for (const problem of volumeSourceProblems(item, check)) findings.push(problemFinding(problem, base, label));
    }
    return findings;
  },
};
