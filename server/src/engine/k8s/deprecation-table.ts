// Deprecated and removed built-in apiVersions (RULES.md section E; bulk from FairwindsOps/pluto
// versions.yaml, PetSet and batch/v2alpha1 from the Kubernetes release history). Versions are
// Kubernetes minors: `deprecated` is the first release that warns, `removed` the first that no
// longer serves the apiVersion. https://kubernetes.io/docs/reference/using-api/deprecation-guide/

/**
 * How the quick fix rewrites the object:
 * - `apiVersion`: only apiVersion (and kind) change, the fields are the same;
 * - `apps`: apps/v1 needs spec.selector (from the template labels) and dropped a few fields;
 * - `petset`: PetSet → apps/v1 StatefulSet (selector, obsolete annotation);
 * - `ingress`: networking.k8s.io/v1 renamed the backend fields and requires pathType;
 * - `none`: the migration changes structure we cannot rewrite safely; no fix.
 */
export type Conversion = 'apiVersion' | 'apps' | 'petset' | 'ingress' | 'none';

export interface Replacement {
  apiVersion: string;
  /** Set when the kind was renamed (PetSet → StatefulSet, ScheduledJob → CronJob). */
  kind?: string;
  /** First minor that serves the replacement. */
  since: number;
}

export interface DeprecatedApi {
  apiVersion: string;
  kinds: readonly string[];
  /** Undefined for alpha APIs that never warned before they went. */
  deprecated?: number;
  removed: number;
  /** In order of preference; the first one the target version serves is offered. */
  replacements: readonly Replacement[];
  conversion: Conversion;
  /** Extra advice when there is no drop-in replacement. */
  note?: string;
}

const RBAC_KINDS = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'RoleList', 'ClusterRoleList', 'RoleBindingList', 'ClusterRoleBindingList'];
const FLOW_KINDS = ['FlowSchema', 'PriorityLevelConfiguration'];
const flowcontrol = (since: number): Replacement[] => [
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: 29 },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since },
];

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  { apiVersion: 'apps/v1alpha1', kinds: ['PetSet'], removed: 5, replacements: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', since: 9 }], conversion: 'petset' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet'], deprecated: 9, removed: 16, replacements: [{ apiVersion: 'apps/v1', since: 9 }], conversion: 'apps' },
  { apiVersion: 'extensions/v1beta1', kinds: ['ReplicaSet'], removed: 16, replacements: [{ apiVersion: 'apps/v1', since: 9 }], conversion: 'apps' },
  { apiVersion: 'apps/v1beta1', kinds: ['Deployment', 'StatefulSet'], deprecated: 9, removed: 16, replacements: [{ apiVersion: 'apps/v1', since: 9 }], conversion: 'apps' },
  { apiVersion: 'apps/v1beta1', kinds: ['ReplicaSet'], removed: 16, replacements: [{ apiVersion: 'apps/v1', since: 9 }], conversion: 'apps' },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet'],
    deprecated: 9,
    removed: 16,
    replacements: [{ apiVersion: 'apps/v1', since: 9 }],
    conversion: 'apps',
  },
  { apiVersion: 'apps/v1beta2', kinds: ['ReplicaSet'], removed: 16, replacements: [{ apiVersion: 'apps/v1', since: 9 }], conversion: 'apps' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], removed: 21, replacements: [{ apiVersion: 'batch/v1', since: 21 }], conversion: 'apiVersion' },
  { apiVersion: 'batch/v2alpha1', kinds: ['ScheduledJob'], removed: 21, replacements: [{ apiVersion: 'batch/v1', kind: 'CronJob', since: 21 }], conversion: 'apiVersion' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: 21, removed: 25, replacements: [{ apiVersion: 'batch/v1', since: 21 }], conversion: 'apiVersion' },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodDisruptionBudget'],
    deprecated: 21,
    removed: 25,
    replacements: [{ apiVersion: 'policy/v1', since: 21 }],
    conversion: 'apiVersion',
    note: 'In policy/v1 an empty selector selects every Pod of the namespace (it selected none before).',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['PodSecurityPolicy'],
    deprecated: 10,
    removed: 16,
    replacements: [],
    conversion: 'none',
    note: 'PodSecurityPolicy itself was removed in 1.25: use Pod Security Admission (namespace labels) or a policy engine.',
  },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    deprecated: 21,
    removed: 25,
    replacements: [],
    conversion: 'none',
    note: 'There is no replacement API: use Pod Security Admission (namespace labels) or a policy engine.',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    deprecated: 22,
    removed: 25,
    replacements: [{ apiVersion: 'autoscaling/v2', since: 23 }],
    conversion: 'none',
    note: 'autoscaling/v2 moved metric targets under `target` (e.g. targetAverageUtilization → target.averageUtilization).',
  },
  {
    apiVersion: 'autoscaling/v2beta2',
    kinds: ['HorizontalPodAutoscaler'],
    deprecated: 23,
    removed: 26,
    replacements: [{ apiVersion: 'autoscaling/v2', since: 23 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['NetworkPolicy'],
    deprecated: 9,
    removed: 16,
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: 8 }],
    conversion: 'apiVersion',
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecated: 14, removed: 22, replacements: [{ apiVersion: 'networking.k8s.io/v1', since: 19 }], conversion: 'ingress' },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress'],
    deprecated: 19,
    removed: 22,
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: 19 }],
    conversion: 'ingress',
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['IngressClass'],
    deprecated: 19,
    removed: 22,
    replacements: [{ apiVersion: 'networking.k8s.io/v1', since: 19 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1alpha1',
    kinds: ['PriorityClass'],
    deprecated: 14,
    removed: 17,
    replacements: [{ apiVersion: 'scheduling.k8s.io/v1', since: 14 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kinds: ['PriorityClass'],
    deprecated: 14,
    removed: 22,
    replacements: [{ apiVersion: 'scheduling.k8s.io/v1', since: 14 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'node.k8s.io/v1beta1',
    kinds: ['RuntimeClass'],
    deprecated: 22,
    removed: 25,
    replacements: [{ apiVersion: 'node.k8s.io/v1', since: 20 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kinds: ['EndpointSlice'],
    deprecated: 21,
    removed: 25,
    replacements: [{ apiVersion: 'discovery.k8s.io/v1', since: 21 }],
    conversion: 'none',
    note: 'discovery.k8s.io/v1 replaced endpoints[].topology with nodeName/zone.',
  },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: 19, removed: 25, replacements: [{ apiVersion: 'events.k8s.io/v1', since: 19 }], conversion: 'apiVersion' },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1alpha1',
    kinds: RBAC_KINDS,
    deprecated: 17,
    removed: 22,
    replacements: [{ apiVersion: 'rbac.authorization.k8s.io/v1', since: 8 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: RBAC_KINDS,
    deprecated: 17,
    removed: 22,
    replacements: [{ apiVersion: 'rbac.authorization.k8s.io/v1', since: 8 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    deprecated: 16,
    removed: 22,
    replacements: [{ apiVersion: 'apiextensions.k8s.io/v1', since: 16 }],
    conversion: 'none',
    note: 'apiextensions.k8s.io/v1 requires a structural schema per version (spec.versions[].schema.openAPIV3Schema).',
  },
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    deprecated: 16,
    removed: 22,
    replacements: [{ apiVersion: 'admissionregistration.k8s.io/v1', since: 16 }],
    conversion: 'none',
    note: 'admissionregistration.k8s.io/v1 requires sideEffects and admissionReviewVersions on every webhook.',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver'],
    deprecated: 19,
    removed: 22,
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: 18 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSINode'],
    deprecated: 17,
    removed: 22,
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: 17 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['StorageClass'],
    deprecated: 6,
    removed: 22,
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: 6 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['VolumeAttachment'],
    deprecated: 13,
    removed: 22,
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: 13 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIStorageCapacity'],
    deprecated: 24,
    removed: 27,
    replacements: [{ apiVersion: 'storage.k8s.io/v1', since: 24 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    deprecated: 19,
    removed: 22,
    replacements: [{ apiVersion: 'certificates.k8s.io/v1', since: 19 }],
    conversion: 'none',
    note: 'certificates.k8s.io/v1 requires spec.signerName.',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kinds: ['Lease'],
    deprecated: 14,
    removed: 22,
    replacements: [{ apiVersion: 'coordination.k8s.io/v1', since: 14 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    deprecated: 10,
    removed: 22,
    replacements: [{ apiVersion: 'apiregistration.k8s.io/v1', since: 10 }],
    conversion: 'apiVersion',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: FLOW_KINDS,
    deprecated: 23,
    removed: 26,
    replacements: flowcontrol(26),
    conversion: 'none',
    note: 'Later versions renamed assuredConcurrencyShares to nominalConcurrencyShares.',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: FLOW_KINDS,
    deprecated: 26,
    removed: 29,
    replacements: flowcontrol(26),
    conversion: 'none',
    note: 'Later versions renamed assuredConcurrencyShares to nominalConcurrencyShares.',
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: FLOW_KINDS,
    deprecated: 29,
    removed: 32,
    replacements: [{ apiVersion: 'flowcontrol.apiserver.k8s.io/v1', since: 29 }],
    conversion: 'apiVersion',
  },
  // Pluto lists 1.33; the 1.32 API (and its OpenAPI) no longer serves v1alpha1 admission policies.
  {
    apiVersion: 'admissionregistration.k8s.io/v1alpha1',
    kinds: ['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'],
    deprecated: 28,
    removed: 32,
    replacements: [
      { apiVersion: 'admissionregistration.k8s.io/v1', since: 30 },
      { apiVersion: 'admissionregistration.k8s.io/v1beta1', since: 28 },
    ],
    conversion: 'apiVersion',
  },
];

const byKey = new Map<string, DeprecatedApi>();
for (const entry of DEPRECATED_APIS) for (const kind of entry.kinds) byKey.set(`${entry.apiVersion}/${kind}`, entry);

export function deprecationFor(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return byKey.get(`${apiVersion}/${kind}`);
}
