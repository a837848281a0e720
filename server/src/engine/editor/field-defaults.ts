// What the schemas do not say but hover should: the value Kubernetes gives an omitted field (the
// v1 defaulters the API server runs, and the kubelet where it fills in), the accepted range where
// validation is narrower than the integer format, and required-ness that validation enforces
// beyond the OpenAPI `required` lists. Written by us from the Kubernetes sources and docs, keyed by
// the short definition name ("Container", "PodSpec") and the field.
// https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/core/v1/defaults.go
// https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/apps/v1/defaults.go
// https://github.com/kubernetes/kubernetes/blob/master/pkg/apis/batch/v1/defaults.go
import { DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, PROBE_DEFAULTS } from '../defaults';

const code = (value: string | number | boolean): string => `\`${String(value)}\``;

const PORT_RANGE = '1–65535';

/** Definition short name → field → the default, as markdown. */
const DEFAULTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Probe: {
    initialDelaySeconds: code(PROBE_DEFAULTS.initialDelaySeconds),
    timeoutSeconds: `${code(PROBE_DEFAULTS.timeoutSeconds)} (also for 0)`,
    periodSeconds: `${code(PROBE_DEFAULTS.periodSeconds)} (also for 0)`,
    successThreshold: `${code(PROBE_DEFAULTS.successThreshold)} (also for 0)`,
    failureThreshold: `${code(PROBE_DEFAULTS.failureThreshold)} (also for 0)`,
    terminationGracePeriodSeconds: "the Pod's",
  },
  HTTPGetAction: { path: code('/'), scheme: code('HTTP'), host: 'the Pod IP' },
  PodSpec: {
    terminationGracePeriodSeconds: code(DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS),
    restartPolicy: code('Always'),
    dnsPolicy: code('ClusterFirst'),
    schedulerName: code('default-scheduler'),
    serviceAccountName: code('default'),
    enableServiceLinks: code(true),
    hostNetwork: code(false),
    hostPID: code(false),
    hostIPC: code(false),
  },
  Container: {
    imagePullPolicy: `${code('Always')} for \`:latest\` or an image without tag and digest, else ${code('IfNotPresent')}`,
    terminationMessagePath: code('/dev/termination-log'),
    terminationMessagePolicy: code('File'),
    workingDir: "the image's WORKDIR",
    command: "the image's ENTRYPOINT",
    args: "the image's CMD, unless `command` is set",
  },
  ContainerPort: { protocol: code('TCP') },
  ServicePort: { protocol: code('TCP'), targetPort: 'the value of `port`' },
  ServiceSpec: { type: code('ClusterIP'), sessionAffinity: code('None'), internalTrafficPolicy: code('Cluster'), publishNotReadyAddresses: code(false) },
  ResourceRequirements: { requests: 'the limits, for each resource that has a limit' },
  Toleration: { operator: code('Equal') },
  ObjectMeta: { namespace: `${code('default')} (or the namespace kubectl is told to use)` },
  ConfigMapVolumeSource: { defaultMode: '`0644` (420)' },
  SecretVolumeSource: { defaultMode: '`0644` (420)' },
  EmptyDirVolumeSource: { medium: "the node's disk" },
  DeploymentSpec: { replicas: code(1), revisionHistoryLimit: code(10), progressDeadlineSeconds: code(600), minReadySeconds: code(0) },
  DeploymentStrategy: { type: code('RollingUpdate') },
  RollingUpdateDeployment: { maxUnavailable: code('25%'), maxSurge: code('25%') },
  StatefulSetSpec: { replicas: code(1), podManagementPolicy: code('OrderedReady'), revisionHistoryLimit: code(10), minReadySeconds: code(0) },
  StatefulSetUpdateStrategy: { type: code('RollingUpdate') },
  RollingUpdateStatefulSetStrategy: { partition: code(0) },
  DaemonSetSpec: { revisionHistoryLimit: code(10), minReadySeconds: code(0) },
  DaemonSetUpdateStrategy: { type: code('RollingUpdate') },
  RollingUpdateDaemonSet: { maxUnavailable: code(1), maxSurge: code(0) },
  ReplicaSetSpec: { replicas: code(1) },
  JobSpec: { backoffLimit: code(6), parallelism: code(1), completions: '`1` when `parallelism` is omitted too', completionMode: code('NonIndexed'), suspend: code(false) },
  CronJobSpec: { concurrencyPolicy: code('Allow'), suspend: code(false), successfulJobsHistoryLimit: code(3), failedJobsHistoryLimit: code(1) },
  PersistentVolumeClaimSpec: { volumeMode: code('Filesystem'), storageClassName: "the cluster's default StorageClass" },
  HorizontalPodAutoscalerSpec: { minReplicas: code(1) },
};

/** Definition short name → field → the accepted values, where validation says more than the type. */
const RANGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ContainerPort: { containerPort: PORT_RANGE, hostPort: PORT_RANGE },
  ServicePort: { port: PORT_RANGE, targetPort: `${PORT_RANGE}, or a container port's name`, nodePort: '30000–32767 unless the cluster sets another range' },
  HTTPGetAction: { port: `${PORT_RANGE}, or a container port's name` },
  TCPSocketAction: { port: `${PORT_RANGE}, or a container port's name` },
  GRPCAction: { port: `${PORT_RANGE} (no names)` },
  RollingUpdateDeployment: { maxUnavailable: 'a count or a percentage of the replicas (`25%`)', maxSurge: 'a count or a percentage of the replicas (`25%`)' },
  PodSpec: { terminationGracePeriodSeconds: '≥ 0 (negative values become 1)' },
  DeploymentSpec: { replicas: '≥ 0' },
  StatefulSetSpec: { replicas: '≥ 0' },
  ReplicaSetSpec: { replicas: '≥ 0' },
};

/** Required by validation although the OpenAPI definition does not list it. */
const REQUIRED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ObjectMeta: { name: 'required (or `generateName`)' },
};

function lookup(table: Readonly<Record<string, Readonly<Record<string, string>>>>, definition: string, field: string): string | undefined {
  const fields = Object.prototype.hasOwnProperty.call(table, definition) ? table[definition] : undefined;
  return fields && Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** The value Kubernetes uses when `field` of `definition` (short name) is omitted, as markdown. */
export function knownDefault(definition: string, field: string): string | undefined {
  return lookup(DEFAULTS, definition, field);
}

/** The values validation accepts for `field` of `definition`, where narrower than its type. */
export function knownRange(definition: string, field: string): string | undefined {
  return lookup(RANGES, definition, field);
}

/** "required (or `generateName`)" where validation requires a field the schema leaves optional. */
export function knownRequired(definition: string, field: string): string | undefined {
  return lookup(REQUIRED, definition, field);
}
