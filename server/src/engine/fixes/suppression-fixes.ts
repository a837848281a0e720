// Edits that suppress a finding instead of fixing it: a `# podwise-disable-next-line <rule>`
// comment above the finding's line, or the object annotation `podwise.io/disable`. Pure: text in,
// offset edits out. The language server turns them into "Disable <rule> for this line/object".
import { isMap, type Document } from 'yaml';
import { asString, getIn, isObject, type JsonObject, type JsonValue } from '../json';
import { locatePath } from '../locate';
import { parseChunk } from '../parse';
import { DISABLE_ANNOTATION } from '../suppress';
import type { FieldPath, FixIntent, ResolvedFix, TextEdit } from '../types';
import { resolveFix } from './resolve-intents';
import { columnOf, lineEndingAt, lineStartOf, serializeInline } from './text-utils';

const NEXT_LINE_MARKER = /^[ \t]*#\s*podwise-disable-next-line\b/;
const ANNOTATION_PATH: FieldPath = ['metadata', 'annotations', DISABLE_ANNOTATION];

/** Splits a suppression list (`a, b c`) the way the engine reads it. */
export function parseRuleList(list: string): string[] {
  return list
    .split(/[,\s]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0 && id !== '--');
}

/**
 * The edit that disables `ruleId` on the line holding `offset`: a comment line above it with the
 * line's own indentation, or the rule added to a `podwise-disable-next-line` comment already
 * there. Undefined when the rule is already disabled for that line.
 */
export function disableNextLineEdit(text: string, offset: number, ruleId: string): TextEdit | undefined {
  const lineStart = lineStartOf(text, Math.max(0, Math.min(offset, text.length)));
  const eol = lineEndingAt(text, lineStart);
  if (lineStart > 0) {
    const previousStart = lineStartOf(text, lineStart - 1);
    const previous = text.slice(previousStart, lineStart).replace(/\r?\n$/, '');
    const comment = nextLineComment(previous);
    if (comment) {
      const ids = parseRuleList(comment.list);
      if (ids.length === 0 || ids.includes(ruleId)) return undefined;
      const listEnd = previousStart + comment.listEnd;
      return { range: { start: listEnd, end: listEnd }, newText: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  return { range: { start: lineStart, end: lineStart }, newText: `${indent}# podwise-disable-next-line ${ruleId}${eol}` };
}

/**
 * A `# podwise-disable-next-line a, b` comment line: its rule list (blanks around it trimmed) and
 * where the list ends. Undefined for any other line, and when another `#` follows (a comment after
 * the list: the rule would land inside it). A scan rather than one regex: a lazy list followed by
 * `[ \t]*$` retried the trailing blanks from every character of a long line (80,000: 5 s).
 */
function nextLineComment(line: string): { list: string; listEnd: number } | undefined {
  const marker = NEXT_LINE_MARKER.exec(line);
  if (!marker || line.includes('#', marker[0].length)) return undefined;
  let start = marker[0].length;
  let end = line.length;
  while (start < end && isSpaceOrTab(line.charCodeAt(start))) start += 1;
  while (end > start && isSpaceOrTab(line.charCodeAt(end - 1))) end -= 1;
  return { list: line.slice(start, end), listEnd: end };
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/**
 * Disables `ruleId` for the whole object: adds `metadata.annotations["podwise.io/disable"]`, or
 * appends the rule to the annotation already there. `document`/`source` are one parsed YAML
 * document (chunk); `base` shifts the edits into the whole file. Undefined when the object
 * already disables the rule, or when no clean edit exists (broken YAML, odd shapes).
 *
 * The edit comes from the FixIntent resolver; the result is parsed again and must equal the
 * object plus the annotation, else a plain "first entry of the mapping" insertion is tried.
 */
export function disableForObjectFix(
  document: Document.Parsed,
  source: string,
  value: JsonValue | undefined,
  ruleId: string,
  base: number,
  root: FieldPath = [],
): ResolvedFix | undefined {
  // `root`: the object's path in the document ([] for the document itself, ['items', i] for an
  // item of a List, whose own annotation silences that item only: suppress.ts).
  const object = root.length === 0 ? value : getIn(value, root);
  if (document.errors.length > 0 || !isObject(value) || !isObject(object)) return undefined;
  const title = `Disable ${ruleId} for this object`;
  const annotationPath = [...root, ...ANNOTATION_PATH];
  const existing = getIn(value, annotationPath);
  let intents: FixIntent[];
  let annotation: string;
  if (existing !== undefined && existing !== null) {
    const current = asString(existing);
    if (current === undefined) return undefined;
    const ids = parseRuleList(current);
    if (ids.length === 0 || ids.includes('*') || ids.includes(ruleId)) return undefined;
    annotation = [...ids, ruleId].join(', ');
    intents = [{ op: 'set', path: annotationPath, value: annotation }];
  } else if (existing === null) {
    annotation = ruleId;
    intents = [{ op: 'set', path: annotationPath, value: annotation }];
  } else {
    annotation = ruleId;
    intents = [{ op: 'insert', path: [...root, 'metadata', 'annotations'], key: DISABLE_ANNOTATION, value: annotation }];
  }
  const expected = replaceAt(value, root, withAnnotation(object, annotation));
  const resolved = resolveFix(document, source, { title, intents, preferred: false, safe: false }, 0);
  let edits = resolved && producesValue(source, resolved.edits, expected) ? resolved.edits : undefined;
  if (!edits && existing === undefined) {
    const fallback = insertAsFirstEntry(document, source, annotation, root);
    if (fallback && producesValue(source, [fallback], expected)) edits = [fallback];
  }
  if (!edits) return undefined;
  return {
    title,
    preferred: false,
    safe: false,
    edits: edits.map((edit) => ({ newText: edit.newText, range: { start: edit.range.start + base, end: edit.range.end + base } })),
  };
}

/** `value` with the node at `path` replaced (copies along the path; [] replaces the whole value). */
function replaceAt(value: JsonValue | undefined, path: FieldPath, replacement: JsonObject): JsonObject {
  return replaceIn(value, path, replacement) as JsonObject;
}

function replaceIn(value: JsonValue | undefined, path: FieldPath, replacement: JsonObject): JsonValue | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    copy[head] = replaceIn(copy[head], rest, replacement) ?? null;
    return copy;
  }
  if (isObject(value) && typeof head === 'string') return { ...value, [head]: replaceIn(value[head], rest, replacement) ?? null };
  return value;
}

/** `annotations:` (or the annotation itself) as the first entry under `metadata:` / `annotations:`. */
function insertAsFirstEntry(document: Document.Parsed, source: string, annotation: string, root: FieldPath = []): TextEdit | undefined {
  const eol = lineEndingAt(source, 0);
  const annotations = locatePath(document, [...root, 'metadata', 'annotations']);
  const target = annotations.complete ? annotations : locatePath(document, [...root, 'metadata']);
  if (!target.complete || !target.pair || !isMap(target.node) || target.node.flow || target.node.items.length === 0) return undefined;
  const keyNode = target.pair.key as { range?: [number, number, number] } | null;
  const firstKey = target.node.items[0].key as { range?: [number, number, number] } | null;
  if (!keyNode?.range || !firstKey?.range) return undefined;
  const keyLineEnd = source.indexOf('\n', keyNode.range[1]);
  // The nested mapping must start on a later line than its key (block style).
  if (keyLineEnd === -1 || firstKey.range[0] <= keyLineEnd) return undefined;
  const indent = ' '.repeat(columnOf(source, firstKey.range[0]));
  const inner = annotations.complete ? '' : `${indent}annotations:${eol}`;
  const pad = annotations.complete ? indent : `${indent}  `;
  const text = `${inner}${pad}${DISABLE_ANNOTATION}: ${serializeInline(annotation)}${eol}`;
  return { range: { start: keyLineEnd + 1, end: keyLineEnd + 1 }, newText: text };
}

function withAnnotation(value: JsonObject, annotation: string): JsonObject {
  const metadata = isObject(value.metadata) ? value.metadata : {};
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  return { ...value, metadata: { ...metadata, annotations: { ...annotations, [DISABLE_ANNOTATION]: annotation } } };
}

/** Applies chunk-relative edits and checks that the document now reads as `expected`. */
function producesValue(source: string, edits: readonly TextEdit[], expected: JsonObject): boolean {
  let text = source;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    text = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  }
  const parsed = parseChunk({ text });
  return parsed.errors.length === 0 && stableJson(parsed.value) === stableJson(expected);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
