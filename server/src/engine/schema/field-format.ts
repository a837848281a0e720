// Small helpers that turn field paths and plain values into the words schema messages use.
import type { ContainerGroup } from '../containers';
import { capitalize, describeContainer } from '../k8s/phrasing';
import type { FieldPath } from '../types';

/** `spec.containers[0].env[1].value` */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/**
 * How a message names a field: the path from the innermost list it sits in (`env[0].value`,
 * `containers[0].image`), else its last two keys (`spec.replicas`). Long enough to find, short
 * enough to read; the diagnostic's range already points at the exact spot.
 */
export function fieldLabel(path: FieldPath): string {
  let start = Math.max(0, path.length - 2);
  for (let i = path.length - 2; i >= 0; i--) {
    if (typeof path[i] === 'string' && typeof path[i + 1] === 'number') {
      start = i;
      break;
    }
  }
  return formatPath(path.slice(start)) || 'The document';
}

const CONTAINER_GROUPS: ReadonlySet<string> = new Set<ContainerGroup>(['containers', 'initContainers', 'ephemeralContainers']);

/** Where the innermost container on `path` is: its index in the path and how to name it. */
export function containerOnPath(path: FieldPath, data: unknown): { at: number; name: string } | undefined {
  for (let i = path.length - 2; i >= 0; i--) {
    const group = path[i];
    const index = path[i + 1];
    if (typeof group !== 'string' || !CONTAINER_GROUPS.has(group) || typeof index !== 'number') continue;
    const container = valueAt(data, path.slice(0, i + 2));
    const name = isRecord(container) && typeof container.name === 'string' && container.name !== '' ? container.name : undefined;
    const isSidecar = group === 'initContainers' && isRecord(container) && container.restartPolicy === 'Always';
    const ref = { container: {}, group: group as ContainerGroup, index, path: path.slice(0, i + 2), name: name && shorten(name, 30), isSidecar };
    return { at: i + 2, name: describeContainer(ref) };
  }
  return undefined;
}

/**
 * How a message starts when it names a field: `Container "web": imagePullPolicy` inside a
 * container (named as the rules name it, never `containers[0]`), else `fieldLabel(path)`.
 */
export function fieldSubject(path: FieldPath, data: unknown): string {
  const container = containerOnPath(path, data);
  if (container === undefined) return fieldLabel(path);
  const rest = path.slice(container.at);
  return rest.length === 0 ? capitalize(container.name) : `${capitalize(container.name)}: ${fieldLabel(rest)}`;
}

/** Follows `path` into a plain JS value; undefined where it leads nowhere. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isRecord(current) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = current[segment];
    } else return undefined;
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns an ajv instancePath (JSON pointer) into a FieldPath. A segment is a sequence index only
 * where the data there is an array, so a map key like "0" stays a string.
 */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      path.push(Number(key));
      current = current[Number(key)];
    } else {
      path.push(key);
      current = isRecord(current) ? current[key] : undefined;
    }
  }
  return path;
}

export type ValueKind = 'null' | 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'mapping';

export function valueKind(value: unknown): ValueKind {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'mapping';
  }
}

/** "a string", "the number 1.5", "empty (null)", … for "…, but it is ___". */
export function describeValue(value: unknown): string {
  const kind = valueKind(value);
  switch (kind) {
    case 'null':
      return 'empty (null)';
    case 'string':
      return `the string ${JSON.stringify(shorten(value as string))}`;
    case 'integer':
    case 'number':
      return `the number ${String(value)}`;
    case 'boolean':
      return `the boolean ${String(value)}`;
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
  }
}

export function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "a", "a or b", "a, b or c" */
export function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a", "a and b", "a, b and c" */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
