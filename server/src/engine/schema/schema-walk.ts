// Walks the generated definitions along a field path. The precompiled validators report schema
// paths relative to the definition that failed, without naming it, so the error mapping (and
// hover/completion) find the schema for a field by walking from the kind's definition instead.
import type { FieldPath } from '../types';
import type { Definitions, SchemaNode } from './validator-registry';

export interface ResolvedSchema {
  /** The schema at the path, with $ref followed. */
  readonly schema: SchemaNode;
  /** The definition the schema is (or is inside of), e.g. io.k8s.api.core.v1.Container. */
  readonly definition: string | undefined;
  /** The schema as written at its use site (may carry a $ref and a narrowing `type`). */
  readonly site: SchemaNode;
}

const REF_PREFIX = '#/definitions/';

function follow(defs: Definitions, site: SchemaNode, current: string | undefined): ResolvedSchema {
  let schema = site;
  let definition = current;
  // Generated schemas never chain refs, but a bound keeps a bad file from looping.
  for (let hops = 0; schema.$ref !== undefined && hops < 8; hops++) {
    const name = schema.$ref.startsWith(REF_PREFIX) ? schema.$ref.slice(REF_PREFIX.length) : schema.$ref;
    const target = defs[name];
    if (target === undefined) break;
    schema = target;
    definition = name;
  }
  return { schema, definition, site };
}

/** The schema one step below `parent`: a property, an array item or a map value. */
export function childSchema(defs: Definitions, parent: ResolvedSchema, segment: string | number): ResolvedSchema | undefined {
  const { schema } = parent;
  let site: SchemaNode | undefined;
  if (typeof segment === 'number') {
    site = schema.items;
  } else if (schema.properties !== undefined && Object.prototype.hasOwnProperty.call(schema.properties, segment)) {
    site = schema.properties[segment];
  } else if (typeof schema.additionalProperties === 'object') {
    site = schema.additionalProperties;
  }
  return site === undefined ? undefined : follow(defs, site, parent.definition);
}

/** The schema of a definition itself. */
export function definitionSchema(defs: Definitions, definition: string): ResolvedSchema | undefined {
  const schema = defs[definition];
  return schema === undefined ? undefined : { schema, definition, site: schema };
}

/** The schema at `path` below the definition `root`, or undefined where the schema ends. */
export function schemaAtPath(defs: Definitions, root: string, path: FieldPath): ResolvedSchema | undefined {
  let current = definitionSchema(defs, root);
  for (const segment of path) {
    if (current === undefined) return undefined;
    current = childSchema(defs, current, segment);
  }
  return current;
}

/** The last dotted segment of a definition name: io.k8s.api.core.v1.Container → Container. */
export function shortDefinitionName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** The non-null types a schema accepts, e.g. ['integer', 'string'] for int-or-string. */
export function schemaTypes(schema: SchemaNode): readonly string[] {
  const type = schema.type;
  if (type === undefined) return [];
  return (typeof type === 'string' ? [type] : type).filter((t) => t !== 'null');
}
