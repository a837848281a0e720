// A custom resource's values as CEL sees them, guided by its structural schema: integers as CEL
// int, numbers as double, declared properties under their escaped names, defaults filled in (the
// API server defaults before it validates), undeclared fields dropped (it prunes them).
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#type-checking
import { celList, celMap, type CelList, type CelMap } from '@bufbuild/cel';
import { isObject, type JsonObject, type JsonValue } from '../json';

/**
 * A value handed to the evaluator: scalars, bigint, and the evaluator's own list and map wrappers
 * (built once: a plain Map or array would be wrapped again on every access).
 */
export type CelData = string | number | bigint | boolean | null | CelList | CelMap;

export function dataList(items: CelData[]): CelList {
  return celList(items);
}

export function dataMap(entries: Map<string, CelData>): CelMap {
  return celMap(entries);
}

/** Size facts for the cost estimate of the rules evaluated on a node. */
export interface Measure {
  /** Longest list or largest map in the subtree. */
  widest: number;
  /** Longest string in the subtree (what one string function may have to read). */
  longest: number;
}

export function emptyMeasure(): Measure {
  return { widest: 0, longest: 0 };
}

export function addMeasure(into: Measure, from: Measure): void {
  into.widest = Math.max(into.widest, from.widest);
  into.longest = Math.max(into.longest, from.longest);
}

/** A value without (or against) its schema: converted by its own shape. */
export function rawData(value: JsonValue, measure: Measure): CelData {
  if (typeof value === 'number') return Number.isInteger(value) && Number.isSafeInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string') {
    measure.longest = Math.max(measure.longest, value.length);
    return value;
  }
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) {
    measure.widest = Math.max(measure.widest, value.length);
    return dataList(value.map((item) => rawData(item, measure)));
  }
  const map = new Map<string, CelData>();
  for (const [key, item] of Object.entries(value)) if (item !== undefined) map.set(key, rawData(item, measure));
  measure.widest = Math.max(measure.widest, map.size);
  return dataMap(map);
}

/** The scalar as its schema type says, or undefined when it does not fit (the raw form is used). */
export function scalarData(schema: JsonObject, value: JsonValue): CelData | undefined {
  const type = schema.type;
  if (schema['x-kubernetes-int-or-string'] === true) {
    if (typeof value === 'string') return value;
    return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
  }
  if (type === 'string') return typeof value === 'string' ? value : undefined;
  if (type === 'integer') return typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (type === 'number') return typeof value === 'number' ? value : undefined;
  if (type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  return undefined;
}

/** The value a property has after defaulting: as written, else the schema's default. */
export function defaulted(schema: JsonObject | undefined, value: JsonValue | undefined): JsonValue | undefined {
  if (value === null && schema?.nullable !== true) value = undefined;
  if (value === undefined && schema && schema.default !== undefined) return schema.default;
  return value;
}

export function isPlainObject(value: JsonValue | undefined): value is JsonObject {
  return isObject(value);
}
