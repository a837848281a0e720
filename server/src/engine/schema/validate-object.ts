// Validates one parsed Kubernetes object against the precompiled schema of its kind.
import type { KubernetesVersion, RuleFinding } from '../types';
import { mapSchemaErrors } from './error-mapping';
import { isRecord } from './field-format';
import { definitionFor, loadDefinitions, resolveSchemaVersion, validatorFor } from './validator-registry';

/**
 * Brings a YAML 1.1 `toJS()` value to what Kubernetes decodes from the same text: sigs.k8s.io/yaml
 * converts YAML to JSON, so timestamps stay strings and big integers are plain numbers. Returns
 * the input itself when nothing needed converting (the common case), so no copy is made.
 */
function toJsonLike(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = toJsonLike(item);
      if (next !== item) (out ??= [...value])[i] = next;
    });
    return out ?? value;
  }
  if (isRecord(value)) {
    let out: Record<string, unknown> | undefined;
    for (const [key, item] of Object.entries(value)) {
      const next = toJsonLike(item);
      if (next !== item) (out ??= { ...value })[key] = next;
    }
    return out ?? value;
  }
  return value;
}

/**
 * Schema findings for one document (`doc.toJS()` of a YAML 1.1 parse). Returns undefined when
 * the version has no schema for apiVersion/kind (custom resources, removed or unknown APIs):
 * other rules speak about those. Versions outside the generated range use the nearest one.
 */
export function validateObject(value: unknown, apiVersion: string, kind: string, version: KubernetesVersion): RuleFinding[] | undefined {
  const resolved = resolveSchemaVersion(version);
  const definition = definitionFor(resolved, apiVersion, kind);
  if (definition === undefined) return undefined;
  const validate = validatorFor(resolved, definition);
  if (validate === undefined) return undefined;
  const data = toJsonLike(value);
  if (validate(data)) return [];
  return mapSchemaErrors(validate.errors ?? [], {
    definitions: loadDefinitions(resolved),
    root: definition,
    kind,
    data,
  });
}
