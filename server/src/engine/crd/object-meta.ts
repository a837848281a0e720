// The metadata of a custom resource (and of an embedded resource) is an ObjectMeta whatever the
// CRD's schema says: the API server validates it as it does for built-in kinds. This checks its
// keys and the types of its direct fields, labels and annotations against the built-in
// definition; name and label syntax are the metadata rules' business (rules/metadata/).
// https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/
import { isObject, type JsonValue } from '../json';
import { definitionSchema, loadDefinitions, schemaTypes } from '../schema';
import { typeFinding, unknownFieldFinding } from '../schema/error-messages';
import { childSchema } from '../schema/schema-walk';
import type { FieldPath, KubernetesVersion, RuleFinding } from '../types';
import { hasSchemaType } from './value-checks';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

export interface MetaProblem {
  finding: RuleFinding;
  /** Set on unknown-field findings: the allowed name suggested instead. */
  suggestion?: string;
}

/** Problems of `value` (at `path`) as an ObjectMeta; `data` is the whole object, `kind` its kind. */
export function objectMetaProblems(value: JsonValue, path: FieldPath, version: KubernetesVersion, kind: string, data: unknown): MetaProblem[] {
  const defs = loadDefinitions(version);
  const meta = definitionSchema(defs, OBJECT_META);
  if (!meta) return [];
  if (!isObject(value)) return [{ finding: typeFinding({ path, value, resolved: meta, kind, data }) }];
  const problems: MetaProblem[] = [];
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined || field === null) continue;
    const child = childSchema(defs, meta, key);
    if (!child) {
      const { suggestion, ...finding } = unknownFieldFinding(defs, path, key, value, meta, data);
      problems.push({ finding, suggestion });
      continue;
    }
    const types = schemaTypes(child.schema);
    if (types.length > 0 && !types.some((type) => hasSchemaType(field, type))) {
      problems.push({ finding: typeFinding({ path: [...path, key], value: field, resolved: child, kind, data }) });
      continue;
    }
    // labels and annotations: every value a string.
    const values = isObject(field) ? childSchema(defs, child, '*') : undefined;
    if (!values || !isObject(field) || !schemaTypes(values.schema).includes('string')) continue;
    for (const [name, entry] of Object.entries(field)) {
      if (entry !== undefined && entry !== null && typeof entry !== 'string') {
        problems.push({ finding: typeFinding({ path: [...path, key, name], value: entry, resolved: values, kind, data }) });
      }
    }
  }
  return problems;
}
