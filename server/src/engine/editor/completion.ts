// Completion from the schema of the target Kubernetes version: the keys a mapping may hold
// (required first, never one already there), the values a field accepts, and names declared in
// the same Pod spec. Pure: text and offset in, plain items out; the LSP layer maps them.
import { LIFECYCLE_HANDLERS, PROBE_HANDLERS } from '../defaults';
import { asObject, getIn, isObject } from '../json';
import { servedKinds } from '../schema';
import type { KubernetesVersion, OffsetRange } from '../types';
import { contextValues } from './context-values';
import { snapshotOf, type FileSnapshot } from '../snapshot';
import type { ParsedChunk } from '../parse';
import type { EditorCompletionItem } from './completion-item';
import { cursorContext, headerOf, parseWithBlank, type CursorContext } from './cursor';
import { fieldDoc } from './field-docs';
import { probeSnippets } from './probe-snippets';
import { enumValues, schemaForPath, typeLabel, valueShape } from './schema-info';

export type { EditorCompletionItem, EditorCompletionKind } from './completion-item';

/** Handler keys of the definitions that allow exactly one handler. */
const HANDLERS_OF: Record<string, readonly string[]> = {
  'io.k8s.api.core.v1.Probe': PROBE_HANDLERS,
  'io.k8s.api.core.v1.LifecycleHandler': LIFECYCLE_HANDLERS,
};

/** Keys of a top-level object that are never written by hand. */
const ROOT_SKIP = new Set(['status']);

/**
 * Completion items at `offset` of a file (its snapshot, whose text has the line being typed; or
 * a text); [] when nothing fits (never throws).
 */
export function completeAt(file: string | FileSnapshot, offset: number, version: KubernetesVersion): EditorCompletionItem[] {
  try {
    const snapshot = snapshotOf(file);
    const located = snapshot.documentAt(offset);
    if (!located) return [];
    const { chunk, parsed } = located;
    const context = cursorContext(chunk.text, Math.min(offset - chunk.start, chunk.text.length));
    if (!context) return [];
    const shift = chunk.start;
    const replace = { start: context.replace.start + shift, end: context.replace.end + shift };
    const items = context.kind === 'key' ? keyItems(chunk.text, parsed, context, version, replace) : valueItems(chunk.text, parsed, context, version, replace);
    return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
  } catch {
    // Completion must never take the server down on odd input; nothing is a fine answer.
    return [];
  }
}

function keyItems(
  chunkText: string,
  parsedChunk: ParsedChunk,
  context: Extract<CursorContext, { kind: 'key' }>,
  version: KubernetesVersion,
  replace: OffsetRange,
): EditorCompletionItem[] {
  const { apiVersion, kind } = headerOf(chunkText);
  const existing = new Set(context.existingKeys);
  if (context.mappingPath.length === 0 && (!apiVersion || !kind)) {
    return ['apiVersion', 'kind', 'metadata', 'spec']
      .filter((key) => !existing.has(key))
      .map((key, index) => ({
        label: key,
        kind: 'property' as const,
        detail: key === 'metadata' || key === 'spec' ? 'object' : 'string',
        insertText: key === 'metadata' || key === 'spec' ? `${key}:\n  $0` : `${key}: $0`,
        insertTextFormat: 'snippet' as const,
        sortText: `0${index}`,
        required: key !== 'spec',
        replace,
      }));
  }
  const found = schemaForPath(version, apiVersion, kind, context.mappingPath);
  if (!found) return [];
  const { defs, resolved } = found;
  const properties = resolved.schema.properties ?? {};
  const required = new Set(resolved.schema.required ?? []);
  const items: EditorCompletionItem[] = [];
  // A probe or hook takes exactly one handler: once one is there, offering another invites an error.
  const handlers = HANDLERS_OF[resolved.definition ?? ''];
  const hasHandler = handlers !== undefined && handlers.some((handler) => existing.has(handler));
  for (const [key, site] of Object.entries(properties)) {
    if (existing.has(key)) continue;
    if (hasHandler && handlers.includes(key)) continue;
    if (context.mappingPath.length === 0 && ROOT_SKIP.has(key)) continue;
    const isRequired = required.has(key) || (context.mappingPath.length === 0 && (key === 'apiVersion' || key === 'kind'));
    items.push({
      label: key,
      kind: 'property',
      detail: typeLabel(defs, site),
      documentation: fieldDoc(key, context.mappingPath),
      insertText: keyInsertText(key, defs, site),
      insertTextFormat: 'snippet',
      sortText: `${isRequired ? '0' : '1'}${key}`,
      required: isRequired,
      replace,
    });
  }
  if (resolved.definition === 'io.k8s.api.core.v1.Container') {
    // A half-typed key (`readi` on a line of its own) is a plain scalar where the mapping has
    // `key: value` pairs: a YAML error that can leave the container without its fields. Only
    // then is the document parsed again, with those characters blanked; with nothing typed yet
    // the snapshot's parse of this very text serves.
    const parsed = context.replace.end > context.replace.start ? parseWithBlank(chunkText, context.replace) : parsedChunk;
    const container = asObject(getIn(parsed.value, context.mappingPath));
    for (const snippet of probeSnippets(container, existing)) items.push({ ...snippet, replace });
  }
  return items;
}

function keyInsertText(key: string, defs: Parameters<typeof valueShape>[0], site: Parameters<typeof valueShape>[1]): string {
  const shape = valueShape(defs, site);
  if (shape === 'object') return `${key}:\n  $0`;
  if (shape === 'array') return `${key}:\n  - $0`;
  const resolved = site.$ref !== undefined ? (defs[site.$ref.replace('#/definitions/', '')] ?? site) : site;
  const values = enumValues(resolved);
  if (values.length > 0) return `${key}: \${1|${values.map(escapeChoice).join(',')}|}`;
  if (typeLabel(defs, site) === 'boolean') return `${key}: \${1|true,false|}`;
  return `${key}: $0`;
}

function valueItems(
  chunkText: string,
  parsed: ParsedChunk,
  context: Extract<CursorContext, { kind: 'value' }>,
  version: KubernetesVersion,
  replace: OffsetRange,
): EditorCompletionItem[] {
  const { apiVersion, kind } = headerOf(chunkText);
  const path = context.path;
  const items: EditorCompletionItem[] = [];
  const add = (value: string, detail: string | undefined, rank: string): void => {
    if (items.some((item) => item.label === value)) return;
    items.push({ label: value, kind: 'value', detail, insertText: value, insertTextFormat: 'plain', sortText: `${rank}${value}`, required: false, replace });
  };
  if (path.length === 1 && path[0] === 'kind') {
    for (const served of servedKinds(version)) if (!served.kind.endsWith('List')) add(served.kind, served.apiVersion, '1');
    return items;
  }
  if (path.length === 1 && path[0] === 'apiVersion') {
    for (const served of servedKinds(version)) if (!kind || served.kind === kind) add(served.apiVersion, kind ? served.kind : undefined, '1');
    return items;
  }
  const object = isObject(parsed.value) ? parsed.value : undefined;
  for (const value of contextValues(kind, object, path)) add(value.value, value.detail, value.preferred ? '0' : '1');
  const found = schemaForPath(version, apiVersion, kind, path);
  if (found) {
    for (const value of enumValues(found.resolved.schema)) add(value, typeLabel(found.defs, found.resolved.site), '2');
    if (typeLabel(found.defs, found.resolved.site) === 'boolean') {
      add('true', 'boolean', '2');
      add('false', 'boolean', '2');
    }
  }
  return items;
}

function escapeChoice(value: string): string {
  return value.replace(/[\\,|$}]/g, (char) => `\\${char}`);
}
