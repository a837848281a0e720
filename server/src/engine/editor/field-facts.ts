// The schema's facts about one field, in our words, for hover: its type, required or optional,
// the closed set of values, the default Kubernetes applies, the accepted range, and the versions
// of our range (1.29–1.36) that have it. Everything comes from the target version's generated
// definitions (already loaded for validation), our own tables (field-defaults.ts) and the
// generated field version index (field-version-index.ts), so a hover never loads another
// version's schemas.
import {
  childSchema,
  definitionFor,
  definitionSchema,
  loadDefinitions,
  resolveSchemaVersion,
  schemaTypes,
  servedKinds,
  shortDefinitionName,
  type Definitions,
  type ResolvedSchema,
  type SchemaNode,
} from '../schema';
import type { FieldPath, KubernetesVersion } from '../types';
import { knownDefault, knownRange, knownRequired } from './field-defaults';
import { FIELD_VERSIONS, FIELD_INDEX_RANGE, type FieldVersionRange } from './field-version-index';
import { enumValues } from './schema-info';

export interface FieldFactsOptions {
  /** The curated note already says the default: leave it out here so it is not said twice. */
  readonly omitDefault?: boolean;
}

const REF_PREFIX = '#/definitions/';
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** Every manifest needs these two, although the OpenAPI definitions leave them optional. */
const ROOT_REQUIRED = new Set(['apiVersion', 'kind']);
/** Definitions that share another's fields (and so its defaults). */
const SAME_FIELDS_AS: Readonly<Record<string, string>> = { EphemeralContainer: 'Container' };

/**
 * The facts for the field at `path` (its last segment a key) of a document of apiVersion/kind at
 * `version`, or undefined for kinds the schemas do not know (custom resources) and paths outside
 * the schema. A field our range has but the target version does not is named with its versions.
 * Markdown: `**workingDir** · string · optional`, then the values, range and default when known.
 */
export function fieldFacts(version: KubernetesVersion, apiVersion: string, kind: string, path: FieldPath, options: FieldFactsOptions = {}): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string' || !apiVersion || !kind) return undefined;
  let defs: Definitions;
  let root: string | undefined;
  try {
    root = definitionFor(version, apiVersion, kind);
    if (!root) return undefined;
    defs = loadDefinitions(version);
  } catch {
    // Schema files missing (unusual layouts): hover degrades to the curated note.
    return undefined;
  }
  let parent = definitionSchema(defs, root);
  for (const segment of path.slice(0, -1)) {
    if (!parent) return undefined;
    parent = childSchema(defs, parent, segment);
  }
  if (!parent) return undefined;
  const declared = parent.schema.properties !== undefined && Object.prototype.hasOwnProperty.call(parent.schema.properties, key);
  // The definition whose field this is; a map's entries (resources.limits.memory) belong to none.
  const definition = parent.definition !== undefined && defs[parent.definition] === parent.schema ? parent.definition : undefined;
  const versions = definition !== undefined ? versionRange(definition, key) : undefined;
  const child = childSchema(defs, parent, key);
  if (!child) {
    // Not in this version's schema: say which versions have it, if any of ours do.
    if (!versions) return undefined;
    return `**${key}** · not in Kubernetes ${resolveSchemaVersion(version)} · ${describeRange(versions)}`;
  }
  const type = typePhrase(defs, child.site);
  // A map entry (a label, a resource name): only worth a hover when its value is more than a string.
  if (!declared && (type === 'string' || type === 'any')) return undefined;
  const owner = definition !== undefined ? shortDefinitionName(definition) : '';
  const factsOwner = SAME_FIELDS_AS[owner] ?? owner;
  const head = [`**${key}**`, type];
  if (declared) head.push(requiredness(parent, key, path.length, factsOwner));
  if (versions) head.push(describeRange(versions));

  const details: string[] = [];
  const values = path.length === 1 && key === 'kind' ? [] : enumValues(child.schema);
  if (values.length > 0) details.push(`Values: ${values.map((value) => `\`${value}\``).join(' | ')}`);
  const range = knownRange(factsOwner, key) ?? schemaRange(child.schema);
  if (range && values.length === 0) details.push(`Values: ${range}`);
  if (type === 'quantity') details.push(quantityExample(key));
  const fallback = declared ? knownDefault(factsOwner, key) : undefined;
  if (fallback && options.omitDefault !== true) details.push(`Default: ${fallback}`);
  return details.length > 0 ? `${head.join(' · ')}\n\n${details.join(' · ')}` : head.join(' · ');
}

/**
 * True when no built-in API of `version` has a kind of that name: a custom resource, about which
 * we know nothing (a CRD's `image` or `port` can mean anything), so hover says nothing either.
 * An old apiVersion of a built-in kind (extensions/v1beta1 Deployment) is not custom.
 */
export function isCustomKind(version: KubernetesVersion, kind: string): boolean {
  try {
    return !servedKinds(version).some((served) => served.kind === kind);
  } catch {
    return false;
  }
}

/** How a quantity is written, for the resource it most likely is. */
function quantityExample(key: string): string {
  if (key === 'cpu') return 'Written like `250m` (a quarter of a CPU), `0.5` or `2`';
  if (key === 'memory' || key.endsWith('storage') || key.startsWith('hugepages-')) return 'Written like `128Mi` or `1Gi` (powers of 1024; `M` and `G` are powers of 1000)';
  return 'Written like `500m`, `2`, `128Mi` or `1Gi`';
}

function requiredness(parent: ResolvedSchema, key: string, depth: number, owner: string): string {
  if (parent.schema.required?.includes(key) === true || (depth === 1 && ROOT_REQUIRED.has(key))) return 'required';
  return knownRequired(owner, key) ?? 'optional';
}

function versionRange(definition: string, key: string): FieldVersionRange | undefined {
  const fields = Object.prototype.hasOwnProperty.call(FIELD_VERSIONS, definition) ? FIELD_VERSIONS[definition] : undefined;
  return fields && Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
}

/** "since 1.34", "removed after 1.30", "only in 1.35", "1.31–1.33 only". */
export function describeRange(range: FieldVersionRange): string {
  const { since, until } = range;
  if (since !== undefined && until !== undefined) return since === until ? `only in 1.${since}` : `1.${since}–1.${until} only`;
  if (since !== undefined) return `since 1.${since}`;
  if (until !== undefined) return `removed after 1.${until}`;
  return `1.${FIELD_INDEX_RANGE.oldest}–1.${FIELD_INDEX_RANGE.newest}`;
}

/** A bound narrower than the integer format's own, from the schema (none today, but cheap to honour). */
function schemaRange(schema: SchemaNode): string | undefined {
  const min = schema.minimum !== undefined && schema.minimum > INT32_MIN ? schema.minimum : undefined;
  const max = schema.maximum !== undefined && schema.maximum < INT32_MAX ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  if (min !== undefined) return `≥ ${min}`;
  if (max !== undefined) return `≤ ${max}`;
  return undefined;
}

function refTarget(defs: Definitions, site: SchemaNode): { name: string; node: SchemaNode } | undefined {
  if (site.$ref === undefined) return undefined;
  const name = site.$ref.startsWith(REF_PREFIX) ? site.$ref.slice(REF_PREFIX.length) : site.$ref;
  const node = defs[name];
  return node === undefined ? undefined : { name, node };
}

/**
 * "string", "integer", "boolean", "int-or-string", "quantity", "object", "list of Container",
 * "list of string", "map of string", "map of quantity": what to write, not the Go type.
 */
export function typePhrase(defs: Definitions, site: SchemaNode, depth = 0): string {
  const target = refTarget(defs, site);
  const node = target?.node ?? site;
  if (site.format === 'int-or-string' || node.format === 'int-or-string') return 'int-or-string';
  if (site.format === 'quantity' || node.format === 'quantity') return 'quantity';
  if (depth > 3) return 'object';
  if (target && target.node.properties !== undefined) return 'object';
  const types = schemaTypes(node);
  if (types.includes('array') && node.items) return `list of ${itemPhrase(defs, node.items, depth + 1)}`;
  if (types.includes('object') && typeof node.additionalProperties === 'object') return `map of ${itemPhrase(defs, node.additionalProperties, depth + 1)}`;
  if (types.includes('object') || node.properties !== undefined) return 'object';
  if (types.length === 0) return 'any';
  return types.join(' or ');
}

/** A list item or map value: a named object reads better by its name ("list of Container"). */
function itemPhrase(defs: Definitions, site: SchemaNode, depth: number): string {
  const target = refTarget(defs, site);
  if (target && target.node.properties !== undefined) return shortDefinitionName(target.name);
  return typePhrase(defs, site, depth);
}
