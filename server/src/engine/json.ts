// Defensive accessors for parsed YAML values. User YAML can hold any type anywhere, so rules
// read through these helpers instead of trusting a static shape.

export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function asArray(value: unknown): JsonValue[] {
  return Array.isArray(value) ? (value as JsonValue[]) : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Reads a nested value; undefined as soon as a step is missing or of the wrong type. */
export function getIn(root: unknown, path: readonly (string | number)[]): JsonValue | undefined {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isObject(current)) return undefined;
      current = current[segment];
    }
  }
  return current as JsonValue | undefined;
}

/** Items of an array field paired with their index, skipping non-objects. */
export function objectItems(value: unknown): { item: JsonObject; index: number }[] {
  const items: { item: JsonObject; index: number }[] = [];
  asArray(value).forEach((item, index) => {
    if (isObject(item)) items.push({ item, index });
  });
  return items;
}

export function hasKey(object: JsonObject | undefined, key: string): boolean {
  return object !== undefined && Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;
}
