// Rebuilds an object whose indentation was lost (a manifest pasted from a page that kept the
// text but not the leading spaces). Every key then parses at the top level, in document order:
// `metadata: null, name: web, labels: null, app: web, spec: null, containers: [{name: web}],
// image: nginx`. Reading the keys in that order with the schema puts each one back under the
// deepest open parent that has such a field: `name` under `metadata`, `app` into `labels`,
// `image` into the last container. A guess, so the caller checks the result against the schema.
import { isRecord } from './field-format';
import { childSchema, definitionSchema, schemaTypes, type ResolvedSchema } from './schema-walk';
import type { Definitions } from './validator-registry';

/** An open parent keys can go into: a mapping with its schema. */
interface Frame {
  readonly target: Record<string, unknown>;
  readonly schema: ResolvedSchema;
}

/** Stop on anything bigger than a pasted manifest: the walk is linear, but a guess must stay cheap. */
const MAX_KEYS = 500;

/** Keys that are always at the top of a Kubernetes object; never moved. */
const ROOT_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind']);

function isObjectSchema(schema: ResolvedSchema): boolean {
  return schema.schema.properties !== undefined || isFreeFormMap(schema) || schemaTypes(schema.schema).includes('object');
}

/** A map of free-form keys (labels, annotations, nodeSelector): any key, a plain value. */
function isFreeFormMap(schema: ResolvedSchema): boolean {
  return schema.schema.properties === undefined && typeof schema.schema.additionalProperties === 'object';
}

function hasProperty(schema: ResolvedSchema, key: string): boolean {
  return schema.schema.properties !== undefined && Object.prototype.hasOwnProperty.call(schema.schema.properties, key);
}

const isPlain = (value: unknown): boolean => value === null || typeof value !== 'object';

/**
 * The deepest open frame that names `key` as a field; failing that, the deepest free-form map
 * when the value is plain (`app: web` into labels). Undefined when no frame can take it.
 */
function frameFor(stack: readonly Frame[], key: string, value: unknown): number | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (hasProperty(stack[i].schema, key)) return i;
  if (!isPlain(value)) return undefined;
  for (let i = stack.length - 1; i >= 0; i--) if (isFreeFormMap(stack[i].schema)) return i;
  return undefined;
}

/**
 * The object with its top-level keys put back under their parents, or undefined when some key
 * has no place (then no fix is offered). `data` is the parsed object; `root` its definition.
 */
export function reindentObject(defs: Definitions, root: string, data: Record<string, unknown>): Record<string, unknown> | undefined {
  const rootSchema = definitionSchema(defs, root);
  if (rootSchema === undefined) return undefined;
  const entries = Object.entries(data);
  if (entries.length > MAX_KEYS) return undefined;
  const result: Record<string, unknown> = {};
  const stack: Frame[] = [{ target: result, schema: rootSchema }];
  for (const [key, value] of entries) {
    if (ROOT_KEYS.has(key)) {
      result[key] = value;
      continue;
    }
    // Assigning `__proto__` would change the rebuilt object's prototype, not add a field.
    if (key === '__proto__') return undefined;
    const at = frameFor(stack, key, value);
    if (at === undefined) return undefined;
    stack.length = at + 1;
    const frame = stack[at];
    if (Object.prototype.hasOwnProperty.call(frame.target, key)) return undefined; // would merge two values: not a re-indent
    const child = childSchema(defs, frame.schema, key);
    if (child === undefined) return undefined;
    if (value === null && isObjectSchema(child)) {
      // `metadata:` (or `labels:`) whose fields were flattened after it: open it for them.
      const opened: Record<string, unknown> = {};
      frame.target[key] = opened;
      stack.push({ target: opened, schema: child });
    } else if (Array.isArray(value) && value.length > 0 && isRecord(value[value.length - 1])) {
      // `containers:` then `- name: web` at column 0 parses as the list; the keys after it
      // (`image: nginx`) belonged to its last item.
      const item = childSchema(defs, child, 0);
      const items = value.map((entry) => (isRecord(entry) ? { ...entry } : entry));
      frame.target[key] = items;
      const last = items[items.length - 1];
      if (item !== undefined && isRecord(last) && isObjectSchema(item)) stack.push({ target: last, schema: item });
    } else {
      frame.target[key] = value;
    }
  }
  return result;
}

/** The top-level keys of `data` that are not in `rebuilt` at the top (the ones the fix moves). */
export function movedKeys(data: Record<string, unknown>, rebuilt: Record<string, unknown>): string[] {
  return Object.keys(data).filter((key) => !Object.prototype.hasOwnProperty.call(rebuilt, key));
}
