// Reads a file's objects for the cross-document rules: Services, and the Pods (or Pod templates)
// that Services and StatefulSets point at, with their labels and namespaces.
import { asObject, asString, getIn, type JsonObject } from '../json';
import { templatePathFor } from '../pod-specs';
import { isKindCollision } from './api-catalog';
import { customPodTemplate } from './custom-pod-templates';
import type { FileContext, ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';
import { labelMap } from './label-selector';

/** Kinds that create Pods (PodTemplate does not; PetSet is the pre-1.5 StatefulSet). */
const POD_CREATING_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PetSet']);

export interface PodTarget {
  object: ObjectContext;
  /** Labels the Pods will carry (Pod metadata or the template's). */
  labels: Map<string, string>;
  /** The Pod spec; undefined for a template written with labels but no spec. */
  spec: JsonObject | undefined;
  specPath: FieldPath;
}

export function namespaceOf(object: ObjectContext): string | undefined {
  return asString(getIn(object.object, ['metadata', 'namespace'])) || undefined;
}

/** Objects without a namespace land wherever they are applied, so they may share one with anything. */
export function sameNamespace(a: ObjectContext, b: ObjectContext): boolean {
  const left = namespaceOf(a);
  const right = namespaceOf(b);
  return left === undefined || right === undefined || left === right;
}

/**
 * Every Pod or Pod template of the file. A template counts as soon as it has labels or a spec:
 * the labels are what a Service or StatefulSet selects, so a template without a spec (invalid as
 * it is) still tells where the Pods of a selector would come from.
 */
export function podTargets(context: FileContext): PodTarget[] {
  const targets: PodTarget[] = [];
  for (const object of context.objects) {
    const templatePath = podTemplatePath(object);
    if (!templatePath) continue;
    const metadata = asObject(getIn(object.object, [...templatePath, 'metadata']));
    const specPath = [...templatePath, 'spec'];
    const spec = asObject(getIn(object.object, specPath));
    const labels = labelMap(metadata?.labels);
    if (!spec && labels.size === 0) continue;
    targets.push({ object, labels, spec, specPath });
  }
  return targets;
}

/**
 * Where an object that creates Pods keeps their template: a built-in workload's, or a custom
 * resource's (an Argo Rollout behind a Service selects Pods like a Deployment). A custom kind
 * named like a built-in one (Knative's `Service`) is neither.
 */
function podTemplatePath(object: ObjectContext): FieldPath | undefined {
  if (customPodTemplate(object.apiVersion, object.kind)) return templatePathFor(object.apiVersion, object.kind, object.object);
  if (!POD_CREATING_KINDS.has(object.kind) || isKindCollision(object.apiVersion, object.kind)) return undefined;
  // PetSet is not a served kind, so pod-specs.ts has no template path for it.
  return object.kind === 'Pod' ? [] : (templatePathFor(object.apiVersion, object.kind) ?? ['spec', 'template']);
}

/**
 * Labels the controller adds to each Pod it creates, which a Service may select on (a Service per
 * StatefulSet Pod selects `statefulset.kubernetes.io/pod-name`). Each entry says whether a
 * selector value can be matched. https://kubernetes.io/docs/reference/labels-annotations-taints/
 */
const CONTROLLER_LABELS: Record<string, Record<string, (value: string, name: string) => boolean>> = {
  StatefulSet: {
    'statefulset.kubernetes.io/pod-name': (value, name) => new RegExp(`^${escapeRegExp(name)}-\\d+$`).test(value),
    'apps.kubernetes.io/pod-index': (value) => /^\d+$/.test(value),
    'controller-revision-hash': () => true,
  },
  Deployment: { 'pod-template-hash': () => true },
  DaemonSet: { 'controller-revision-hash': () => true, 'pod-template-generation': (value) => /^\d+$/.test(value) },
  Job: {
    'job-name': (value, name) => value === name,
    'batch.kubernetes.io/job-name': (value, name) => value === name,
    'controller-uid': () => true,
    'batch.kubernetes.io/controller-uid': () => true,
    'batch.kubernetes.io/job-completion-index': (value) => /^\d+$/.test(value),
  },
  CronJob: {
    'job-name': () => true,
    'batch.kubernetes.io/job-name': () => true,
    'controller-uid': () => true,
    'batch.kubernetes.io/controller-uid': () => true,
    'batch.kubernetes.io/job-completion-index': (value) => /^\d+$/.test(value),
  },
};
CONTROLLER_LABELS.PetSet = CONTROLLER_LABELS.StatefulSet;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether every `key: value` of a Service selector can be carried by the target's Pods. */
export function selectsTarget(selector: ReadonlyMap<string, string>, target: PodTarget): boolean {
  const custom = customPodTemplate(target.object.apiVersion, target.object.kind);
  const assigned = custom ? {} : (CONTROLLER_LABELS[target.object.kind] ?? {});
  for (const [key, value] of selector) {
    if (target.labels.get(key) === value) continue;
    const check = assigned[key];
    if (check && !target.labels.has(key) && check(value, target.object.name ?? '')) continue;
    // A custom controller's own Pod labels (a Rollout's pod-template-hash) take values it picks.
    if (custom?.controllerLabels.includes(key) && !target.labels.has(key)) continue;
    return false;
  }
  return true;
}

export function services(context: FileContext): ObjectContext[] {
  return context.objects.filter((object) => object.kind === 'Service' && object.apiVersion === 'v1');
}

/** `Deployment "web"`. */
export function describeObject(object: ObjectContext): string {
  return object.name ? `${object.kind} "${object.name}"` : object.kind;
}
