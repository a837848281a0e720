// Short notes, in our own words, on the fields people most often get wrong. Shown in hover and
// completion. Each note says what Kubernetes actually does with the value, not what the field is
// called; the link goes to the page that explains the behaviour.
import type { FieldPath } from '../types';

interface FieldNote {
  text: string;
  link: string;
  /** The text already says the value Kubernetes uses when the field is omitted (hover then leaves out its own "Default:"). */
  statesDefault?: true;
}

const PROBES_URL = 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/';
const TERMINATION_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination';
const HOOKS_URL = 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/';
const RESTART_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy';
const IMAGES_URL = 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy';
const DEPLOY_URL = 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#rolling-update-deployment';
const STS_URL = 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/';
const JOB_URL = 'https://kubernetes.io/docs/concepts/workloads/controllers/job/';
const CRON_URL = 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/';
const SIDECAR_URL = 'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/';

const NOTES: Record<string, FieldNote> = {
  livenessProbe: {
    text: 'Restarts the container when it fails `failureThreshold` times in a row. It does not remove the Pod from Service endpoints, and while a startupProbe has not passed it does not run. A liveness probe that depends on a database turns a database blip into a restart storm.',
    link: PROBES_URL,
  },
  readinessProbe: {
    text: 'Decides whether the Pod receives Service traffic. A container is not Ready until this passes once; failing it later only removes the Pod from endpoints, it never restarts anything. Rolling updates wait for it.',
    link: PROBES_URL,
  },
  startupProbe: {
    text: 'Runs first and alone: liveness and readiness wait until it succeeds. If it fails `failureThreshold` times the container is killed. Use it to give slow starters a long budget without slowing liveness down afterwards.',
    link: PROBES_URL,
  },
  initialDelaySeconds: {
    text: 'Seconds after the container starts before the first check. Defaults to 0. A long liveness delay is usually better written as a startupProbe.',
    link: PROBES_URL,
    statesDefault: true,
  },
  periodSeconds: { text: 'Seconds between checks. Omitted or 0 means 10.', link: PROBES_URL, statesDefault: true },
  timeoutSeconds: {
    text: 'Seconds a single check may take before it counts as failed. Omitted or 0 means 1. Keep it below `periodSeconds`.',
    link: PROBES_URL,
    statesDefault: true,
  },
  failureThreshold: {
    text: 'Consecutive failures before the probe gives up (restart for liveness/startup, unready for readiness). Omitted or 0 means 3.',
    link: PROBES_URL,
    statesDefault: true,
  },
  successThreshold: {
    text: 'Consecutive successes needed after a failure. Omitted or 0 means 1, and liveness and startup probes must use 1.',
    link: PROBES_URL,
    statesDefault: true,
  },
  httpGet: {
    text: 'An HTTP GET against the Pod IP (not localhost of the node). Any status from 200 to 399 passes; `path` defaults to `/` and `scheme` to `HTTP` (upper case).',
    link: PROBES_URL,
  },
  tcpSocket: {
    text: 'Passes when a TCP connection opens. In a lifecycle hook it is accepted by the API but never runs as a hook: use `sleep`, `exec` or `httpGet` there.',
    link: HOOKS_URL,
  },
  exec: { text: 'Runs a command inside the container without a shell; exit status 0 passes. Write `["sh", "-c", "…"]` when you need pipes or `&&`.', link: PROBES_URL },
  grpc: { text: 'Calls the gRPC health-checking protocol. `port` must be a number here: named ports are rejected.', link: PROBES_URL },
  port: {
    text: 'A number, or the `name` of a port declared in the same container. A name nobody declared is accepted by the API but the check can never run: readiness never passes and liveness silently stops protecting you.',
    link: PROBES_URL,
  },
  scheme: { text: '`HTTP` or `HTTPS`, upper case. HTTPS probes do not verify the certificate.', link: PROBES_URL },
  terminationGracePeriodSeconds: {
    text: "The whole shutdown budget, counted from the moment the Pod is marked Terminating: preStop hooks and the app's own SIGTERM handling both have to fit. Omitted means 30 s; 0 skips preStop and kills at once.",
    link: TERMINATION_URL,
    statesDefault: true,
  },
  restartPolicy: {
    text: 'For every container of the Pod. Deployments, StatefulSets and DaemonSets allow only `Always`, the default; Jobs must say `OnFailure` or `Never`, since a Pod that always restarts never lets the Job finish.',
    link: RESTART_URL,
    statesDefault: true,
  },
  imagePullPolicy: {
    text: '`IfNotPresent` reuses an image already on the node, even if its tag now points elsewhere; `Always` asks the registry at every container start (cheap when nothing changed); `Never` only uses what the node has.',
    link: IMAGES_URL,
  },
  image: {
    text: 'Pin a tag or a digest. Without one the runtime pulls `:latest`, which changes under you and makes rollbacks meaningless.',
    link: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  },
  hostNetwork: {
    text: "The Pod uses the node's network namespace: its ports are node ports and can clash with anything else on the node. Usual for static control-plane Pods, risky elsewhere. Set `dnsPolicy: ClusterFirstWithHostNet` if the Pod still needs cluster DNS.",
    link: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy',
  },
  dnsPolicy: {
    text: "Defaults to `ClusterFirst`. With `hostNetwork: true` that silently means the node's resolver; use `ClusterFirstWithHostNet` to keep cluster names.",
    link: 'https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-s-dns-policy',
    statesDefault: true,
  },
  lifecycle: {
    text: 'Hooks the kubelet runs after start (`postStart`) and before stop (`preStop`). A failed postStart kills the container; preStop time comes out of the grace period.',
    link: HOOKS_URL,
  },
  preStop: {
    text: 'Runs before SIGTERM, and its time counts against `terminationGracePeriodSeconds`. Endpoints are being removed while it runs, so a short sleep keeps traffic from hitting a stopping app.',
    link: HOOKS_URL,
  },
  postStart: {
    text: 'Runs right after the container is created, alongside the entrypoint (not before it). The container is not Running until the hook returns; if it fails, the container is killed.',
    link: HOOKS_URL,
  },
  sleep: {
    text: 'A hook that just waits (on by default from 1.30; 0 s allowed from 1.33). No shell or `sleep` binary needed in the image. It must not exceed the grace period.',
    link: HOOKS_URL,
  },
  priorityClassName: {
    text: '`system-node-critical` and `system-cluster-critical` are built in; other names must exist as PriorityClass objects or the Pod is rejected.',
    link: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
  },
  maxUnavailable: {
    text: 'How many Pods may be down during a rolling update (number or percentage, default 25%). 0 keeps full capacity, which needs `maxSurge` above 0 and a readinessProbe to mean anything.',
    link: DEPLOY_URL,
    statesDefault: true,
  },
  maxSurge: { text: 'How many extra Pods a rolling update may create (default 25%). Cannot be 0 together with `maxUnavailable: 0`.', link: DEPLOY_URL, statesDefault: true },
  minReadySeconds: { text: 'How long a new Pod must stay Ready before it counts as available. Catches apps that pass readiness and then crash.', link: DEPLOY_URL },
  serviceName: { text: 'The headless Service (`clusterIP: None`) that gives each StatefulSet Pod its DNS name. It must exist; the StatefulSet does not create it.', link: STS_URL },
  volumeClaimTemplates: {
    text: 'One PersistentVolumeClaim per Pod, named `<template>-<statefulset>-<ordinal>`. Claims outlive the StatefulSet unless a retention policy says otherwise. Mount them by the template name.',
    link: STS_URL,
  },
  podManagementPolicy: {
    text: '`OrderedReady` (default) starts Pods one by one, each waiting for the previous to be Ready; `Parallel` starts them together. Updates are ordered either way.',
    link: STS_URL,
    statesDefault: true,
  },
  backoffLimit: {
    text: 'Retries before the Job is marked failed (default 6). Counts Pod failures, so with `restartPolicy: OnFailure` container restarts count too.',
    link: JOB_URL,
    statesDefault: true,
  },
  activeDeadlineSeconds: { text: 'On a Job: a hard time limit for the whole Job, retries included. On a Pod: the Pod is failed after this many seconds.', link: JOB_URL },
  concurrencyPolicy: { text: '`Allow` (default) lets runs overlap, `Forbid` skips a run while one is active, `Replace` stops the old run.', link: CRON_URL, statesDefault: true },
  startingDeadlineSeconds: { text: 'How late a missed run may still start. Without it, a controller that missed more than 100 runs stops scheduling the CronJob.', link: CRON_URL },
  initContainers: {
    text: 'Run one after another before the app containers; each must exit 0. An init container with `restartPolicy: Always` is a native sidecar instead: it starts first and keeps running.',
    link: SIDECAR_URL,
  },
  volumeMounts: {
    text: '`name` must match a volume of this Pod (or a volumeClaimTemplate of the StatefulSet); a mount path may appear only once per container.',
    link: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  },
  hostPath: {
    text: 'A file or directory on the node. Typical for static Pods, which cannot use Secrets or ConfigMaps. Avoid mounting system paths such as `/etc` or the container runtime socket.',
    link: 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
  },
  containerPort: {
    text: 'The port the app listens on, on the Pod IP. Listing it is documentation, not a firewall: unlisted ports are reachable too, but only listed ones can be used by name (probes, a Service `targetPort`).',
    link: 'https://kubernetes.io/docs/concepts/services-networking/connect-applications-service/',
  },
  hostPort: {
    text: "Also opens the port on the node's IP. Two Pods with the same hostPort and protocol never fit on one node, so it limits how many replicas can be scheduled.",
    link: 'https://kubernetes.io/docs/concepts/configuration/overview/#services',
  },
  emptyDir: {
    text: 'A scratch directory, empty when the Pod starts on a node and deleted when the Pod leaves it; it survives container restarts. `medium: Memory` puts it in RAM, counted against the memory limit.',
    link: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
  },
  nodeName: {
    text: 'Bypasses the scheduler. In a static Pod the kubelet overwrites it with its own node name.',
    link: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
  },
};

const API_URL = 'https://kubernetes.io/docs/concepts/overview/working-with-objects/#required-fields';
const CONTAINER_URL = 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Container';
const COMMAND_URL = 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/';
const RESOURCES_URL = 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/';

/** Notes that only hold at the top of a manifest. */
const ROOT_NOTES: Record<string, FieldNote> = {
  apiVersion: {
    text: 'The API group and version that serve this kind: `v1` for the core group, `apps/v1`, `batch/v1`, …. A cluster that does not serve it answers "no matches for kind".',
    link: API_URL,
  },
  kind: { text: 'The type of object; with `apiVersion` it decides which fields exist. Case matters: `Deployment`, not `deployment`.', link: API_URL },
};

/** Notes on fields of a container (also init and ephemeral containers). */
const CONTAINER_NOTES: Record<string, FieldNote> = {
  workingDir: { text: "The directory the container's process starts in: an absolute path inside the container.", link: CONTAINER_URL },
  command: {
    text: 'Replaces the image\'s ENTRYPOINT, and then its CMD is dropped too. No shell runs it: write `["sh", "-c", "…"]` for pipes or `&&`; `$(VAR)` is expanded by Kubernetes.',
    link: COMMAND_URL,
    statesDefault: true,
  },
  args: { text: "Replaces the image's CMD; the ENTRYPOINT (or `command`) stays. `$(VAR)` is expanded from the container's env.", link: COMMAND_URL, statesDefault: true },
};

const RESOURCE_NOTES: Record<string, FieldNote> = {
  requests: { text: 'What the scheduler reserves on a node for this container; the Pod only goes to a node with that much unreserved.', link: RESOURCES_URL },
  limits: { text: 'The ceiling: above its memory limit the container is OOM-killed, above its CPU limit it is throttled.', link: RESOURCES_URL },
};

const CONTAINER_RESTART: FieldNote = {
  text: 'On an init container, `Always` makes it a native sidecar (1.28+): it starts before the app containers, keeps running, may have probes, and stops after them. Regular containers accept it only with container restart rules (beta from 1.35).',
  link: SIDECAR_URL,
};

const PROBE_GRACE: FieldNote = {
  text: 'Grace period used when this liveness or startup probe kills the container, instead of the Pod value. Not allowed on a readinessProbe, which never kills.',
  link: PROBES_URL,
};

/** The note for `key` in the mapping at `parentPath`, as markdown, or undefined. */
export function fieldDoc(key: string, parentPath: FieldPath): string | undefined {
  return fieldNote(key, parentPath)?.markdown;
}

/** The note as markdown, and whether it already says the value Kubernetes uses when the field is omitted. */
export function fieldNote(key: string, parentPath: FieldPath): { markdown: string; statesDefault: boolean } | undefined {
  const note = noteFor(key, parentPath);
  return note ? { markdown: `${note.text}\n\n[kubernetes.io](${note.link})`, statesDefault: note.statesDefault === true } : undefined;
}

const CONTAINER_GROUPS = ['containers', 'initContainers', 'ephemeralContainers'];

function own(notes: Record<string, FieldNote>, key: string): FieldNote | undefined {
  return Object.prototype.hasOwnProperty.call(notes, key) ? notes[key] : undefined;
}

function noteFor(key: string, parentPath: FieldPath): FieldNote | undefined {
  const depth = parentPath.length;
  const parent = parentPath[depth - 1];
  const inContainer = typeof parent === 'number' && CONTAINER_GROUPS.includes(String(parentPath[depth - 2]));
  if (depth === 0) return own(ROOT_NOTES, key);
  if (inContainer && own(CONTAINER_NOTES, key)) return own(CONTAINER_NOTES, key);
  if (parent === 'resources' && typeof parentPath[depth - 2] === 'number' && CONTAINER_GROUPS.includes(String(parentPath[depth - 3]))) return own(RESOURCE_NOTES, key);
  if (key === 'restartPolicy' && inContainer) return CONTAINER_RESTART;
  if (key === 'terminationGracePeriodSeconds' && typeof parent === 'string' && parent.endsWith('Probe')) return PROBE_GRACE;
  // `port` and `name` are too common to annotate everywhere; only under handlers.
  if (key === 'port' && !(parent === 'httpGet' || parent === 'tcpSocket' || parent === 'grpc')) return undefined;
  if (key === 'exec' || key === 'httpGet' || key === 'sleep') {
    if (typeof parent !== 'string' || !(parent.endsWith('Probe') || parent === 'preStop' || parent === 'postStart')) return undefined;
  }
  return own(NOTES, key);
}
