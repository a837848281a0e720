// What the editor says about a schema node: a short type label ("Probe", "[]Container",
// "int-or-string", "map[string]string") and the closed set of values it accepts. Labels follow
// the Go-ish notation of the API reference so they read the same as kubernetes.io.
// https://kubernetes.io/docs/reference/kubernetes-api/
import { childSchema, definitionFor, definitionSchema, loadDefinitions, schemaTypes, shortDefinitionName, type Definitions, type ResolvedSchema, type SchemaNode } from '../schema';
import type { FieldPath, KubernetesVersion } from '../types';

const REF_PREFIX = '#/definitions/';

/** The schema at `path` of a document of apiVersion/kind, or undefined (unknown kind, no such field). */
export function schemaForPath(
  version: KubernetesVersion,
  apiVersion: string | undefined,
  kind: string | undefined,
  path: FieldPath,
): { defs: Definitions; resolved: ResolvedSchema } | undefined {
  if (!apiVersion || !kind) return undefined;
  let defs: Definitions;
  let root: string | undefined;
  try {
    root = definitionFor(version, apiVersion, kind);
    defs = loadDefinitions(version);
  } catch {
    // Schema files missing (unusual layouts): the editor features degrade to nothing.
    return undefined;
  }
  if (!root) return undefined;
  let current = definitionSchema(defs, root);
  for (const segment of path) {
    if (!current) return undefined;
    current = childSchema(defs, current, segment);
  }
  return current ? { defs, resolved: current } : undefined;
}

/** "Probe", "[]Container", "map[string]string", "int-or-string", "integer", "boolean", … */
export function typeLabel(defs: Definitions, site: SchemaNode, depth = 0): string {
  if (depth > 4) return 'object';
  if (site.format === 'int-or-string') return 'int-or-string';
  if (site.$ref !== undefined) {
    const name = site.$ref.startsWith(REF_PREFIX) ? site.$ref.slice(REF_PREFIX.length) : site.$ref;
    const target = defs[name];
    if (target && target.format === 'int-or-string') return 'int-or-string';
    if (target && target.format === 'quantity') return 'quantity';
    if (target && target.properties === undefined && target.type !== undefined) return typeLabel(defs, target, depth + 1);
    return shortDefinitionName(name);
  }
  if (site.format === 'quantity') return 'quantity';
  const types = schemaTypes(site);
  if (types.includes('array') && site.items) return `[]${typeLabel(defs, site.items, depth + 1)}`;
  if (types.includes('object') && typeof site.additionalProperties === 'object') return `map[string]${typeLabel(defs, site.additionalProperties, depth + 1)}`;
  if (types.length === 0) return 'any';
  return types.join(' | ');
}

export type ValueShape = 'object' | 'array' | 'scalar';

/** Whether a field holds a mapping, a list or a scalar (decides what a completion inserts). */
export function valueShape(defs: Definitions, site: SchemaNode): ValueShape {
  const resolved = site.$ref !== undefined ? (defs[site.$ref.slice(REF_PREFIX.length)] ?? site) : site;
  const types = schemaTypes(resolved);
  if (resolved.format === 'int-or-string' || resolved.format === 'quantity') return 'scalar';
  if (types.includes('array')) return 'array';
  if (types.includes('object') || resolved.properties !== undefined) return 'object';
  return 'scalar';
}

/** The enum values a field accepts, without the empty string and null the overlay keeps for omission. */
export function enumValues(schema: SchemaNode): string[] {
  return (schema.enum ?? []).filter((value): value is string | number => (typeof value === 'string' && value !== '') || typeof value === 'number').map(String);
}
