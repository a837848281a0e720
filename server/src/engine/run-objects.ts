// Objects that other files of the same run define, for the rules that look across objects: a
// StatefulSet's governing Service, a Pod's Namespace, the ConfigMaps, Secrets, claims and
// ServiceAccounts a Pod names, the workloads a Service or an HPA points at, the CRDs that
// describe custom resources. The CLI collects them over its input set before checking; the
// language server's workspace index does the same for the workspace. Only the kinds such rules
// look up are kept, and only documents that name one of them are parsed, so the pass costs a
// fraction of the check. Secret and ConfigMap values are never kept: only their keys (a Secret's
// values would otherwise sit in memory for the whole session).
// https://kubernetes.io/docs/concepts/configuration/secret/
import { asObject, asString, getIn, type JsonObject } from './json';
import { splitDocuments, type DocumentChunk } from './document-split';
import { parseChunk, type ParsedChunk } from './parse';
import { noteRunExclusion } from './run-exclusion';

export interface RunObject {
  /** The file that defines it (as the caller names files). */
  filePath: string;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  /** The object; for a ConfigMap or Secret with every value of `data`, `binaryData` and `stringData` blanked. */
  object: JsonObject;
  /** ConfigMap and Secret: the keys it defines (data, binaryData, stringData). */
  keys?: readonly string[];
}

/** Kinds the cross-object rules look up in other files. */
export const RUN_OBJECT_KINDS: ReadonlySet<string> = new Set([
  'Service',
  'Namespace',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'PriorityClass',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'Ingress',
  // Not looked up by rules, but navigation renames their selectors and lists them as symbols.
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'VerticalPodAutoscaler',
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'ReplicaSet',
  'ReplicationController',
  'Job',
  'CronJob',
  'Rollout',
  'CustomResourceDefinition',
]);

/** A document that may define one of RUN_OBJECT_KINDS, or a List of them (a cheap line test before parsing). */
const NAMES_A_RUN_KIND =
  /^kind:[ \t]*["']?(?:[A-Za-z]*List|Service|Namespace|ConfigMap|Secret|PersistentVolumeClaim|ServiceAccount|PriorityClass|Role|ClusterRole|RoleBinding|ClusterRoleBinding|Ingress|PodDisruptionBudget|NetworkPolicy|HorizontalPodAutoscaler|VerticalPodAutoscaler|Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|Rollout|CustomResourceDefinition)["']?[ \t]*(?:#.*)?\r?$/m;

/** The run without one file's own objects, per run array and file, the same array each time. */
const withoutFile = new WeakMap<readonly RunObject[], Map<string | undefined, readonly RunObject[]>>();
/** Files remembered per run array (the open documents of an editor; past it the memory starts over). */
const MAX_REMEMBERED_FILES = 64;

/**
 * `objects` without those of `filePath` (a file's own objects are in the file). The same array
 * comes back for the same run and file, so what the rules derive from a run (run-lookup.ts,
 * run-pod-labels.ts, cached per array) is built once per run, not once per keystroke.
 */
export function runObjectsExcept(objects: readonly RunObject[] | undefined, filePath: string | undefined): readonly RunObject[] | undefined {
  if (!objects) return undefined;
  let byFile = withoutFile.get(objects);
  if (!byFile) withoutFile.set(objects, (byFile = new Map()));
  let filtered = byFile.get(filePath);
  if (!filtered) {
    if (byFile.size >= MAX_REMEMBERED_FILES) byFile.clear();
    // A CRD stays even in its own file: custom resources find their schema through the run
    // objects only, and a CRD shipped with its first resources in one file is common.
    const foreign = (object: RunObject) => object.filePath !== filePath || object.kind === 'CustomResourceDefinition';
    filtered = filePath === undefined || objects.every(foreign) ? objects : objects.filter(foreign);
    if (filtered !== objects) noteRunExclusion(filtered, { base: objects, keeps: foreign });
    byFile.set(filePath, filtered);
  }
  return filtered;
}

/** Fields of a ConfigMap or Secret whose keys are its keys. */
const KEYED_FIELDS = ['data', 'binaryData', 'stringData'] as const;

/** Whether a document may define an object of RUN_OBJECT_KINDS (its `kind:` line names one): only those are parsed. */
function mayHoldRunObject(chunk: Pick<DocumentChunk, 'text'>): boolean {
  return NAMES_A_RUN_KIND.test(chunk.text);
}

/** How a caller lets other work run while a file is parsed (the language server's event loop). */
export interface ParseSlices {
  /** Parsing pauses once this many milliseconds went by since the last pause. */
  sliceMs: number;
  pause(): Promise<void>;
  now(): number;
}

/** As `collectRunObjects`, the documents parsed in slices, with `slices.pause()` awaited between them. */
export async function collectRunObjectsInSlices(filePath: string, text: string, slices: ParseSlices): Promise<RunObject[]> {
  const chunks = splitDocuments(text);
  const parses = new Map<number, ParsedChunk>();
  let sliceStarted = slices.now();
  for (let index = 0; index < chunks.length; index += 1) {
    if (!mayHoldRunObject(chunks[index])) continue;
    parses.set(index, parseChunk(chunks[index]));
    if (slices.now() - sliceStarted >= slices.sliceMs && index < chunks.length - 1) {
      await slices.pause();
      sliceStarted = slices.now();
    }
  }
  return runObjectsOf(filePath, chunks, (index) => parses.get(index));
}

/** The objects of RUN_OBJECT_KINDS one file defines. */
export function collectRunObjects(filePath: string, text: string): RunObject[] {
  const chunks = splitDocuments(text);
  return runObjectsOf(filePath, chunks, (index) => parseChunk(chunks[index]));
}

/**
 * The same from documents already split, parsed on demand by `parsedAt` (the language server
 * passes its snapshot's parses, so a keystroke parses nothing again).
 */
export function runObjectsOf(filePath: string, chunks: readonly Pick<DocumentChunk, 'text'>[], parsedAt: (index: number) => ParsedChunk | undefined): RunObject[] {
  const objects: RunObject[] = [];
  chunks.forEach((chunk, index) => {
    if (!mayHoldRunObject(chunk)) return;
    const parsed = parsedAt(index);
    const object = asObject(parsed?.value);
    if (!parsed || parsed.kind !== 'kubernetes' || !object || !parsed.objectKind || !parsed.apiVersion) return;
    // `kind: List` (and kubectl's RoleList, ConfigMapList, …): each item is an object of its own.
    if (parsed.objectKind.endsWith('List') && Array.isArray(object.items)) {
      for (const item of object.items) {
        const itemObject = asObject(item);
        const kind = asString(itemObject?.kind);
        const apiVersion = asString(itemObject?.apiVersion);
        if (itemObject && kind && apiVersion) add(objects, filePath, apiVersion, kind, itemObject);
      }
      return;
    }
    add(objects, filePath, parsed.apiVersion, parsed.objectKind, object);
  });
  return objects;
}

function add(objects: RunObject[], filePath: string, apiVersion: string, kind: string, object: JsonObject): void {
  if (!RUN_OBJECT_KINDS.has(kind)) return;
  const keyed = (kind === 'ConfigMap' || kind === 'Secret') && apiVersion === 'v1';
  objects.push({
    filePath,
    apiVersion,
    kind,
    name: asString(getIn(object, ['metadata', 'name'])),
    namespace: asString(getIn(object, ['metadata', 'namespace'])) || undefined,
    ...(keyed ? withoutValues(object) : { object }),
  });
}

/** A ConfigMap or Secret with its values blanked, and its keys. */
function withoutValues(object: JsonObject): { object: JsonObject; keys: string[] } {
  const copy: JsonObject = { ...object };
  const keys = new Set<string>();
  for (const field of KEYED_FIELDS) {
    const values = asObject(object[field]);
    if (!values) continue;
    const blank: JsonObject = {};
    for (const key of Object.keys(values)) {
      blank[key] = '';
      keys.add(key);
    }
    copy[field] = blank;
  }
  return { object: copy, keys: [...keys] };
}
