// What the editor says about a custom resource's field, read from its CRD's structural schema
// (the workspace's CRD, else the bundled catalog: crd/crd-lookup.ts). The catalog keeps no
// description prose, so completion and hover show structure: the keys with their types,
// required markers, enum values, defaults, formats, patterns, bounds, and the messages of the CEL
// rules declared on the node. ObjectMeta is the same for every object: `metadata` is answered
// from the built-in schema (see `metadataStandIn`).
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#specifying-a-structural-schema
import { catalogEntries, CRD_KIND, crdSchemasOf, customResourceSchema, customResourceVersions, type CustomResourceSchema } from '../crd/crd-lookup';
import { asArray, asObject, asString, isObject, type JsonObject, type JsonValue } from '../json';
import { isCustomGroup } from '../k8s/api-catalog';
import type { CheckEnvironment } from '../rule-types';
import type { FieldPath, KubernetesVersion } from '../types';

export interface CustomSchema {
  crd: CustomResourceSchema;
  root: JsonObject;
}

/** The served structural schema of `apiVersion kind`, when a CRD (workspace or catalog) defines it. */
export function customSchemaOf(apiVersion: string | undefined, kind: string | undefined, env: CheckEnvironment): CustomSchema | undefined {
  if (!apiVersion || !kind || !isCustomGroup(apiVersion)) return undefined;
  let crd: CustomResourceSchema | undefined;
  try {
    crd = customResourceSchema(apiVersion, kind, env);
  } catch {
    // A catalog that cannot be read: the editor features degrade to nothing.
    return undefined;
  }
  if (!crd || !crd.served) return undefined;
  const root = crd.schema;
  return Object.keys(root).length > 0 ? { crd, root } : undefined;
}

/**
 * Every served apiVersion/kind a CRD defines: the run's CRDs (workspace, CLI input) and the
 * bundled catalog's, for the `kind:` and `apiVersion:` values of a custom resource.
 */
export function customKinds(env: CheckEnvironment): { apiVersion: string; kind: string }[] {
  const found = new Map<string, { apiVersion: string; kind: string }>();
  const add = (group: string, version: string, kind: string): void => {
    const apiVersion = `${group}/${version}`;
    found.set(`${apiVersion} ${kind}`, { apiVersion, kind });
  };
  for (const runObject of env.runObjects ?? []) {
    if (runObject.kind !== CRD_KIND) continue;
    for (const crd of crdSchemasOf(runObject.object)) if (crd.served) add(crd.group, crd.version, crd.kind);
  }
  try {
    for (const [key, entry] of catalogEntries()) {
      const [group, version, kind] = key.split('/');
      if (entry.served && group && version && kind) add(group, version, kind);
    }
  } catch {
    // No catalog in this installation: the run's CRDs only.
  }
  return [...found.values()];
}

/**
 * Hover on a custom resource's `apiVersion`: the versions its CRD defines, which are served,
 * deprecated (with the CRD's own warning) or no longer served. Undefined without a CRD.
 */
export function customVersionFacts(apiVersion: string, kind: string, env: CheckEnvironment): string | undefined {
  if (!isCustomGroup(apiVersion)) return undefined;
  const [group, written] = [apiVersion.slice(0, apiVersion.indexOf('/')), apiVersion.slice(apiVersion.indexOf('/') + 1)];
  let versions: CustomResourceSchema[];
  try {
    versions = customResourceVersions(group, kind, env);
  } catch {
    return undefined;
  }
  if (versions.length === 0) return undefined;
  const describe = (crd: CustomResourceSchema): string => {
    const marks = [crd.served ? undefined : 'not served', crd.deprecated ? 'deprecated' : undefined, crd.storage ? 'stored' : undefined].filter(Boolean);
    const name = crd.version === written ? `**\`${crd.version}\`**` : `\`${crd.version}\``;
    return marks.length > 0 ? `${name} (${marks.join(', ')})` : name;
  };
  const lines = [`${kind} versions in the ${versions[0].source === 'workspace' ? 'workspace' : 'bundled'} CRD (${group}): ${versions.map(describe).join(' · ')}`];
  const current = versions.find((crd) => crd.version === written);
  if (current?.deprecated && current.deprecationWarning) lines.push(`Deprecation warning: ${current.deprecationWarning}`);
  return lines.join('\n\n');
}

/** The environment the editor features read CRDs with: the analysis' own, else the catalog only. */
export function editorEnv(env: CheckEnvironment | undefined, version: KubernetesVersion): CheckEnvironment {
  return env ?? { kubernetesVersion: version, isStaticPodManifest: false };
}

/**
 * Every object's metadata is an ObjectMeta, which a CRD's schema leaves open (`type: object`):
 * completion and hover below `metadata` use the built-in schema through an object that has one.
 */
export const METADATA_STAND_IN = { apiVersion: 'v1', kind: 'ConfigMap' } as const;

export function isMetadataPath(path: FieldPath): boolean {
  return path.length > 0 && path[0] === 'metadata';
}

/** The schema node one step down: a property, a list's items, or a map's values. */
export function customChild(node: JsonObject, segment: string | number): JsonObject | undefined {
  if (typeof segment === 'number') return asObject(node.items);
  const properties = asObject(node.properties);
  if (properties && Object.prototype.hasOwnProperty.call(properties, segment)) return asObject(properties[segment]);
  return asObject(node.additionalProperties);
}

/** The schema node at `path` from the root, or undefined outside the schema (or below preserved unknown fields). */
export function customSchemaAt(root: JsonObject, path: FieldPath): JsonObject | undefined {
  let node: JsonObject | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = customChild(node, segment);
  }
  return node;
}

export function declaredKeys(node: JsonObject): string[] {
  return Object.keys(asObject(node.properties) ?? {});
}

export function requiredKeys(node: JsonObject): Set<string> {
  return new Set(asArray(node.required).filter((value): value is string => typeof value === 'string'));
}

/** Enum values as text (what a completion inserts). */
export function customEnumValues(node: JsonObject): string[] {
  return asArray(node.enum)
    .filter((value): value is string | number => (typeof value === 'string' && value !== '') || typeof value === 'number')
    .map(String);
}

/** "string", "integer", "int-or-string", "[]object", "map[string]string": the Go-ish label completion shows. */
export function customTypeLabel(node: JsonObject, depth = 0): string {
  if (node['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const type = asString(node.type);
  const items = asObject(node.items);
  const values = asObject(node.additionalProperties);
  if (type === 'array') return `[]${items && depth < 4 ? customTypeLabel(items, depth + 1) : 'any'}`;
  if (type === 'object' && values && !node.properties) return `map[string]${depth < 4 ? customTypeLabel(values, depth + 1) : 'any'}`;
  if (type === 'object' || node.properties !== undefined) return 'object';
  return type ?? 'any';
}

/** "string", "list of object", "map of string", "int-or-string": the words hover uses, as for built-ins. */
export function customTypePhrase(node: JsonObject, depth = 0): string {
  if (node['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  const type = asString(node.type);
  const items = asObject(node.items);
  const values = asObject(node.additionalProperties);
  if (type === 'array') return `list of ${items && depth < 3 ? customTypePhrase(items, depth + 1) : 'any'}`;
  if (type === 'object' && values && !node.properties) return `map of ${depth < 3 ? customTypePhrase(values, depth + 1) : 'any'}`;
  if (type === 'object' || node.properties !== undefined) return 'object';
  return type ?? 'any';
}

export type CustomShape = 'object' | 'array' | 'scalar';

export function customShape(node: JsonObject): CustomShape {
  if (node['x-kubernetes-int-or-string'] === true) return 'scalar';
  const type = asString(node.type);
  if (type === 'array') return 'array';
  if (type === 'object' || node.properties !== undefined) return 'object';
  return 'scalar';
}

const MAX_RULE_TEXT = 120;

/** A value as YAML-ish inline text, kept short. */
function inline(value: JsonValue | undefined): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function bounds(node: JsonObject, low: string, high: string, unit: string): string | undefined {
  const min = typeof node[low] === 'number' ? node[low] : undefined;
  const max = typeof node[high] === 'number' ? node[high] : undefined;
  if (min !== undefined && max !== undefined) return `${unit}${min}–${max}`;
  if (min !== undefined) return `${unit}≥ ${min}`;
  if (max !== undefined) return `${unit}≤ ${max}`;
  return undefined;
}

/** The messages of the CEL rules declared on this node (the rule itself when it has no message). */
export function celRuleTexts(node: JsonObject): string[] {
  const texts: string[] = [];
  for (const entry of asArray(node['x-kubernetes-validations'])) {
    if (!isObject(entry)) continue;
    const message = asString(entry.message);
    const rule = asString(entry.rule);
    if (message) texts.push(message);
    else if (rule) texts.push(`\`${rule.length > MAX_RULE_TEXT ? `${rule.slice(0, MAX_RULE_TEXT - 1)}…` : rule}\``);
  }
  return texts;
}

/**
 * Hover facts for the field at `path` (its last segment a key) of a custom resource: type,
 * required or optional, then values, default, format, pattern, bounds and CEL rule messages.
 * Undefined when the path leaves the schema.
 */
export function customFieldFacts(schema: CustomSchema, path: FieldPath): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const parent = customSchemaAt(schema.root, path.slice(0, -1));
  if (!parent) return undefined;
  const node = customChild(parent, key);
  if (!node) return undefined;
  const declared = declaredKeys(parent).includes(key);
  const head = [`**${key}**`, customTypePhrase(node)];
  if (declared) head.push(requiredKeys(parent).has(key) || (path.length === 1 && (key === 'apiVersion' || key === 'kind')) ? 'required' : 'optional');
  if (node.nullable === true) head.push('nullable');
  const details: string[] = [];
  const values = customEnumValues(node);
  if (values.length > 0) details.push(`Values: ${values.map((value) => `\`${value}\``).join(' | ')}`);
  if (node.default !== undefined) details.push(`Default: \`${inline(node.default)}\``);
  const format = asString(node.format);
  if (format) details.push(`Format: ${format}`);
  const pattern = asString(node.pattern);
  if (pattern) details.push(`Pattern: \`${inline(pattern)}\``);
  for (const range of [
    bounds(node, 'minimum', 'maximum', ''),
    bounds(node, 'minLength', 'maxLength', 'length '),
    bounds(node, 'minItems', 'maxItems', 'items '),
    bounds(node, 'minProperties', 'maxProperties', 'keys '),
  ]) {
    if (range) details.push(range.startsWith('length') || range.startsWith('items') || range.startsWith('keys') ? capitalizeFirst(range) : `Values: ${range}`);
  }
  const listType = asString(node['x-kubernetes-list-type']);
  if (listType === 'set') details.push('Entries must be unique');
  if (listType === 'map') {
    const keys = asArray(node['x-kubernetes-list-map-keys']).filter((value): value is string => typeof value === 'string');
    if (keys.length > 0) details.push(`Entries are unique by ${keys.map((name) => `\`${name}\``).join(', ')}`);
  }
  if (node['x-kubernetes-preserve-unknown-fields'] === true && node.properties === undefined) details.push('Any fields are kept');
  const rules = celRuleTexts(node);
  const parts = [head.join(' · ')];
  if (details.length > 0) parts.push(details.join(' · '));
  if (rules.length > 0) parts.push(`Rules:\n${rules.map((text) => `- ${text}`).join('\n')}`);
  parts.push(`_From the ${schema.crd.kind} CRD (${schema.crd.group}/${schema.crd.version}, ${schema.crd.source === 'workspace' ? 'workspace' : 'bundled catalog'})_`);
  return parts.join('\n\n');
}

function capitalizeFirst(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** The detail of a key's completion item: its type, enum values and default, in one line. */
export function customKeyDetail(node: JsonObject): string {
  const parts = [customTypeLabel(node)];
  const values = customEnumValues(node);
  if (values.length > 0) parts.push(values.join(' | '));
  if (node.default !== undefined && customShape(node) === 'scalar') parts.push(`default ${inline(node.default)}`);
  return parts.join(' · ');
}
