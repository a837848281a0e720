// Code lenses over the current file's objects, counted from the workspace's objects as the index
// holds them (no other file is read or parsed): a Service says what its selector selects, a
// workload which Services select its Pods, a ConfigMap, Secret, claim or ServiceAccount how many
// objects use it.
// https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
import { rangeForPath } from '../locate';
import type { OffsetRange } from '../types';
import type { NavObject, NavWorkspace } from './nav-model';
import { allReferences, identityOf, referencesTo, type MadeReference } from './references';
import { podLabelsOf, podSelectorsOf, selectedBy, selectorsOf } from './selection';

export interface NavLens {
  /** Whole-file range of the object's first key: the lens shows above the document. */
  range: OffsetRange;
  title: string;
}

/** Kinds whose users are counted. */
const USED_KINDS: ReadonlySet<string> = new Set(['ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ServiceAccount']);
const SERVICE: ReadonlySet<string> = new Set(['Service']);

export function codeLenses(workspace: NavWorkspace): NavLens[] {
  const lenses: NavLens[] = [];
  // The workspace's references are read once, only when the file holds an object whose users are counted.
  let made: MadeReference[] | undefined;
  const references = (): MadeReference[] => (made ??= allReferences(workspace.objects));
  for (const object of workspace.objects) {
    if (object.filePath !== workspace.filePath || object.documentIndex === undefined) continue;
    const title = lensTitle(object, workspace.objects, references);
    if (title === undefined) continue;
    const document = workspace.snapshot.document(object.documentIndex);
    if (!document) continue;
    const head = rangeForPath(document.parsed.document, document.chunk.text, [], 'key');
    lenses.push({ range: { start: head.start + document.chunk.start, end: head.end + document.chunk.start }, title });
  }
  return lenses;
}

function lensTitle(object: NavObject, objects: readonly NavObject[], references: () => MadeReference[]): string | undefined {
  if (object.kind === 'Service') {
    const selector = podSelectorsOf(object)[0];
    if (!selector || selector.parsed.empty) return undefined;
    const selected = selectedBy(object, objects);
    return selected.length === 0 ? 'selects no Pods in the workspace' : `selects ${countByKind(selected)}`;
  }
  if (podLabelsOf(object)) {
    const services = selectorsOf(object, objects, SERVICE);
    return services.length === 0 ? undefined : `selected by ${plural(services.length, 'Service')}`;
  }
  if (USED_KINDS.has(object.kind)) {
    const identity = identityOf(object);
    if (!identity) return undefined;
    const users = new Set(referencesTo(identity, objects, references()).map(({ owner }) => owner));
    return users.size === 0 ? 'not used in the workspace' : `used by ${users.size}`;
  }
  return undefined;
}

/** `2 Deployments, 1 StatefulSet`. */
function countByKind(objects: readonly NavObject[]): string {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(object.kind, (counts.get(object.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => plural(count, kind)).join(', ');
}

function plural(count: number, kind: string): string {
  if (count === 1) return `1 ${kind}`;
  const word = kind.endsWith('s') ? `${kind}es` : kind.endsWith('y') ? `${kind.slice(0, -1)}ies` : `${kind}s`;
  return `${count} ${word}`;
}
