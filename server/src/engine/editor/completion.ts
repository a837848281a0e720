// Completion from the schema of the target Kubernetes version: the keys a mapping may hold
// (required first, never one already there), the values a field accepts, names declared in the
// same Pod spec or the same file, and the snippets of snippets/ where they fit. Pure: text and
// offset in, plain items out; the LSP layer maps them.
import { LIFECYCLE_HANDLERS, PROBE_HANDLERS } from '../defaults';
import { asObject, getIn, isObject, type JsonObject } from '../json';
import type { CheckEnvironment } from '../rule-types';
import type { KubernetesVersion, OffsetRange } from '../types';
import { contextValues } from './context-values';
import { customHeaderItems, customKeyItems, customValueItems } from './cr-completion';
import { customSchemaOf, editorEnv, isMetadataPath, METADATA_STAND_IN } from './cr-schema-info';
import { snapshotOf, type FileSnapshot } from '../snapshot';
import type { ParsedChunk } from '../parse';
import { escapeChoice, type EditorCompletionItem } from './completion-item';
import { cursorContext, headerOf, parseWithBlank, type CursorContext } from './cursor';
import { fieldDoc } from './field-docs';
import { referenceValues, selectorLabels, selectorValue } from './file-values';
import { apiVersionItems, kindItems } from './header-values';
import { probeSnippets } from './probe-snippets';
import { enumValues, schemaForPath, typeLabel, valueShape } from './schema-info';
import { containerSnippets, isOtherToolFile, snippetItems, type SnippetContext } from './snippets';

export type { EditorCompletionItem, EditorCompletionKind } from './completion-item';

/** Handler keys of the definitions that allow exactly one handler. */
const HANDLERS_OF: Record<string, readonly string[]> = {
  'io.k8s.api.core.v1.Probe': PROBE_HANDLERS,
  'io.k8s.api.core.v1.LifecycleHandler': LIFECYCLE_HANDLERS,
};

/** Keys of a top-level object that are never written by hand. */
const ROOT_SKIP = new Set(['status']);

export interface CompletionOptions {
  /** The file's path or URI: a file of another tool (a GitHub workflow, a compose file) gets no Kubernetes header or manifest. */
  path?: string;
}

/**
 * Completion items at `offset` of a file (its snapshot, whose text has the line being typed; or
 * a text); [] when nothing fits (never throws).
 */
export function completeAt(file: string | FileSnapshot, offset: number, version: KubernetesVersion, options: CompletionOptions = {}): EditorCompletionItem[] {
  try {
    const snapshot = snapshotOf(file);
    const located = snapshot.documentAt(offset);
    if (!located) return [];
    const { chunk, parsed } = located;
    const context = cursorContext(chunk.text, Math.min(offset - chunk.start, chunk.text.length));
    if (!context) return [];
    const shift = chunk.start;
    const replace = { start: context.replace.start + shift, end: context.replace.end + shift };
    const otherTool = options.path !== undefined && isOtherToolFile(options.path);
    const env = editorEnv(located.objects[0]?.env, version);
    const site = { snapshot, chunkText: chunk.text, chunkStart: shift, parsed, version, replace, otherTool, env };
    const items = context.kind === 'key' ? keyItems(site, context) : valueItems(site, context);
    return items.sort((a, b) => a.sortText.localeCompare(b.sortText));
  } catch {
    // Completion must never take the server down on odd input; nothing is a fine answer.
    return [];
  }
}

/** The document being completed and where. */
interface Site {
  snapshot: FileSnapshot;
  chunkText: string;
  /** Whole-file offset of the chunk. */
  chunkStart: number;
  parsed: ParsedChunk;
  version: KubernetesVersion;
  /** Whole-file range of the word at the cursor. */
  replace: OffsetRange;
  /** The file belongs to another tool by its name (snippets.ts `isOtherToolFile`). */
  otherTool: boolean;
  /** Where CRDs are looked up (the analysis' run objects, else the bundled catalog). */
  env: CheckEnvironment;
}

const HEADER_KEYS = ['apiVersion', 'kind', 'metadata', 'spec'];

function keyItems(site: Site, context: Extract<CursorContext, { kind: 'key' }>): EditorCompletionItem[] {
  const { chunkText, replace } = site;
  const { apiVersion, kind } = headerOf(chunkText);
  const existing = new Set(context.existingKeys);
  if (context.mappingPath.length === 0) {
    if (site.otherTool && !apiVersion && !kind) return [];
    const manifests = manifestSnippets(site, apiVersion !== undefined || kind !== undefined);
    if (!apiVersion || !kind) {
      // Keys already there and no apiVersion or kind: some other YAML (a workflow, a compose file).
      if (existing.size > 0 && !existing.has('apiVersion') && !existing.has('kind')) return [];
      return [...headerKeyItems(existing, replace), ...manifests];
    }
    return [...schemaKeyItems(site, context, apiVersion, kind, existing), ...manifests];
  }
  return schemaKeyItems(site, context, apiVersion, kind, existing);
}

function headerKeyItems(existing: ReadonlySet<string>, replace: OffsetRange): EditorCompletionItem[] {
  return HEADER_KEYS.filter((key) => !existing.has(key)).map((key, index) => ({
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

/**
 * Whole-manifest snippets: on a document with nothing in it but the word being typed, or at
 * column 0 after the last line of a Kubernetes document (then as a new document, after `---`).
 * Never inside a document, where they would merge into the object above.
 */
function manifestSnippets(site: Site, isKubernetes: boolean): EditorCompletionItem[] {
  const { chunkText, chunkStart, replace } = site;
  const start = replace.start - chunkStart;
  const end = replace.end - chunkStart;
  const blank = chunkText.slice(0, start) + chunkText.slice(end);
  const lineStart = chunkText.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = chunkText.indexOf('\n', end);
  // Only on a line of its own: at column 0, with nothing after the word being typed.
  if (start !== lineStart || chunkText.slice(end, lineEnd === -1 ? undefined : lineEnd).trim() !== '') return [];
  let separator = '';
  if (!onlyBlank(blank)) {
    if (!isKubernetes || (lineEnd !== -1 && !onlyBlank(chunkText.slice(lineEnd)))) return [];
    separator = '---\n';
  }
  return snippetItems('document').map((item) => ({ ...item, insertText: separator + item.insertText, replace }));
}

/** Blank lines, comments and document markers only. */
function onlyBlank(text: string): boolean {
  return text.split('\n').every((line) => {
    const trimmed = line.trim();
    return trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(trimmed);
  });
}

function schemaKeyItems(
  site: Site,
  context: Extract<CursorContext, { kind: 'key' }>,
  apiVersion: string | undefined,
  kind: string | undefined,
  existing: ReadonlySet<string>,
): EditorCompletionItem[] {
  const { chunkText, version, replace } = site;
  // A half-typed key (`readi` on a line of its own) is a plain scalar where the mapping has
  // `key: value` pairs: a YAML error that can leave the mapping without its fields. Only then is
  // the document parsed again, with those characters blanked; with nothing typed yet the
  // snapshot's parse of this very text serves. Parsed on first use only.
  let reparsed: ParsedChunk | undefined;
  const object = (): JsonObject | undefined => {
    reparsed ??= context.replace.end > context.replace.start ? parseWithBlank(chunkText, context.replace) : site.parsed;
    return isObject(reparsed.value) ? reparsed.value : undefined;
  };
  const items: EditorCompletionItem[] = [];
  const labels = selectorLabels(kind, object, context.mappingPath);
  if (labels) {
    for (const [key, value] of Object.entries(labels)) {
      if (existing.has(key)) continue;
      items.push({
        label: key,
        kind: 'value',
        detail: `${key}: ${value}`,
        documentation: 'A label of the Pod template: the selector must match it.',
        insertText: `${key}: ${value}`,
        insertTextFormat: 'plain',
        sortText: `0${key}`,
        required: false,
        replace,
      });
    }
    return items;
  }
  const custom = customSchemaOf(apiVersion, kind, site.env);
  if (custom && !isMetadataPath(context.mappingPath)) return customKeyItems(custom, context.mappingPath, existing, replace);
  const found = custom
    ? schemaForPath(version, METADATA_STAND_IN.apiVersion, METADATA_STAND_IN.kind, context.mappingPath)
    : schemaForPath(version, apiVersion, kind, context.mappingPath);
  if (!found) return [];
  const { defs, resolved } = found;
  const properties = resolved.schema.properties ?? {};
  const required = new Set(resolved.schema.required ?? []);
  // A probe or hook takes exactly one handler: once one is there, offering another invites an error.
  const handlers = HANDLERS_OF[resolved.definition ?? ''];
  const hasHandler = handlers !== undefined && handlers.some((handler) => existing.has(handler));
  for (const [key, schemaSite] of Object.entries(properties)) {
    if (existing.has(key)) continue;
    if (hasHandler && handlers.includes(key)) continue;
    if (context.mappingPath.length === 0 && ROOT_SKIP.has(key)) continue;
    const isRequired = required.has(key) || (context.mappingPath.length === 0 && (key === 'apiVersion' || key === 'kind'));
    items.push({
      label: key,
      kind: 'property',
      detail: typeLabel(defs, schemaSite),
      documentation: fieldDoc(key, context.mappingPath),
      insertText: keyInsertText(key, defs, schemaSite),
      insertTextFormat: 'snippet',
      sortText: `${isRequired ? '0' : '1'}${key}`,
      required: isRequired,
      replace,
    });
  }
  const add = (snippets: readonly Omit<EditorCompletionItem, 'replace'>[]): void => {
    for (const snippet of snippets) items.push({ ...snippet, replace });
  };
  // A fresh list item (`- ` and nothing else yet) takes a whole container or volume.
  const freshItem = typeof context.mappingPath[context.mappingPath.length - 1] === 'number' && existing.size === 0;
  // A list's schema keeps the definition it sits in (`containers` is inside PodSpec): only a
  // mapping is that definition itself.
  const definition = resolved.schema.items === undefined ? resolved.definition : undefined;
  if (definition === CONTAINER && freshItem) add(snippetItems('containers', dropDash));
  else if (definition === CONTAINER) {
    const container = asObject(getIn(object(), context.mappingPath));
    add(probeSnippets(container, existing));
    add(containerSnippets(container, existing));
  } else if (definition === VOLUME && freshItem) add(snippetItems('volumes', dropDash));
  else if (definition === POD_SPEC && !existing.has('initContainers')) add(snippetItems('pod-spec'));
  // On a blank line at the column of the list's entries: a whole `- ` entry.
  const listOf = listItemContext(resolved.schema.items?.$ref);
  if (listOf) add(snippetItems(listOf));
  return items;
}

const CONTAINER = 'io.k8s.api.core.v1.Container';
const VOLUME = 'io.k8s.api.core.v1.Volume';
const POD_SPEC = 'io.k8s.api.core.v1.PodSpec';

function listItemContext(itemRef: string | undefined): SnippetContext | undefined {
  if (itemRef === `#/definitions/${CONTAINER}`) return 'containers';
  if (itemRef === `#/definitions/${VOLUME}`) return 'volumes';
  return undefined;
}

/** A list-entry snippet typed after its `- `: the body without its own dash, outdented by two. */
function dropDash(snippet: { body: string }): string {
  return snippet.body.replace(/^- /, '').replace(/\n {2}/g, '\n');
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

function valueItems(site: Site, context: Extract<CursorContext, { kind: 'value' }>): EditorCompletionItem[] {
  const { chunkText, chunkStart, parsed, version, replace } = site;
  const { apiVersion, kind } = headerOf(chunkText);
  const path = context.path;
  if (path.length === 1 && (path[0] === 'kind' || path[0] === 'apiVersion')) {
    const header =
      path[0] === 'kind'
        ? kindItems(version, apiVersion, { chunkText, chunkStart, fileText: site.snapshot.text, local: replace.start - chunkStart })
        : apiVersionItems(version, kind);
    for (const item of customHeaderItems(site.env, path[0], apiVersion, kind)) if (!header.some((other) => other.label === item.label)) header.push(item);
    return header.map((item) => ({ ...item, replace }));
  }
  const items: EditorCompletionItem[] = [];
  const add = (value: string, detail: string | undefined, rank: string): void => {
    if (items.some((item) => item.label === value)) return;
    items.push({ label: value, kind: 'value', detail, insertText: value, insertTextFormat: 'plain', sortText: `${rank}${value}`, required: false, replace });
  };
  const object = isObject(parsed.value) ? parsed.value : undefined;
  const named = [...contextValues(apiVersion, kind, object, path), ...selectorValue(kind, object, path), ...referenceValues(site.snapshot, object, path)];
  for (const value of named) add(value.value, value.detail, value.preferred ? '0' : '1');
  const custom = customSchemaOf(apiVersion, kind, site.env);
  if (custom && !isMetadataPath(path)) {
    for (const value of customValueItems(custom, path)) add(value.value, value.detail, '2');
    return items;
  }
  const found = custom ? schemaForPath(version, METADATA_STAND_IN.apiVersion, METADATA_STAND_IN.kind, path) : schemaForPath(version, apiVersion, kind, path);
  if (found) {
    for (const value of enumValues(found.resolved.schema)) add(value, typeLabel(found.defs, found.resolved.site), '2');
    if (typeLabel(found.defs, found.resolved.site) === 'boolean') {
      add('true', 'boolean', '2');
      add('false', 'boolean', '2');
    }
  }
  return items;
}
