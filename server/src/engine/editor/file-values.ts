// Values taken from elsewhere in the file: a selector's labels from the Pod template it must
// match, and the names of the ConfigMaps and Secrets the file defines where a Pod refers to one.
// The API accepts a selector that matches nothing and a reference to a missing ConfigMap; the
// Pods then never join, or never start (CreateContainerConfigError). So the editor offers what
// exists.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
// https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods
import { asObject, asString, getIn, isObject, type JsonObject } from '../json';
import type { FileSnapshot } from '../snapshot';
import type { FieldPath } from '../types';
import type { ContextValue } from './context-values';

/** Kinds whose `spec.selector.matchLabels` selects the Pods of their own `spec.template`. */
const MATCH_LABELS_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

/** The label map a selector at `mappingPath` must match, or undefined when it is not a selector. */
export function selectorLabels(kind: string | undefined, objectOf: () => JsonObject | undefined, mappingPath: FieldPath): Record<string, string> | undefined {
  if (!kind) return undefined;
  const matchLabels = MATCH_LABELS_KINDS.has(kind) && samePath(mappingPath, ['spec', 'selector', 'matchLabels']);
  // A ReplicationController's selector is the label map itself.
  const plain = kind === 'ReplicationController' && samePath(mappingPath, ['spec', 'selector']);
  if (!matchLabels && !plain) return undefined;
  const labels = asObject(getIn(objectOf(), ['spec', 'template', 'metadata', 'labels']));
  if (!labels) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = String(value);
  }
  return out;
}

/** Values for a selector label's value: the template's value for that key. */
export function selectorValue(kind: string | undefined, object: JsonObject | undefined, path: FieldPath): ContextValue[] {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return [];
  const value = selectorLabels(kind, () => object, path.slice(0, -1))?.[key];
  return value === undefined ? [] : [{ value, detail: 'Pod template label', preferred: true }];
}

type Referenced = 'ConfigMap' | 'Secret';

/** What a field at `path` names: a ConfigMap, a Secret, or a key of one; undefined otherwise. */
function referenceAt(path: FieldPath): { kind: Referenced; key: boolean } | undefined {
  const [owner, field] = path.slice(-2);
  if (field === 'name' && (owner === 'configMapRef' || owner === 'configMapKeyRef' || owner === 'configMap')) return { kind: 'ConfigMap', key: false };
  if (field === 'name' && (owner === 'secretRef' || owner === 'secretKeyRef' || owner === 'secret')) return { kind: 'Secret', key: false };
  // A volume's Secret source names it `secretName` (a projected source says `name`).
  if (field === 'secretName' && owner === 'secret') return { kind: 'Secret', key: false };
  if (field === 'name' && typeof owner === 'number' && path[path.length - 3] === 'imagePullSecrets') return { kind: 'Secret', key: false };
  if (field === 'key' && owner === 'configMapKeyRef') return { kind: 'ConfigMap', key: true };
  if (field === 'key' && owner === 'secretKeyRef') return { kind: 'Secret', key: true };
  return undefined;
}

/**
 * ConfigMap or Secret names (or, for a `…KeyRef.key`, the keys of the one named beside it) from
 * the objects of the file in the same namespace as `object`.
 */
export function referenceValues(snapshot: FileSnapshot, object: JsonObject | undefined, path: FieldPath): ContextValue[] {
  const reference = referenceAt(path);
  if (!reference || !object) return [];
  const namespace = asString(getIn(object, ['metadata', 'namespace']));
  const candidates = objectsOfKind(snapshot, reference.kind).filter((candidate) => {
    const other = asString(getIn(candidate, ['metadata', 'namespace']));
    // Unset means "the namespace it is applied to": only two different explicit ones never meet.
    return namespace === undefined || other === undefined || other === namespace;
  });
  if (reference.key) {
    const name = asString(getIn(object, [...path.slice(0, -1), 'name']));
    const target = candidates.find((candidate) => asString(getIn(candidate, ['metadata', 'name'])) === name);
    if (!target) return [];
    const keys = new Set<string>();
    for (const field of ['data', 'binaryData', 'stringData']) for (const key of Object.keys(asObject(target[field]) ?? {})) keys.add(key);
    return [...keys].map((key) => ({ value: key, detail: `key of ${reference.kind} "${name}"`, preferred: true }));
  }
  const values: ContextValue[] = [];
  for (const candidate of candidates) {
    const name = asString(getIn(candidate, ['metadata', 'name']));
    if (name && !values.some((value) => value.value === name)) values.push({ value: name, detail: `${reference.kind} in this file`, preferred: true });
  }
  return values;
}

/** Objects of `kind` (core group) in every document of the file, List items included. */
function objectsOfKind(snapshot: FileSnapshot, kind: Referenced): JsonObject[] {
  const found: JsonObject[] = [];
  for (let index = 0; index < snapshot.chunks.length; index += 1) {
    const value = snapshot.parsed(index)?.value;
    if (!isObject(value)) continue;
    const objects = value.kind === 'List' && Array.isArray(value.items) ? value.items.filter(isObject) : [value];
    for (const object of objects) if (object.kind === kind && object.apiVersion === 'v1') found.push(object);
  }
  return found;
}

function samePath(path: FieldPath, expected: FieldPath): boolean {
  return path.length === expected.length && expected.every((segment, index) => path[index] === segment);
}
