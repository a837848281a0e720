// Fast lookups in the objects of a run (engine/run-objects.ts) by kind, name and namespace. The
// run's list is the same array for every file of a CLI run and for every analysis of one
// workspace-index generation, so the index is built once per array and kept in a WeakMap: a new
// generation's array gets a new index and the old one goes with its array.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
import { runExclusion } from '../run-exclusion';
import type { RunObject } from '../run-objects';

interface RunIndex {
  /** kind → name → objects of that name (several namespaces, or the same object twice). */
  byName: Map<string, Map<string, RunObject[]>>;
  byKind: Map<string, RunObject[]>;
}

const indexes = new WeakMap<readonly RunObject[], RunIndex>();

function indexOf(objects: readonly RunObject[]): RunIndex {
  let index = indexes.get(objects);
  if (!index) {
    index = { byName: new Map(), byKind: new Map() };
    for (const object of objects) {
      let ofKind = index.byKind.get(object.kind);
      if (!ofKind) index.byKind.set(object.kind, (ofKind = []));
      ofKind.push(object);
      if (object.name === undefined) continue;
      let names = index.byName.get(object.kind);
      if (!names) index.byName.set(object.kind, (names = new Map()));
      const same = names.get(object.name);
      if (same) same.push(object);
      else names.set(object.name, [object]);
    }
    indexes.set(objects, index);
  }
  return index;
}

/** One file's view of a run: the run's index, less that file's own objects. */
interface RunView {
  index: RunIndex;
  keeps: ((object: RunObject) => boolean) | undefined;
  /** Per kind, the kept objects (filtered once per file and kind). */
  byKind: Map<string, readonly RunObject[]>;
}

const views = new WeakMap<readonly RunObject[], RunView>();

function viewOf(objects: readonly RunObject[]): RunView {
  let view = views.get(objects);
  if (!view) {
    const exclusion = runExclusion(objects);
    view = { index: indexOf(exclusion ? exclusion.base : objects), keeps: exclusion?.keeps, byKind: new Map() };
    views.set(objects, view);
  }
  return view;
}

/**
 * Namespaces of objects in different files. One that is not written lands wherever the file is
 * applied (`kubectl apply -n`, a kustomization's `namespace:`), so it may match any namespace;
 * only two written, different namespaces tell the objects apart.
 */
export function runNamespacesMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** The run's objects of `kind` named `name`, in `namespace` (undefined: any; cluster-scoped kinds ignore it). */
export function findRunObjects(objects: readonly RunObject[] | undefined, kind: string, name: string, namespace: string | undefined, clusterScoped = false): RunObject[] {
  if (!objects || objects.length === 0) return [];
  const view = viewOf(objects);
  const found = view.index.byName.get(kind)?.get(name) ?? [];
  return found.filter((object) => (!view.keeps || view.keeps(object)) && (clusterScoped || runNamespacesMatch(object.namespace, namespace)));
}

/** Every object of `kind` in the run. */
export function runObjectsOfKind(objects: readonly RunObject[] | undefined, kind: string): readonly RunObject[] {
  if (!objects || objects.length === 0) return [];
  const view = viewOf(objects);
  const all = view.index.byKind.get(kind) ?? [];
  if (!view.keeps) return all;
  let kept = view.byKind.get(kind);
  if (!kept) view.byKind.set(kind, (kept = all.filter(view.keeps)));
  return kept;
}
