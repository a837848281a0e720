// What the cursor is on, for navigation: an object's name, a reference to another object (its
// name, a ConfigMap/Secret key, an Ingress backend port), a selector entry, a Pod label, or a
// Service's named targetPort. Read from the snapshot's parse of the document under the cursor.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/
import { nodeAt } from '../editor/ast-path';
import { asString, getIn } from '../json';
import { referencesOf, type ObjectReference } from '../k8s/object-references';
import { findPodSpec } from '../pod-specs';
import type { SelectorRequirement } from '../k8s/label-selector';
import type { FieldPath, FindingTarget, OffsetRange } from '../types';
import { pathsEqual, startsWith, type NavObject, type NavWorkspace } from './nav-model';
import { podLabelsOf, podSelectorsOf, type Selector } from './selection';

export type NavSubject =
  | { type: 'objectName'; object: NavObject }
  | { type: 'reference'; object: NavObject; reference: ObjectReference; part: 'name' | 'key' | 'port' }
  | { type: 'selector'; object: NavObject; selector: Selector; requirement: SelectorRequirement; label: string; value?: string; part: 'key' | 'value' }
  | { type: 'podLabel'; object: NavObject; label: string; value: string; part: 'key' | 'value' }
  | { type: 'targetPort'; object: NavObject; portName: string }
  | { type: 'dataKey'; object: NavObject; key: string }
  | { type: 'containerPort'; object: NavObject; portName: string; containerPath: FieldPath };

export interface SubjectAt {
  subject: NavSubject;
  /** Whole-file range of the key or scalar under the cursor. */
  range: OffsetRange;
}

/** The navigation subject at `offset` of the current file, or undefined. */
export function subjectAt(workspace: NavWorkspace, offset: number): SubjectAt | undefined {
  const { snapshot } = workspace;
  const index = snapshot.indexAt(offset);
  if (index === undefined) return undefined;
  const document = snapshot.document(index);
  if (!document || document.parsed.kind !== 'kubernetes') return undefined;
  const object = workspace.objects.find((candidate) => candidate.filePath === workspace.filePath && candidate.documentIndex === index);
  if (!object) return undefined;
  const start = document.chunk.start;
  const node = nodeAt(document.parsed.document, offset - start);
  if (!node) return undefined;
  const subject = classify(object, node.path, node.target);
  return subject ? { subject, range: { start: node.range.start + start, end: node.range.end + start } } : undefined;
}

/** The fields of a ConfigMap or Secret whose keys it defines. */
const KEYED_FIELDS: readonly string[] = ['data', 'binaryData', 'stringData'];

function classify(object: NavObject, path: FieldPath, target: FindingTarget): NavSubject | undefined {
  if (pathsEqual(path, ['metadata', 'name']) && target === 'value' && object.name) return { type: 'objectName', object };
  if ((object.kind === 'ConfigMap' || object.kind === 'Secret') && object.apiVersion === 'v1' && path.length === 2 && KEYED_FIELDS.includes(String(path[0])) && target === 'key') {
    return { type: 'dataKey', object, key: String(path[1]) };
  }
  const reference = referenceAt(object, path, target);
  if (reference) return reference;
  const selector = selectorAt(object, path, target);
  if (selector) return selector;
  const labels = podLabelsOf(object);
  if (labels && path.length === labels.path.length + 1 && startsWith(path, labels.path)) {
    const label = String(path[path.length - 1]);
    const value = labels.labels.get(label);
    if (value !== undefined) return { type: 'podLabel', object, label, value, part: target };
  }
  const port = containerPortAt(object, path, target);
  if (port) return port;
  if (object.kind === 'Service' && target === 'value' && path.length === 4 && startsWith(path, ['spec', 'ports']) && path[3] === 'targetPort') {
    const portName = asString(getIn(object.object, path));
    if (portName) return { type: 'targetPort', object, portName };
  }
  return undefined;
}

function referenceAt(object: NavObject, path: FieldPath, target: FindingTarget): NavSubject | undefined {
  if (target !== 'value') return undefined;
  const references = referencesOf(object.object, object.apiVersion, object.kind);
  for (const reference of references) {
    if (reference.keyPath && pathsEqual(reference.keyPath, path)) {
      return { type: 'reference', object, reference, part: reference.role === 'servicePort' ? 'port' : 'key' };
    }
  }
  // A name first claimed by the plain reference (a volume's configMap), not one of its key references.
  const named = references.find((reference) => reference.role !== 'servicePort' && pathsEqual(reference.path, path));
  return named ? { type: 'reference', object, reference: named, part: 'name' } : undefined;
}

function selectorAt(object: NavObject, path: FieldPath, target: FindingTarget): NavSubject | undefined {
  for (const selector of podSelectorsOf(object)) {
    if (!startsWith(path, selector.path)) continue;
    for (const requirement of selector.parsed.requirements) {
      if (requirement.fromMatchLabels && pathsEqual(path, requirement.path)) {
        return { type: 'selector', object, selector, requirement, label: requirement.key, value: requirement.values[0], part: target };
      }
      if (requirement.fromMatchLabels || target !== 'value') continue;
      // A matchExpressions item: its `key`, or one of its `values`.
      if (pathsEqual(path, [...requirement.path, 'key'])) return { type: 'selector', object, selector, requirement, label: requirement.key, part: 'key' };
      if (path.length === requirement.path.length + 2 && startsWith(path, [...requirement.path, 'values'])) {
        const value = asString(getIn(object.object, path));
        if (value !== undefined) return { type: 'selector', object, selector, requirement, label: requirement.key, value, part: 'value' };
      }
    }
  }
  return undefined;
}

/** A container's `ports[].name` value. */
function containerPortAt(object: NavObject, path: FieldPath, target: FindingTarget): NavSubject | undefined {
  if (target !== 'value' || path.length < 4 || path[path.length - 1] !== 'name' || path[path.length - 3] !== 'ports') return undefined;
  const location = findPodSpec(object.apiVersion, object.kind, object.object);
  if (!location || !podLabelsOf(object)) return undefined;
  const containerPath = path.slice(0, -3);
  const group = containerPath[containerPath.length - 2];
  if (containerPath.length !== location.specPath.length + 2 || !startsWith(containerPath, location.specPath) || (group !== 'containers' && group !== 'initContainers'))
    return undefined;
  const portName = asString(getIn(object.object, path));
  return portName ? { type: 'containerPort', object, portName, containerPath } : undefined;
}
