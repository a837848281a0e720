// Which objects select which Pods: the labels a Pod (or a workload's Pod template) carries, and
// the selectors of Services, workloads, PodDisruptionBudgets and NetworkPolicies, with the paths
// of their entries so navigation can point at them and rename them.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import { asObject, getIn } from '../json';
import { labelMap, parseLabelSelector, selectorMatches, type ParsedSelector } from '../k8s/label-selector';
import { isCustomGroup } from '../k8s/api-catalog';
import { findPodSpec } from '../pod-specs';
import type { FieldPath } from '../types';
import { namespacesMatch, type NavObject } from './nav-model';

/** Kinds whose Pods a selector can select (a PodTemplate makes no Pods by itself). */
const POD_OWNER_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

export interface PodLabels {
  labels: Map<string, string>;
  /** Path of the labels mapping (`metadata.labels`, or the template's). */
  path: FieldPath;
}

/** The labels of the Pods the object makes, or undefined for kinds that make none. */
export function podLabelsOf(object: NavObject): PodLabels | undefined {
  if (!POD_OWNER_KINDS.has(object.kind) || !isBuiltIn(object)) return undefined;
  const location = findPodSpec(object.apiVersion, object.kind, object.object);
  const metadataPath: FieldPath | undefined = location?.metadataPath ?? (object.kind === 'Pod' ? ['metadata'] : undefined);
  if (!metadataPath) return undefined;
  const path = [...metadataPath, 'labels'];
  return { labels: labelMap(getIn(object.object, path)), path };
}

export interface Selector {
  /** Path of the selector (a map selector, or a LabelSelector). */
  path: FieldPath;
  /** `map`: every key/value must be present (Service, ReplicationController). */
  form: 'map' | 'labelSelector';
  parsed: ParsedSelector;
  /** Whether an empty selector selects every Pod (NetworkPolicy) instead of none. */
  emptySelectsAll: boolean;
}

/** Selectors that pick Pods, by kind; only the selector of the object's own namespace. */
export function podSelectorsOf(object: NavObject): Selector[] {
  const { kind } = object;
  const root = object.object;
  // A custom resource named like a built-in kind (Knative's `Service`) has no such selector.
  if (!isBuiltIn(object)) return [];
  if (kind === 'Service') {
    if (getIn(root, ['spec', 'type']) === 'ExternalName') return [];
    return mapSelector(object, ['spec', 'selector']);
  }
  if (kind === 'ReplicationController') return mapSelector(object, ['spec', 'selector']);
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' || kind === 'ReplicaSet' || kind === 'PodDisruptionBudget') {
    const parsed = parseLabelSelector(root, ['spec', 'selector']);
    return parsed ? [{ path: ['spec', 'selector'], form: 'labelSelector', parsed, emptySelectsAll: false }] : [];
  }
  if (kind === 'NetworkPolicy') {
    const parsed = parseLabelSelector(root, ['spec', 'podSelector']);
    return parsed ? [{ path: ['spec', 'podSelector'], form: 'labelSelector', parsed, emptySelectsAll: true }] : [];
  }
  return [];
}

function isBuiltIn(object: NavObject): boolean {
  return !isCustomGroup(object.apiVersion);
}

function mapSelector(object: NavObject, path: FieldPath): Selector[] {
  const map = asObject(getIn(object.object, path));
  if (!map) return [];
  const matchLabels = labelMap(map);
  const parsed: ParsedSelector = {
    requirements: [...matchLabels].map(([key, value]) => ({ key, operator: 'In', values: [value], path: [...path, key], fromMatchLabels: true })),
    matchLabels,
    problems: [],
    empty: matchLabels.size === 0,
  };
  return [{ path, form: 'map', parsed, emptySelectsAll: false }];
}

/** Whether `selector` (of `owner`) selects the Pods of `pods`. */
export function selects(owner: NavObject, selector: Selector, pods: NavObject): boolean {
  if (owner === pods) return false;
  const labels = podLabelsOf(pods);
  if (!labels || !namespacesMatch(owner.namespace, pods.namespace)) return false;
  if (selector.parsed.problems.length > 0) return false;
  if (selector.parsed.empty) return selector.emptySelectsAll;
  return selectorMatches(selector.parsed, labels.labels);
}

/** The objects whose Pods one of `owner`'s selectors selects. */
export function selectedBy(owner: NavObject, objects: readonly NavObject[]): NavObject[] {
  const selectors = podSelectorsOf(owner);
  if (selectors.length === 0) return [];
  return objects.filter((candidate) => selectors.some((selector) => selects(owner, selector, candidate)));
}

/** The objects (of `kinds`, when given) whose selectors select `pods`. */
export function selectorsOf(pods: NavObject, objects: readonly NavObject[], kinds?: ReadonlySet<string>): NavObject[] {
  if (!podLabelsOf(pods)) return [];
  return objects.filter((owner) => (!kinds || kinds.has(owner.kind)) && podSelectorsOf(owner).some((selector) => selects(owner, selector, pods)));
}
