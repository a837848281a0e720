// A YAML 1.1 `toJS()` value as Kubernetes decodes the same text: sigs.k8s.io/yaml converts YAML
// to JSON first, so an unquoted timestamp is a string, a big integer a number and `!!binary`
// base64 text. The same conversion the built-in validator makes (schema/validate-object.ts);
// the input itself comes back when nothing needed converting, so the common case copies nothing.
import { isObject, type JsonObject, type JsonValue } from '../json';

export function toJsonLike(value: unknown): JsonValue | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) {
    let out: JsonValue[] | undefined;
    value.forEach((item: unknown, index) => {
      const next = toJsonLike(item);
      if (next !== item) (out ??= [...(value as JsonValue[])])[index] = next as JsonValue;
    });
    return out ?? (value as JsonValue[]);
  }
  if (isObject(value)) {
    let out: JsonObject | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = toJsonLike(item);
      if (next !== item) (out ??= { ...value })[key] = next;
    }
    return out ?? value;
  }
  return value as JsonValue | undefined;
}
