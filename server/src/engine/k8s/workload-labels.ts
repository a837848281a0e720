// Shared reading of workload objects: which kinds carry a label selector, their template labels,
// and the fix intents that add a selector built from those labels.
import { asObject, getIn, type JsonObject } from '../json';
import type { FieldPath, FixIntent } from '../types';
import { isValidLabel, labelMap } from './label-selector';

/** Kinds whose `spec.selector` is a LabelSelector that must select the Pod template. */
export const LABEL_SELECTOR_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet'];

export const TEMPLATE_LABELS_PATH: FieldPath = ['spec', 'template', 'metadata', 'labels'];

/** The Pod template labels as strings, in source order. */
export function templateLabels(object: JsonObject): Map<string, string> {
  return labelMap(getIn(object, TEMPLATE_LABELS_PATH));
}

/**
 * The valid template labels as a plain object, for a fix that writes them as matchLabels. An
 * invalid label is left out: a selector of the others still selects the template, while copying
 * it would make the selector invalid too.
 */
export function templateLabelsObject(object: JsonObject): Record<string, string> | undefined {
  const labels = [...templateLabels(object)].filter(([key, value]) => isValidLabel(key, value));
  if (labels.length === 0) return undefined;
  return Object.fromEntries(labels);
}

/**
 * Intent that adds `spec.selector.matchLabels` (or fills an empty selector) from the template
 * labels; undefined when the template has no labels to copy.
 */
export function selectorFromTemplateIntent(object: JsonObject, insertAfter?: string): FixIntent | undefined {
  const matchLabels = templateLabelsObject(object);
  if (!matchLabels) return undefined;
  const spec = asObject(object.spec);
  const selector = spec ? spec.selector : undefined;
  if (asObject(selector)) {
    // An empty selector (`selector: {}` or `matchLabels: {}`): fill it in place.
    if (asObject(asObject(selector)?.matchLabels)) return { op: 'set', path: ['spec', 'selector', 'matchLabels'], value: matchLabels };
    return { op: 'insert', path: ['spec', 'selector'], key: 'matchLabels', value: matchLabels };
  }
  if (selector !== undefined) return { op: 'set', path: ['spec', 'selector'], value: { matchLabels } };
  const after = insertAfter ?? (spec && spec.replicas !== undefined ? 'replicas' : spec && spec.serviceName !== undefined ? 'serviceName' : undefined);
  return { op: 'insert', path: ['spec'], key: 'selector', value: { matchLabels }, after };
}

/** `Deployment "web"` for messages. */
export function objectLabel(kind: string, name: string | undefined): string {
  return name ? `${kind} "${name}"` : kind;
}
