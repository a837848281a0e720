// Rename across the workspace. An object's name: its `metadata.name` (every copy) and every
// reference to it, namespace-aware. A ConfigMap or Secret key: the key and every reader of it. A
// Pod label's key or value (on a Pod, a workload's template, a workload's selector or any selector
// entry): the label on every Pod template it groups, the workloads' own selectors, and every
// Service, PodDisruptionBudget, NetworkPolicy and workload selector that selects those Pods
// through it — so what selected what before still does after. The result is a list of targets
// whose key or value becomes the new text (resolved into minimal edits by locate-targets.ts).
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import { asArray, asObject, getIn } from '../json';
import { labelText, selectorMatches } from '../k8s/label-selector';
import { configMapKeyErrors } from '../k8s/pod-formats';
import { labelValueErrors, nameErrors, nameFormatOf, qualifiedNameErrors } from '../k8s/names';
import type { OffsetRange } from '../types';
import { nameTarget, namespacesMatch, targetOf, type NavObject, type NavTarget, type NavWorkspace } from './nav-model';
import { declarationsOf, identityOf, referencesTo, refersTo, type ObjectIdentity } from './references';
import { referencesOf } from '../k8s/object-references';
import { podLabelsOf, podSelectorsOf, type Selector } from './selection';
import { subjectAt, type NavSubject } from './subject';

export type RenameRefusal = { refused: string };

export interface RenamePlace {
  /** Whole-file range of the name under the cursor. */
  range: OffsetRange;
  placeholder: string;
}

/** What rename would rename at `offset`, or why it cannot. */
export function prepareRenameAt(workspace: NavWorkspace, offset: number): RenamePlace | RenameRefusal {
  const found = subjectAt(workspace, offset);
  if (!found) return { refused: 'Podwise renames object names, ConfigMap/Secret keys and Pod labels; there is none here.' };
  const what = renamed(found.subject);
  if ('refused' in what) return what;
  return { range: found.range, placeholder: what.placeholder };
}

/** The targets whose text becomes `newName`, or why the rename is refused. */
export function renameAt(workspace: NavWorkspace, offset: number, newName: string): NavTarget[] | RenameRefusal {
  const found = subjectAt(workspace, offset);
  if (!found) return { refused: 'Nothing to rename here.' };
  const what = renamed(found.subject);
  if ('refused' in what) return what;
  const problems = what.validate(newName);
  if (problems.length > 0) return { refused: `"${newName}" is not a valid ${what.noun}: ${problems[0]}.` };
  return dedupe(what.targets(workspace.objects));
}

interface Renamed {
  placeholder: string;
  noun: string;
  validate(newName: string): string[];
  targets(objects: readonly NavObject[]): NavTarget[];
}

function renamed(subject: NavSubject): Renamed | RenameRefusal {
  switch (subject.type) {
    case 'objectName': {
      const identity = identityOf(subject.object);
      return identity ? objectRename(identity) : { refused: 'The object has no name.' };
    }
    case 'reference': {
      const reference = subject.reference;
      const identity: ObjectIdentity = {
        kind: reference.kind,
        name: reference.name,
        namespace: reference.namespace ?? subject.object.namespace,
        clusterScoped: reference.clusterScoped,
      };
      if (subject.part === 'key' && reference.key !== undefined && (reference.kind === 'ConfigMap' || reference.kind === 'Secret')) return keyRename(identity, reference.key);
      if (subject.part !== 'name') return { refused: 'Rename the port where the Service declares it.' };
      return objectRename(identity);
    }
    case 'dataKey': {
      const identity = identityOf(subject.object);
      return identity ? keyRename(identity, subject.key) : { refused: 'The object has no name.' };
    }
    case 'podLabel':
      return labelRename({ pods: [subject.object], selectors: [] }, subject.label, subject.value, subject.part);
    case 'selector':
      if (subject.part === 'value' && subject.value === undefined) return { refused: 'Rename a label value on one of the values.' };
      return labelRename({ pods: [], selectors: [{ owner: subject.object, selector: subject.selector }] }, subject.label, subject.value, subject.part);
    case 'targetPort':
    case 'containerPort':
      return { refused: 'Podwise does not rename port names (Services, probes and NetworkPolicies may name them).' };
  }
}

function objectRename(identity: ObjectIdentity): Renamed {
  return {
    placeholder: identity.name,
    noun: `${identity.kind} name`,
    // Service names: the stricter DNS-1035 form, valid in every supported version.
    validate: (newName) => nameErrors(newName, nameFormatOf(identity.kind, false)),
    targets: (objects) => [
      ...declarationsOf(identity, objects).map(nameTarget),
      ...referencesTo(identity, objects).map(({ owner, reference }) => targetOf(owner, reference.path, 'value')),
    ],
  };
}

function keyRename(identity: ObjectIdentity, key: string): Renamed {
  return {
    placeholder: key,
    noun: `${identity.kind} key`,
    validate: configMapKeyErrors,
    targets: (objects) => {
      const targets = declarationsOf(identity, objects).flatMap((object) =>
        ['data', 'binaryData', 'stringData'].filter((field) => asObject(object.object[field])?.[key] !== undefined).map((field) => targetOf(object, [field, key], 'key')),
      );
      for (const owner of objects) {
        for (const reference of referencesOf(owner.object, owner.apiVersion, owner.kind)) {
          if (reference.key === key && reference.keyPath && refersTo(reference, owner, identity)) targets.push(targetOf(owner, reference.keyPath, 'value'));
        }
      }
      return targets;
    },
  };
}

interface SelectorUse {
  owner: NavObject;
  selector: Selector;
}

interface LabelGroup {
  pods: NavObject[];
  selectors: SelectorUse[];
}

function labelRename(seed: LabelGroup, label: string, value: string | undefined, part: 'key' | 'value'): Renamed {
  return {
    placeholder: part === 'key' ? label : (value ?? ''),
    noun: part === 'key' ? 'label key' : 'label value',
    validate: (newName) => (part === 'key' ? qualifiedNameErrors(newName) : labelValueErrors(newName)),
    targets: (objects) => {
      const group = labelGroup(seed, label, value, part, objects);
      const targets: NavTarget[] = [];
      for (const pods of group.pods) {
        const labels = podLabelsOf(pods);
        if (labels) targets.push(targetOf(pods, [...labels.path, label], part));
      }
      for (const use of group.selectors) targets.push(...selectorEdits(use, label, value, part));
      return targets;
    },
  };
}

/** Whether the Pods of `pods` carry the label (any value for a key rename). */
function carries(pods: NavObject, label: string, value: string | undefined, part: 'key' | 'value'): boolean {
  const labels = podLabelsOf(pods)?.labels;
  if (!labels?.has(label)) return false;
  return part === 'key' || value === undefined || labels.get(label) === value;
}

/** Whether a selector names the label (its key; for a value rename, that value). */
function mentions(selector: Selector, label: string, value: string | undefined, part: 'key' | 'value'): boolean {
  return selector.parsed.requirements.some((requirement) => requirement.key === label && (part === 'key' || (value !== undefined && requirement.values.includes(value))));
}

/** Whether the selector of `owner` picks the Pods of `pods` (a workload's own selector picks its own template). */
function covers(use: SelectorUse, pods: NavObject): boolean {
  const labels = podLabelsOf(pods);
  if (!labels || use.selector.parsed.problems.length > 0 || use.selector.parsed.empty) return false;
  if (use.owner !== pods && !namespacesMatch(use.owner.namespace, pods.namespace)) return false;
  return selectorMatches(use.selector.parsed, labels.labels);
}

/**
 * The Pods and selectors a label rename must change together: from the seed, every selector that
 * selects one of the Pods through the label, and every Pod carrying the label that one of those
 * selectors selects, until nothing is added (bounded by the number of objects).
 */
function labelGroup(seed: LabelGroup, label: string, value: string | undefined, part: 'key' | 'value', objects: readonly NavObject[]): LabelGroup {
  // Only Pods carrying the label and selectors naming it can join: both lists are read once.
  const carriers = objects.filter((candidate) => carries(candidate, label, value, part));
  const naming = objects.flatMap((owner) => podSelectorsOf(owner).flatMap((selector) => (mentions(selector, label, value, part) ? [{ owner, selector }] : [])));
  const same = (a: SelectorUse, b: SelectorUse): boolean => a.owner === b.owner && a.selector.path.join('.') === b.selector.path.join('.');
  const pods = new Set<NavObject>(seed.pods);
  const selectors: SelectorUse[] = seed.selectors.map((use) => naming.find((other) => same(other, use)) ?? use);
  for (let changed = true; changed;) {
    changed = false;
    for (const use of selectors) {
      for (const candidate of carriers) {
        if (pods.has(candidate) || !covers(use, candidate)) continue;
        pods.add(candidate);
        changed = true;
      }
    }
    for (const use of naming) {
      if (selectors.some((other) => same(other, use)) || ![...pods].some((candidate) => covers(use, candidate))) continue;
      selectors.push(use);
      changed = true;
    }
  }
  return { pods: [...pods], selectors };
}

function selectorEdits(use: SelectorUse, label: string, value: string | undefined, part: 'key' | 'value'): NavTarget[] {
  const targets: NavTarget[] = [];
  for (const requirement of use.selector.parsed.requirements) {
    if (requirement.key !== label) continue;
    if (requirement.fromMatchLabels) {
      if (part === 'key' || requirement.values[0] === value) targets.push(targetOf(use.owner, requirement.path, part));
      continue;
    }
    if (part === 'key') {
      targets.push(targetOf(use.owner, [...requirement.path, 'key'], 'value'));
      continue;
    }
    asArray(getIn(use.owner.object, [...requirement.path, 'values'])).forEach((item, index) => {
      if (labelText(item) === value) targets.push(targetOf(use.owner, [...requirement.path, 'values', index], 'value'));
    });
  }
  return targets;
}

function dedupe(targets: readonly NavTarget[]): NavTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = JSON.stringify([target.filePath, target.kind, target.name, target.namespace, target.documentIndex, target.path, target.target]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
