// Completion in a custom resource, from its CRD's structural schema (cr-schema-info.ts): the keys
// of a mapping, the values of a field, and the CRD kinds and apiVersions for the header.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/
import type { JsonObject } from '../json';
import type { CheckEnvironment } from '../rule-types';
import type { FieldPath, OffsetRange } from '../types';
import { escapeChoice, type EditorCompletionItem } from './completion-item';
import { customEnumValues, customKeyDetail, customKinds, customSchemaAt, customShape, customTypeLabel, declaredKeys, requiredKeys, type CustomSchema } from './cr-schema-info';

/** Keys of a top-level object that are never written by hand. */
const ROOT_SKIP = new Set(['status']);

/**
 * A custom resource's keys from its CRD's structural schema: required first, never one already
 * there, never `status` at the root (the controller writes it).
 */
export function customKeyItems(custom: CustomSchema, mappingPath: FieldPath, existing: ReadonlySet<string>, replace: OffsetRange): EditorCompletionItem[] {
  const node = customSchemaAt(custom.root, mappingPath);
  if (!node) return [];
  const required = requiredKeys(node);
  const items: EditorCompletionItem[] = [];
  for (const key of declaredKeys(node)) {
    if (existing.has(key) || (mappingPath.length === 0 && ROOT_SKIP.has(key))) continue;
    const child = customSchemaAt(node, [key]);
    if (!child) continue;
    const isRequired = required.has(key) || (mappingPath.length === 0 && (key === 'apiVersion' || key === 'kind'));
    items.push({
      label: key,
      kind: 'property',
      detail: customKeyDetail(child),
      insertText: customKeyInsertText(key, child),
      insertTextFormat: 'snippet',
      sortText: `${isRequired ? '0' : '1'}${key}`,
      required: isRequired,
      replace,
    });
  }
  return items;
}

function customKeyInsertText(key: string, node: JsonObject): string {
  const shape = customShape(node);
  if (shape === 'object') return `${key}:\n  $0`;
  if (shape === 'array') return `${key}:\n  - $0`;
  const values = customEnumValues(node);
  if (values.length > 0) return `${key}: \${1|${values.map(escapeChoice).join(',')}|}`;
  if (node.type === 'boolean') return `${key}: \${1|true,false|}`;
  return `${key}: $0`;
}

/**
 * Custom kinds for `kind:` under a CRD group's apiVersion, and CRD apiVersions for `apiVersion:`
 * of a kind some CRD defines. Only with the other half written: a list of every CRD's kinds
 * would bury the built-in ones.
 */
export function customHeaderItems(
  env: CheckEnvironment,
  field: string | number,
  apiVersion: string | undefined,
  kind: string | undefined,
): Omit<EditorCompletionItem, 'replace'>[] {
  const known = customKinds(env);
  const item = (value: string, detail: string): Omit<EditorCompletionItem, 'replace'> => ({
    label: value,
    kind: 'value',
    detail,
    insertText: value,
    insertTextFormat: 'plain',
    sortText: `2${value}`,
    required: false,
  });
  if (field === 'kind' && apiVersion) return known.filter((entry) => entry.apiVersion === apiVersion).map((entry) => item(entry.kind, `${entry.apiVersion} (CRD)`));
  if (field === 'apiVersion' && kind) return known.filter((entry) => entry.kind === kind).map((entry) => item(entry.apiVersion, `${entry.kind} (CRD)`));
  return [];
}

/** The values a custom resource's field accepts: its enum, or true/false. */
export function customValueItems(custom: CustomSchema, path: FieldPath): { value: string; detail: string }[] {
  const node = customSchemaAt(custom.root, path);
  if (!node) return [];
  const detail = customTypeLabel(node);
  const values = customEnumValues(node).map((value) => ({ value, detail }));
  if (values.length === 0 && node.type === 'boolean')
    return [
      { value: 'true', detail },
      { value: 'false', detail },
    ];
  return values;
}
