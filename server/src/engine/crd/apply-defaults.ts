// The API server defaults a custom resource before it validates it: a missing field whose schema
// has a `default` gets that value, and a null in a field that is not `nullable` is dropped first
// (then defaulted when it has a default). Validation and CEL rules see the result, so a field
// with a default is never "required but missing".
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#defaulting-and-nullable
import { isObject, type JsonObject, type JsonValue } from '../json';

/** `value` with the defaults of `schema` applied; unchanged parts are shared, never mutated. */
export function applyDefaults(schema: JsonObject, value: JsonValue | undefined, depth = 0): JsonValue | undefined {
  // Documents are depth-limited by the parser; the bound only guards a self-similar default.
  if (depth > 64) return value;
  if (Array.isArray(value)) {
    const items = isObject(schema.items) ? schema.items : undefined;
    if (!items) return value;
    let changed = false;
    const out = value.map((item) => {
      const next = applyDefaults(items, item, depth + 1);
      if (next !== item) changed = true;
      return next === undefined ? item : next;
    });
    return changed ? out : value;
  }
  if (!isObject(value)) return value;
  const properties = isObject(schema.properties) ? schema.properties : undefined;
  const additional = isObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  if (!properties && !additional) return value;
  let out: JsonObject | undefined;
  const write = (key: string, next: JsonValue | undefined): void => {
    out ??= { ...value };
    if (next === undefined) delete out[key];
    else out[key] = next;
  };
  if (properties) {
    for (const [key, child] of Object.entries(properties)) {
      if (!isObject(child)) continue;
      const current = value[key];
      const pruned = current === null && child.nullable !== true;
      if ((current === undefined || pruned) && child.default !== undefined) {
        write(key, applyDefaults(child, structuredClone(child.default), depth + 1));
      } else if (pruned) {
        write(key, undefined);
      } else if (current !== undefined) {
        const next = applyDefaults(child, current, depth + 1);
        if (next !== current) write(key, next);
      }
    }
  }
  if (additional) {
    for (const [key, current] of Object.entries(value)) {
      if (current === undefined || (properties && Object.prototype.hasOwnProperty.call(properties, key))) continue;
      if (current === null && additional.nullable !== true) {
        write(key, undefined);
        continue;
      }
      const next = applyDefaults(additional, current, depth + 1);
      if (next !== current) write(key, next);
    }
  }
  return out ?? value;
}
