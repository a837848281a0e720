// Files kustomize does not send to the API server as they are written:
// - a patch is merged into a base object, so it holds only what it changes. It is judged on what it
//   writes (unknown fields, types, enums, values), never on what it leaves to the base (required
//   fields, a selector, an image, a probe handler) nor on relations the base completes.
//   https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/patches/
// - a resource of a kustomization that adds selector labels (commonLabels, or labels with
//   includeSelectors) reaches the API server with those labels in its selector and Pod template:
//   the object is judged with them applied, as kustomize builds it.
//   https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/labels/
import { asObject, isObject, type JsonObject, type JsonValue } from '../json';
import type { FieldPath } from '../types';
import type { ImageOverride } from './kustomization-entries';

/**
 * Rules whose findings on a partial object can be about what the base holds: a missing field, a
 * value compared with a field the base may set (ports, volumes, grace period, restart policy, OS), or
 * the relation between whole objects. A patch is not judged by them.
 */
const BASE_DEPENDENT_RULES: ReadonlySet<string> = new Set([
  'schema-required',
  'probe-handler-count',
  'lifecycle-handler-count',
  'containers-empty',
  'container-image-missing',
  'workload-selector-missing',
  'workload-selector-mismatch',
  'statefulset-service-name',
  'job-restart-policy',
  'resources-unset',
  'resources-extended-not-overcommittable',
  'resources-pod-level-exceeded',
  'probe-readiness-missing',
  'probe-liveness-missing',
  'rollout-missing-readiness',
  'rollout-missing-prestop',
  'volume-mount-unknown-volume',
  'volume-source-count',
  'volume-source-invalid',
  'probe-named-port-undeclared',
  'probe-numeric-port-undeclared',
  'probe-port-udp',
  'service-target-port-undeclared',
  'service-selector-no-match',
  'service-spec-invalid',
  'statefulset-service-missing',
  'secret-type-keys-missing',
  'dns-policy-none-requires-config',
  'ingress-spec-invalid',
  'missing-pdb',
  'no-anti-affinity',
  'deployment-single-replica',
  'liveness-slow-start-budget',
  'liveness-long-initial-delay',
  'liveness-initial-delay-with-startup',
  'liveness-failure-threshold-tight',
  'liveness-with-restart-never',
  'probes-identical',
  'probe-timeout-exceeds-period',
  'lifecycle-sleep-range',
  'shutdown-prestop-consumes-grace',
  'shutdown-prestop-zero-grace',
  'init-container-probe-or-lifecycle',
  'emptydir-read-only',
  'mount-hides-command',
  'command-variable-not-expanded',
  'container-command-exits',
  'claim-multi-attach',
  'pvc-pv-mismatch',
  'hpa-metric-invalid',
  'hpa-spec-invalid',
  'deployment-progress-deadline',
  'job-pod-failure-policy-invalid',
  'job-success-policy-invalid',
  'host-network-host-port-mismatch',
  'host-port-conflict',
  'security-context-os-mismatch',
  'image-latest-tag',
  'image-pull-policy-implicit',
  'pss-run-as-non-root',
  'pss-seccomp',
  'pss-capabilities',
  'security-context-baseline',
]);

/**
 * Whether a finding on a patch is about what the patch writes: its path exists in the patch, the
 * rule does not depend on the base, and it is no strategic-merge directive (`$patch`,
 * `$setElementOrder/…`, `$retainKeys`, `$deleteFromPrimitiveList/…`), which the API schema does not
 * list but kustomize reads.
 * https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
 */
export function keptInPatch(ruleId: string, path: FieldPath, object: JsonObject): boolean {
  if (ruleId.startsWith('yaml-') || ruleId === 'internal-error' || ruleId === 'suppression-unknown-rule') return true;
  if (BASE_DEPENDENT_RULES.has(ruleId)) return false;
  if (path.some((segment) => typeof segment === 'string' && segment.startsWith('$'))) return false;
  return pathExists(object, path);
}

function pathExists(root: JsonValue, path: FieldPath): boolean {
  let node: JsonValue | undefined = root;
  for (const segment of path) {
    if (typeof segment === 'number') node = Array.isArray(node) ? node[segment] : undefined;
    else node = isObject(node) && Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

/** Where kustomize writes selector labels, per kind (`create`: the field is made when missing). */
interface LabelTarget {
  path: readonly string[];
  create: boolean;
}

const TEMPLATE: LabelTarget = { path: ['spec', 'template', 'metadata', 'labels'], create: true };
const MATCH_LABELS: LabelTarget = { path: ['spec', 'selector', 'matchLabels'], create: true };

// kustomize's built-in field specs for commonLabels (api/konfig/builtinpluginconsts/commonlabels.go).
const LABEL_TARGETS: Readonly<Record<string, readonly LabelTarget[]>> = {
  Deployment: [MATCH_LABELS, TEMPLATE],
  ReplicaSet: [MATCH_LABELS, TEMPLATE],
  DaemonSet: [MATCH_LABELS, TEMPLATE],
  StatefulSet: [MATCH_LABELS, TEMPLATE],
  ReplicationController: [{ path: ['spec', 'selector'], create: true }, TEMPLATE],
  Job: [{ path: ['spec', 'selector', 'matchLabels'], create: false }, TEMPLATE],
  CronJob: [{ path: ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'], create: true }],
};

/**
 * The workload as kustomize sends it when its kustomizations add `labels` to selectors: those labels
 * in metadata.labels, its selector and its Pod template, so its own selector and template are judged
 * as built. Services and PodDisruptionBudgets are left as written: the workloads of other files they
 * are compared with are read as written too, and adding the labels on one side only would part them.
 * Unchanged parts are shared with the original.
 */
export function withSelectorLabels(object: JsonObject, kind: string, labels: Readonly<Record<string, string>>): JsonObject {
  if (Object.keys(labels).length === 0) return object;
  let result = setLabels(object, { path: ['metadata', 'labels'], create: true }, labels);
  for (const target of LABEL_TARGETS[kind] ?? []) result = setLabels(result, target, labels);
  return result;
}

function setLabels(node: JsonObject, target: LabelTarget, labels: Readonly<Record<string, string>>, depth = 0): JsonObject {
  const key = target.path[depth];
  const child = node[key];
  if (depth === target.path.length - 1) {
    const existing = asObject(child);
    if (!existing && (!target.create || (child !== undefined && child !== null))) return node;
    return { ...node, [key]: { ...(existing ?? {}), ...labels } };
  }
  const next = asObject(child);
  if (!next && (!target.create || (child !== undefined && child !== null))) return node;
  return { ...node, [key]: setLabels(next ?? {}, target, labels, depth + 1) };
}

/** A resource as its kustomizations build it: selector labels added, images overridden. */
export function kustomized(object: JsonObject, kind: string, role: { selectorLabels: Readonly<Record<string, string>>; images?: readonly ImageOverride[] }): JsonObject {
  return withImages(withSelectorLabels(object, kind, role.selectorLabels), role.images);
}

/** Objects nested deeper than this are not searched for containers (no real manifest comes close). */
const MAX_IMAGE_DEPTH = 16;

/**
 * The object with kustomize's `images` overrides applied to every `containers[].image` and
 * `initContainers[].image` in it, as kustomize's image transformer does: an image whose name (without
 * tag or digest) is an entry's `name` gets its `newName`, `newTag` or `digest`. So a base image
 * without a tag is judged by the tag its overlay pins.
 * https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/images/
 */
export function withImages(object: JsonObject, images: readonly ImageOverride[] | undefined): JsonObject {
  if (!images || images.length === 0) return object;
  return rewriteImages(object, images, 0) as JsonObject;
}

function rewriteImages(node: JsonValue, images: readonly ImageOverride[], depth: number): JsonValue {
  if (depth > MAX_IMAGE_DEPTH) return node;
  if (Array.isArray(node)) {
    let changed = false;
    const next = node.map((item) => {
      const rewritten = rewriteImages(item, images, depth + 1);
      if (rewritten !== item) changed = true;
      return rewritten;
    });
    return changed ? next : node;
  }
  if (!isObject(node)) return node;
  let result: JsonObject = node;
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    let next: JsonValue = value;
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(value)) {
      const containers = value.map((container) => {
        if (!isObject(container) || typeof container.image !== 'string') return container;
        const image = overridden(container.image, images);
        return image === container.image ? container : { ...container, image };
      });
      if (containers.some((item, index) => item !== value[index])) next = containers;
    } else {
      next = rewriteImages(value, images, depth + 1);
    }
    if (next !== value) result = { ...result, [key]: next };
  }
  return result;
}

/** `image` after the overrides (each applies to what the ones before left). */
function overridden(image: string, images: readonly ImageOverride[]): string {
  let current = image;
  for (const override of images) {
    const at = current.indexOf('@');
    const withoutDigest = at === -1 ? current : current.slice(0, at);
    const colon = withoutDigest.lastIndexOf(':');
    const hasTag = colon > withoutDigest.lastIndexOf('/');
    const name = hasTag ? withoutDigest.slice(0, colon) : withoutDigest;
    if (name !== override.name) continue;
    const tag = hasTag ? withoutDigest.slice(colon) : '';
    const digest = at === -1 ? '' : current.slice(at);
    const newName = override.newName ?? name;
    if (override.digest) current = `${newName}@${override.digest}`;
    else if (override.newTag) current = `${newName}:${override.newTag}`;
    else current = `${newName}${tag}${digest}`;
  }
  return current;
}
