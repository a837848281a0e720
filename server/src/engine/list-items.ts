// Lists: one document that holds several objects. `kubectl get -o yaml` prints
// `apiVersion: v1, kind: List, items: [...]`, and `kubectl apply -f` of such a file creates each
// item, so each item is checked as an object in its own right.
//
// What counts as a List is what kubectl flattens: its client-side decoder reads any object with an
// `items` field as a list (apimachinery unstructured.go, `decodeToList`) and applies the items one
// by one. Podwise takes the kinds that mean it: `List`, and any `<Kind>List` (PodList,
// apps/v1 DeploymentList, a custom resource's list) whose `items` is a sequence. The items of a
// typed list may leave out apiVersion and kind, as the API server writes them; kubectl then gives
// them the list's apiVersion and the kind without "List", and so does Podwise.
// https://github.com/kubernetes/apimachinery/blob/master/pkg/apis/meta/v1/unstructured/helpers.go
//
// The wrapper itself is never sent to the API server: it is checked for what it has (apiVersion,
// kind, metadata, items), not as an unknown kind.
import { asString, isObject, type JsonObject } from './json';
import { locatePath } from './locate';
import type { ParsedChunk } from './parse';
import { quoted } from './k8s/phrasing';
import type { ObjectContext } from './rule-types';
import { loadDefinitions, validateObject } from './schema';
import type { FieldPath, RuleFinding } from './types';

export interface ListContents {
  /** One context per item that is a Kubernetes object, its `rootPath` is ['items', i]. */
  items: ObjectContext[];
  /** Findings on the wrapper and on items that are not objects, from the document root. */
  findings: RuleFinding[];
}

const WRAPPER_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'items']);
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
/** ListMeta's fields, if the schema is missing (the generated one is read when present). */
const LIST_META_FIELDS = ['continue', 'remainingItemCount', 'resourceVersion', 'selfLink'];

export function isListObject(kind: string, object: JsonObject): boolean {
  return kind === 'List' || (kind.length > 4 && kind.endsWith('List') && Array.isArray(object.items));
}

/** One item of a List, as kubectl reads it. */
export interface ListEntry {
  index: number;
  /** The item, when it is a mapping. */
  item: JsonObject | undefined;
  /** Its own, or for a typed list's item with neither, the list's (kubectl's decodeToList). */
  apiVersion: string | undefined;
  kind: string | undefined;
}

/** The items of a List (any value: the outline reads them without a check environment). */
export function listEntries(apiVersion: string, kind: string, object: JsonObject): ListEntry[] {
  const raw = object.items;
  if (!Array.isArray(raw)) return [];
  const typed = kind !== 'List';
  return raw.map((value, index) => {
    if (!isObject(value)) return { index, item: undefined, apiVersion: undefined, kind: undefined };
    if (typed && value.apiVersion === undefined && value.kind === undefined) {
      return { index, item: value, apiVersion, kind: kind.slice(0, -'List'.length) };
    }
    return { index, item: value, apiVersion: asString(value.apiVersion), kind: asString(value.kind) };
  });
}

/** The items of a List and the findings on its wrapper; undefined when the object is not a List. */
export function readList(list: ObjectContext): ListContents | undefined {
  if (!isListObject(list.kind, list.object)) return undefined;
  const findings: RuleFinding[] = [...wrapperFindings(list)];
  const items: ObjectContext[] = [];
  for (const { index, item, apiVersion, kind } of listEntries(list.apiVersion, list.kind, list.object)) {
    const path: FieldPath = ['items', index];
    if (!item) {
      findings.push({
        ruleId: 'schema-type',
        path,
        target: 'value',
        message: `Item ${index} of this ${list.kind} is not an object`,
        detail: 'kubectl applies each item of a List as an object with apiVersion, kind and metadata.',
      });
      continue;
    }
    if (!apiVersion || !kind) {
      const missing = [!apiVersion && 'apiVersion', !kind && 'kind'].filter(Boolean).join(' and ');
      findings.push({
        ruleId: 'schema-required',
        path,
        target: 'key',
        message: `Item ${index} of this ${list.kind} has no ${missing}`,
        detail: `kubectl rejects it ("Object 'Kind' is missing" / "apiVersion not set"). Give every item its own apiVersion and kind.`,
      });
      continue;
    }
    const metadata = item.metadata;
    items.push({
      env: list.env,
      object: item,
      apiVersion,
      kind,
      name: isObject(metadata) ? asString(metadata.name) : undefined,
      documentIndex: list.documentIndex,
      objectIndex: list.objectIndex,
      rootPath: path,
    });
  }
  return { items, findings };
}

function wrapperFindings(list: ObjectContext): RuleFinding[] {
  const object = list.object;
  if (list.kind !== 'List') {
    // A typed list the schema knows (v1 PodList): its own schema, without the items, which are
    // checked one by one as objects. Unknown lists (a custom resource's) have no schema.
    return validateObject({ ...object, items: [] }, list.apiVersion, list.kind, list.env.kubernetesVersion) ?? [];
  }
  const findings: RuleFinding[] = [];
  for (const key of Object.keys(object)) {
    if (WRAPPER_FIELDS.has(key)) continue;
    // kubectl keeps the wrapper to itself and drops what it does not know: a warning, not an error.
    findings.push({
      ruleId: 'schema-unknown-field',
      severity: 'warning',
      path: [key],
      target: 'key',
      message: `Unknown field ${quoted(key)} in List; kubectl ignores it`,
      detail: 'A List has only apiVersion, kind, metadata and items, and kubectl ignores anything else.',
    });
  }
  const metadata = object.metadata;
  if (metadata !== undefined && metadata !== null && !isObject(metadata)) {
    findings.push({ ruleId: 'schema-type', path: ['metadata'], target: 'value', message: 'The metadata of a List must be a mapping (resourceVersion, continue…)' });
  } else if (isObject(metadata)) {
    const known = listMetaFields(list);
    for (const key of Object.keys(metadata)) {
      if (known.includes(key)) continue;
      findings.push({
        ruleId: 'schema-unknown-field',
        severity: 'warning',
        path: ['metadata', key],
        target: 'key',
        message: `Unknown field ${quoted(key)} in the metadata of a List; kubectl ignores it`,
        detail: `ListMeta has ${known.join(', ')}. Names, labels and annotations belong on the items.`,
      });
    }
  }
  const items = object.items;
  if (items === undefined || items === null) {
    // Without items kubectl reads the document as a single object of kind List, which no API serves.
    findings.push({
      ruleId: 'schema-required',
      path: ['kind'],
      target: 'value',
      message: 'This List has no items, so kubectl reads it as an object of kind List',
      detail: 'No API serves kind List ("no matches for kind List"). Add items: with the objects, or items: [] for an empty list.',
    });
  } else if (!Array.isArray(items)) {
    findings.push({ ruleId: 'schema-type', path: ['items'], target: 'value', message: 'The items of a List must be a sequence of objects (each with apiVersion and kind)' });
  }
  return findings;
}

function listMetaFields(list: ObjectContext): string[] {
  try {
    const properties = loadDefinitions(list.env.kubernetesVersion)[LIST_META]?.properties;
    return properties ? Object.keys(properties) : LIST_META_FIELDS;
  } catch {
    return LIST_META_FIELDS;
  }
}

/** ['items', i] when `offset` (in the document's text) is inside item i of a List, else []. */
export function listItemPathAt(parsed: ParsedChunk, offset: number): FieldPath {
  const value = parsed.value;
  if (!isObject(value) || typeof value.kind !== 'string' || !isListObject(value.kind, value) || !Array.isArray(value.items)) return [];
  for (let index = 0; index < value.items.length; index += 1) {
    const located = locatePath(parsed.document, ['items', index]);
    const range = located.complete ? located.node?.range : undefined;
    if (range && range[0] <= offset && offset <= range[1]) return ['items', index];
  }
  return [];
}
