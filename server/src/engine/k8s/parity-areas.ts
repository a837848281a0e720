// The validation areas of the Kubernetes API server, as Podwise tracks its parity with them.
// Each rule names the areas it reproduces (`meta.parity`); docs/parity.md is generated from this
// list and the rule metadata (scripts/generate-parity-table.mjs). The upstream names are the Go
// functions in kubernetes/kubernetes pkg/apis/<group>/validation that make those checks.
// https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation

export type ParityAreaId =
  | 'api-version'
  | 'schema'
  | 'object-meta'
  | 'pod-containers'
  | 'pod-probes'
  | 'pod-lifecycle'
  | 'pod-ports'
  | 'pod-env'
  | 'pod-resources'
  | 'pod-volumes'
  | 'pod-volume-mounts'
  | 'pod-security-context'
  | 'pod-scheduling'
  | 'pod-dns-network'
  | 'pod-policy'
  | 'apps-workloads'
  | 'batch-job'
  | 'batch-cronjob'
  | 'service'
  | 'ingress'
  | 'network-policy'
  | 'persistent-volume'
  | 'persistent-volume-claim'
  | 'horizontal-pod-autoscaler'
  | 'pod-disruption-budget'
  | 'config-data';

export interface ParityArea {
  id: ParityAreaId;
  title: string;
  /** Where the API server makes these checks (Go package and functions). */
  upstream: string;
  /** What Podwise leaves to the cluster in this area, and why (needs the cluster's state). */
  leftToCluster?: string;
}

export const PARITY_AREAS: readonly ParityArea[] = [
  { id: 'api-version', title: 'Served API versions and kinds', upstream: 'API discovery (apiserver), removed-API tables' },
  { id: 'schema', title: 'Structure: field types, enums, required fields, unknown fields', upstream: 'OpenAPI schema, strict field validation' },
  {
    id: 'object-meta',
    title: 'Object metadata: names per kind, labels, annotations',
    upstream: 'apimachinery ValidateObjectMeta, ValidateLabels, ValidateAnnotations; per-kind name validators',
    leftToCluster: 'Name uniqueness in the namespace; generateName suffixes.',
  },
  {
    id: 'pod-containers',
    title: 'Containers, init containers, sidecars, ephemeral containers',
    upstream: 'core validateContainers, validateInitContainers, validateEphemeralContainers',
  },
  { id: 'pod-probes', title: 'Probes', upstream: 'core validateProbe, validateHandler' },
  { id: 'pod-lifecycle', title: 'Lifecycle hooks', upstream: 'core validateLifecycle' },
  { id: 'pod-ports', title: 'Container ports and host ports', upstream: 'core validateContainerPorts, AccumulateUniqueHostPorts' },
  { id: 'pod-env', title: 'Environment variables and references', upstream: 'core ValidateEnv, validateEnvFrom, validateObjectFieldSelector' },
  {
    id: 'pod-resources',
    title: 'Container and Pod resources',
    upstream: 'core ValidateResourceRequirements, validateContainerResourceName',
    leftToCluster: 'LimitRange defaults and ResourceQuota (admission).',
  },
  {
    id: 'pod-volumes',
    title: 'Volumes and volume sources',
    upstream: 'core ValidateVolumes, validateVolumeSource and each source validator',
    leftToCluster: 'Whether the referenced ConfigMap, Secret or claim exists.',
  },
  { id: 'pod-volume-mounts', title: 'Volume mounts and devices', upstream: 'core ValidateVolumeMounts, ValidateVolumeDevices' },
  {
    id: 'pod-security-context',
    title: 'Pod and container securityContext',
    upstream: 'core validatePodSpecSecurityContext, ValidateSecurityContext, validateSeccompProfileField, validateAppArmorProfileField',
    leftToCluster: 'Pod Security admission (namespace labels) and the node’s seccomp/AppArmor profiles.',
  },
  {
    id: 'pod-scheduling',
    title: 'Scheduling: affinity, tolerations, topology spread, gates, priority',
    upstream: 'core validateAffinity, ValidateTolerations, validateTopologySpreadConstraints, validateReadinessGates',
    leftToCluster: 'Whether a PriorityClass or node exists.',
  },
  { id: 'pod-dns-network', title: 'DNS and network: dnsPolicy, dnsConfig, hostAliases, hostname', upstream: 'core validateDNSPolicy, validatePodDNSConfig, ValidateHostAliases' },
  {
    id: 'pod-policy',
    title: 'Pod-level policy fields: restartPolicy, grace periods, deadlines, service account, OS',
    upstream: 'core ValidatePodSpec (restartPolicy, activeDeadlineSeconds, serviceAccountName, os)',
    leftToCluster: 'Whether the service account exists.',
  },
  {
    id: 'apps-workloads',
    title: 'Deployments, ReplicaSets, StatefulSets, DaemonSets',
    upstream: 'apps ValidateDeploymentSpec, ValidateStatefulSetSpec, ValidateDaemonSetSpec, ValidateReplicaSetSpec',
  },
  { id: 'batch-job', title: 'Jobs', upstream: 'batch validateJobSpec, validatePodFailurePolicy' },
  { id: 'batch-cronjob', title: 'CronJobs', upstream: 'batch validateCronJobSpec, validateScheduleFormat, validateTimeZone' },
  {
    id: 'service',
    title: 'Services',
    upstream: 'core ValidateService, validateServicePort',
    leftToCluster: 'clusterIP and nodePort allocation conflicts with other Services.',
  },
  {
    id: 'ingress',
    title: 'Ingresses',
    upstream: 'networking ValidateIngressSpec, validateIngressRules, validateIngressBackend',
    leftToCluster: 'Whether the IngressClass and backend Service exist.',
  },
  { id: 'network-policy', title: 'NetworkPolicies', upstream: 'networking ValidateNetworkPolicySpec' },
  { id: 'persistent-volume', title: 'PersistentVolumes', upstream: 'core ValidatePersistentVolumeSpec' },
  {
    id: 'persistent-volume-claim',
    title: 'PersistentVolumeClaims',
    upstream: 'core ValidatePersistentVolumeClaimSpec',
    leftToCluster: 'Binding: whether a matching volume or StorageClass exists.',
  },
  { id: 'horizontal-pod-autoscaler', title: 'HorizontalPodAutoscalers', upstream: 'autoscaling ValidateHorizontalPodAutoscalerSpec, validateMetrics' },
  { id: 'pod-disruption-budget', title: 'PodDisruptionBudgets', upstream: 'policy ValidatePodDisruptionBudgetSpec' },
  { id: 'config-data', title: 'ConfigMap and Secret data', upstream: 'core ValidateConfigMap, ValidateSecret', leftToCluster: 'etcd object size beyond the 1 MiB data limit.' },
];
