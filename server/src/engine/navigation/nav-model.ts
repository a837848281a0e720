// The objects navigation works on: the current file's (from its snapshot, with their document
// index) and the workspace's other files' (from the language server's index, by file path), plus
// what to point at in them. Navigation never keeps a parse of another file: a target names its
// object by identity (kind, name, namespace) and is located on demand (locate-targets.ts).
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { asObject, asString, getIn, type JsonObject } from '../json';
import type { FileSnapshot } from '../snapshot';
import type { FieldPath, FindingTarget } from '../types';

export interface NavObject {
  /** The file that defines it (as the index names files: a path). */
  filePath: string;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  object: JsonObject;
  /** Its document in the file, when known (objects of the current file). */
  documentIndex?: number;
}

/** A place in an object: the key or the value at `path` (from the object's root). */
export interface NavTarget {
  filePath: string;
  kind: string;
  name?: string;
  namespace?: string;
  documentIndex?: number;
  path: FieldPath;
  target: FindingTarget;
}

/** The current file (its snapshot) and every object navigation may reach. */
export interface NavWorkspace {
  filePath: string;
  snapshot: FileSnapshot;
  /** The current file's objects first, then the other files' (each object once). */
  objects: readonly NavObject[];
}

/** The Kubernetes objects of a snapshot, with their document index (List items are not navigated). */
export function snapshotObjects(filePath: string, snapshot: FileSnapshot): NavObject[] {
  const objects: NavObject[] = [];
  snapshot.chunks.forEach((_, index) => {
    const parsed = snapshot.parsed(index);
    const object = asObject(parsed?.value);
    if (!parsed || parsed.kind !== 'kubernetes' || !object || !parsed.objectKind || !parsed.apiVersion) return;
    objects.push({
      filePath,
      apiVersion: parsed.apiVersion,
      kind: parsed.objectKind,
      name: asString(getIn(object, ['metadata', 'name'])),
      namespace: asString(getIn(object, ['metadata', 'namespace'])) || undefined,
      object,
      documentIndex: index,
    });
  });
  return objects;
}

/**
 * The workspace as navigation sees it: the current file from its snapshot (the index may hold an
 * older version of it, or only some kinds), every other file from `others`.
 */
export function navWorkspace(filePath: string, snapshot: FileSnapshot, others: readonly NavObject[] | undefined): NavWorkspace {
  const own = snapshotObjects(filePath, snapshot);
  const rest = (others ?? []).filter((object) => object.filePath !== filePath);
  return { filePath, snapshot, objects: [...own, ...rest] };
}

/**
 * Whether two namespaces can be the same. An omitted namespace is the one `kubectl apply` is
 * given, so it is assumed to match any other (as the file-level rules do).
 */
export function namespacesMatch(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function targetOf(object: NavObject, path: FieldPath, target: FindingTarget): NavTarget {
  return { filePath: object.filePath, kind: object.kind, name: object.name, namespace: object.namespace, documentIndex: object.documentIndex, path, target };
}

/** The object's `metadata.name` value: where a definition lands. */
export function nameTarget(object: NavObject): NavTarget {
  return targetOf(object, ['metadata', 'name'], 'value');
}

/** `Deployment web`, as symbols and lists name an object. */
export function objectTitle(object: Pick<NavObject, 'kind' | 'name'>): string {
  return object.name ? `${object.kind} ${object.name}` : object.kind;
}

export function pathsEqual(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((segment, index) => String(segment) === String(b[index]));
}

export function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));
}
