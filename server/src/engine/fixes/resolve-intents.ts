// Turns fix intents (said on field paths) into minimal text edits on the YAML source. Only the
// bytes of the touched key or value change, so comments, key order and indentation survive.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { locatePath } from '../locate';
import type { FieldPath, FixIntent, FixSpec, ResolvedFix, TextEdit } from '../types';
import { hasLoneCr } from '../line-index';
import { columnOf, commentsIn, firstLineEnding, lineEndAfter, lineEndingAt, lineStartOf, serializeBlock, serializeInline, withLineEnding, type LineEnding } from './text-utils';

/**
 * Resolves a fix on one document chunk; offsets are shifted by `base` into the whole file. A
 * document with YAML syntax errors gets no fixes: `yaml` recovers a tree from it, but its ranges
 * and indentation are not the ones the text will have once the syntax is repaired, and edits
 * computed from them land in the wrong place (found by the quick-fix property test).
 *
 * `source` must not hold a lone `\r`: `yaml` does not read it as the line break it is (`name:\r
 * x` would be the string "\r x"), so the analyzer parses `toLineFeeds(text)` (same offsets). New
 * lines are written with the line end found at each edit (`\r\n` in a CRLF file).
 */
export function resolveFix(document: Document.Parsed, source: string, fix: FixSpec, base: number): ResolvedFix | undefined {
  if (document.errors.length > 0) return undefined;
  const facts = factsOf(document, source);
  if (facts.loneCr) return undefined;
  const edits: TextEdit[] = [];
  // A fix that changes nothing is not offered: the light bulb would promise what it cannot do.
  if (fix.intents.length === 0) return undefined;
  // With one intent, deleting the last pair of a mapping leaves `{}`; with more, another intent
  // may fill the mapping again (replace the selector's labels), so the pair's lines just go.
  const alone = fix.intents.length === 1;
  for (const intent of fix.intents) {
    const edit = resolveIntent(document, source, intent, alone);
    if (!edit) return undefined;
    edits.push(edit);
  }
  edits.sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < edits.length; i += 1) {
    if (edits[i].range.start < edits[i - 1].range.end) return undefined;
  }
  return {
    title: fix.title,
    preferred: fix.preferred ?? false,
    safe: fix.safe ?? false,
    edits: edits.map((edit) => ({
      newText: withLineEnding(edit.newText, lineEndingAt(source, edit.range.start, facts.eol)),
      range: { start: edit.range.start + base, end: edit.range.end + base },
    })),
  };
}

/** Per parsed document: whether its source has a lone CR, and its first line end. */
const sourceFacts = new WeakMap<Document.Parsed, { loneCr: boolean; eol: LineEnding }>();

/** Computed once per document: the fixes of a document are resolved one after the other. */
function factsOf(document: Document.Parsed, source: string): { loneCr: boolean; eol: LineEnding } {
  let facts = sourceFacts.get(document);
  if (!facts) {
    facts = { loneCr: hasLoneCr(source), eol: firstLineEnding(source) };
    sourceFacts.set(document, facts);
  }
  return facts;
}

function resolveIntent(document: Document.Parsed, source: string, intent: FixIntent, alone: boolean): TextEdit | undefined {
  switch (intent.op) {
    case 'set':
      return setValue(document, source, intent.path, intent.value, intent.block === true);
    case 'delete':
      return deleteAt(document, source, intent.path, alone);
    case 'rename':
      return rename(document, intent.path, intent.newKey);
    case 'insert':
      return insertPair(document, source, intent.path, intent.key, intent.value, intent.after);
    case 'append':
      return appendItem(document, source, intent.path, intent.value);
    case 'quote':
      return quote(document, source, intent.path);
  }
}

function setValue(document: Document.Parsed, source: string, path: FieldPath, value: unknown, block = false): TextEdit | undefined {
  const located = locatePath(document, path);
  if (!located.complete) {
    const key = path[path.length - 1];
    if (typeof key !== 'string') return undefined;
    return insertPair(document, source, path.slice(0, -1), key, value);
  }
  const node = located.node;
  const isPlainValue = value === null || typeof value !== 'object';
  if (node && node.range && (isPlainValue || (isScalar(node) && !block) || isFlow(node))) {
    const { start, end } = scalarRange(source, node);
    // An empty value (`volumes:` then a line break) sits right after the colon, or right before
    // a comment (`key: # note`): keep a space on each side.
    const space = start === end && start > 0 && !/\s/.test(source[start - 1]) ? ' ' : '';
    const after = start === end && start < source.length && !/\s/.test(source[start]) ? ' ' : '';
    return { range: { start, end }, newText: space + serializeInline(value) + after };
  }
  // A block value replaced by a block value: rewrite from after `key:` to the end of the block.
  const pair = located.pair;
  if (!pair || !hasRange(pair.key)) return undefined;
  const keyStart = pair.key.range[0];
  const colon = source.indexOf(':', pair.key.range[1]);
  if (colon === -1) return undefined;
  const end = node && node.range ? lineEndAfter(source, contentEnd(source, node.range[1], colon)) : lineEndAfter(source, colon);
  const indent = columnOf(source, keyStart) + 2;
  return { range: { start: colon + 1, end }, newText: '\n' + serializeBlock(value, indent) };
}

function deleteAt(document: Document.Parsed, source: string, path: FieldPath, alone: boolean): TextEdit | undefined {
  if (path.length === 0) return undefined;
  const parent = locatePath(document, path.slice(0, -1));
  const container = parent.node;
  if (!parent.complete || !container) return undefined;
  const last = path[path.length - 1];
  let start: number;
  let end: number;
  if (isMap(container)) {
    const pair = container.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    if (!pair || !hasRange(pair.key)) return undefined;
    start = pair.key.range[0];
    end = pairEnd(source, pair as Pair<unknown, unknown>, start);
  } else if (isSeq(container) && typeof last === 'number') {
    const item = container.items[last] as Node | undefined;
    if (!item || !item.range) return undefined;
    start = item.range[0];
    end = contentEnd(source, item.range[1], start);
  } else {
    return undefined;
  }
  if (definesUsedAnchor(source, start, end)) return undefined;
  if (isFlow(container)) return deleteInFlow(source, start, end);
  if (alone && isMap(container) && container.items.length === 1 && path.length > 1) return emptyMapping(source, parent.pair, start, end);
  return deleteBlockLines(source, start, end, isSeq(container));
}

/** Would deleting [start, end) remove an anchor that an alias outside it still names? */
function definesUsedAnchor(source: string, start: number, end: number): boolean {
  const deleted = source.slice(start, end);
  if (!deleted.includes('&')) return false;
  const rest = source.slice(0, start) + source.slice(end);
  for (const match of deleted.matchAll(/&([^\s[\]{},]+)/g)) {
    const name = match[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\*${name}(?![^\\s[\\]{},])`).test(rest)) return true;
  }
  return false;
}

/**
 * Deleting the only pair of a block mapping leaves an empty mapping, `{}`, not an empty value
 * (null), which the schema rejects where an object is required (`template:` with nothing under
 * it). Under a key the `{}` goes after the colon and the pair's lines go; after a sequence dash
 * (`- only: x`) the pair becomes `{}` in place, so the item stays. Either way the edit writes
 * text, so it is not a deletion of whole lines: the comments in what it replaces are written
 * again, each on its own line (`- {}` then `# why`), never dropped.
 */
function emptyMapping(source: string, owner: Pair<unknown, unknown> | undefined, start: number, end: number): TextEdit | undefined {
  const lineStart = lineStartOf(source, start);
  const pad = ' '.repeat(columnOf(source, start));
  if (/^\s*-\s+$/.test(source.slice(lineStart, start)) || !owner) {
    if (!/^[\s-]*$/.test(source.slice(lineStart, start))) return undefined;
    // To the end of the value's last line (not its line break), so a trailing comment there is
    // moved with the others instead of being joined to one of them.
    const newline = source.indexOf('\n', end);
    const lineEnd = newline === -1 ? source.length : newline - (source[newline - 1] === '\r' ? 1 : 0);
    const keyLineEnd = source.indexOf('\n', start);
    const comments = commentsIn(source, start, lineEnd);
    const onKeyLine = (offset: number): boolean => keyLineEnd === -1 || offset < keyLineEnd;
    const text = comments.map((comment, index) => (index === 0 && onKeyLine(comment.offset) ? ` ${comment.text}` : `\n${pad}${comment.text}`)).join('');
    return { range: { start, end: lineEnd }, newText: `{}${text}` };
  }
  if (!hasRange(owner.key)) return undefined;
  const colon = source.indexOf(':', owner.key.range[1]);
  if (colon === -1 || colon >= lineStart) return undefined;
  // What lies between the colon and the pair (a comment, comment lines) is kept as it is.
  const pairEnd = lineEndAfter(source, end);
  const comments = commentsIn(source, lineStart, pairEnd).map((comment) => `${pad}${comment.text}\n`);
  return { range: { start: colon + 1, end: pairEnd }, newText: ` {}${source.slice(colon + 1, lineStart)}${comments.join('')}` };
}

/** In a block collection the entry's whole lines go, and the `- ` of a sequence item with it. */
function deleteBlockLines(source: string, keyStart: number, end: number, seqItem: boolean): TextEdit {
  let lineStart = lineStartOf(source, keyStart);
  // A tag or anchor on the key (`!t key: v`, `&a key: v`) goes with it.
  let start = keyStart;
  for (let prop = propertyBefore(source, lineStart, start, '!&'); prop !== undefined; prop = propertyBefore(source, lineStart, start, '!&')) start = prop;
  const before = source.slice(lineStart, start);
  if (seqItem) {
    const dash = source.lastIndexOf('-', start);
    if (dash >= lineStart) lineStart = lineStartOf(source, dash);
  } else if (/^\s*-\s+$/.test(before)) {
    // First key of a sequence item (`- name: x`): keep the dash and pull the next key up.
    const next = nextContentAfter(source, end);
    if (next !== undefined && columnOf(source, next) === columnOf(source, start)) return { range: { start, end: next }, newText: '' };
    return { range: { start: lineStart, end: lineEndAfter(source, end) }, newText: '' };
  } else if (before.trim() !== '') {
    return { range: { start, end }, newText: '' };
  }
  return { range: { start: lineStart, end: lineEndAfter(source, end) }, newText: '' };
}

function deleteInFlow(source: string, start: number, end: number): TextEdit {
  const after = /^\s*,\s*/.exec(source.slice(end));
  if (after) return { range: { start, end: end + after[0].length }, newText: '' };
  const before = /,\s*$/.exec(source.slice(0, start));
  if (before) return { range: { start: start - before[0].length, end }, newText: '' };
  return { range: { start, end }, newText: '' };
}

function rename(document: Document.Parsed, path: FieldPath, newKey: string): TextEdit | undefined {
  const located = locatePath(document, path);
  if (!located.complete || !located.pair || !hasRange(located.pair.key)) return undefined;
  const [start, end] = located.pair.key.range;
  return { range: { start, end }, newText: serializeInline(newKey) };
}

function insertPair(document: Document.Parsed, source: string, path: FieldPath, key: string, value: unknown, after?: string): TextEdit | undefined {
  const located = locatePath(document, path);
  if (!located.complete) {
    // Build the missing parents as one nested value and insert that at the deepest mapping.
    const missing = path.slice(located.depth);
    if (missing.some((segment) => typeof segment !== 'string')) return undefined;
    let nested: unknown = { [key]: value };
    for (let i = missing.length - 1; i >= 1; i -= 1) nested = { [missing[i] as string]: nested };
    return insertPair(document, source, path.slice(0, located.depth), missing[0] as string, nested);
  }
  const container = located.node;
  if (container === null || (isScalar(container) && container.value === null)) {
    return located.pair ? setValue(document, source, path, { [key]: value }) : undefined;
  }
  if (!isMap(container) || !container.range) return undefined;
  if (container.items.some((item) => isScalar(item.key) && String(item.key.value) === key)) return undefined;
  if (container.flow) {
    const close = source.lastIndexOf('}', container.range[1]);
    const lastPair = container.items[container.items.length - 1];
    if (!lastPair) return { range: { start: close, end: close }, newText: `${key}: ${serializeInline(value)}` };
    const lastStart = hasRange(lastPair.key) ? lastPair.key.range[0] : container.range[0];
    return appendToFlow(source, pairEnd(source, lastPair as Pair<unknown, unknown>, lastStart), close, lastStart, `${key}: ${serializeInline(value)}`);
  }
  const firstKey = container.items[0]?.key;
  if (!hasRange(firstKey)) return undefined;
  const indent = columnOf(source, firstKey.range[0]);
  const anchorPair = (after && container.items.find((item) => isScalar(item.key) && item.key.value === after)) || container.items[container.items.length - 1];
  const anchorStart = hasRange(anchorPair.key) ? anchorPair.key.range[0] : container.range[0];
  const insertAt = lineEndAfter(source, pairEnd(source, anchorPair as Pair<unknown, unknown>, anchorStart));
  const text = serializeBlock({ [key]: value }, indent);
  const needsNewline = insertAt > 0 && source[insertAt - 1] !== '\n';
  return { range: { start: insertAt, end: insertAt }, newText: (needsNewline ? '\n' : '') + text };
}

function appendItem(document: Document.Parsed, source: string, path: FieldPath, value: unknown): TextEdit | undefined {
  const located = locatePath(document, path);
  if (!located.complete) {
    const key = path[path.length - 1];
    if (typeof key !== 'string') return undefined;
    return insertPair(document, source, path.slice(0, -1), key, [value]);
  }
  const container = located.node;
  if (container === null || (isScalar(container) && container.value === null)) return setValue(document, source, path, [value]);
  if (!isSeq(container) || !container.range) return undefined;
  if (container.flow) {
    const close = source.lastIndexOf(']', container.range[1]);
    const last = container.items[container.items.length - 1] as Node | undefined;
    if (!last) return { range: { start: close, end: close }, newText: serializeInline(value) };
    if (!last.range) return undefined;
    return appendToFlow(source, contentEnd(source, last.range[1], last.range[0]), close, last.range[0], serializeInline(value));
  }
  const lastItem = container.items[container.items.length - 1] as Node | undefined;
  if (!lastItem || !lastItem.range) return undefined;
  const dash = source.lastIndexOf('-', lastItem.range[0]);
  const indent = columnOf(source, dash);
  const insertAt = lineEndAfter(source, contentEnd(source, lastItem.range[1], lastItem.range[0]));
  const needsNewline = insertAt > 0 && source[insertAt - 1] !== '\n';
  return { range: { start: insertAt, end: insertAt }, newText: (needsNewline ? '\n' : '') + serializeBlock([value], indent) };
}

/**
 * Adds an entry after the last one of a flow collection (`lastEnd`: the end of its text). A
 * trailing comma (`[a, b,]`, or KYAML's one entry per line ending in `,`) stays trailing: the entry
 * goes after it, on its own line when the entries are on their own lines.
 */
function appendToFlow(source: string, lastEnd: number, close: number, lastStart: number, entry: string): TextEdit {
  const trailing = /^[ \t]*,/.exec(source.slice(lastEnd, close));
  if (!trailing) return { range: { start: lastEnd, end: lastEnd }, newText: `, ${entry}` };
  const afterComma = lastEnd + trailing[0].length;
  const lineFeed = source.indexOf('\n', afterComma);
  // Before the line end, never between the `\r` and the `\n` of a CRLF.
  const newline = lineFeed > 0 && source[lineFeed - 1] === '\r' ? lineFeed - 1 : lineFeed;
  // On its own line: after the comma's line (and its comment, which stays where it was).
  if (newline !== -1 && newline < close) return { range: { start: newline, end: newline }, newText: `\n${' '.repeat(columnOf(source, lastStart))}${entry},` };
  return { range: { start: afterComma, end: afterComma }, newText: ` ${entry},` };
}

function quote(document: Document.Parsed, source: string, path: FieldPath): TextEdit | undefined {
  const located = locatePath(document, path);
  const node = located.node;
  if (!located.complete || !node || !isScalar(node) || !node.range) return undefined;
  const { start, end } = scalarRange(source, node);
  const text = source.slice(node.range[0], end);
  return { range: { start, end }, newText: JSON.stringify(text) };
}

/**
 * The text a new value replaces: the node without the line break that ends a block scalar (`|`,
 * `>`: its range runs to the next line), and with an explicit tag (`!!bool yes`), which would
 * otherwise keep its meaning for the new text.
 */
function scalarRange(source: string, node: Node): { start: number; end: number } {
  const [valueStart, valueEnd] = node.range as [number, number, number];
  let end = valueEnd;
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    while (end > valueStart && /[ \t\r\n]/.test(source[end - 1])) end -= 1;
  }
  let start = valueStart;
  if (isScalar(node) && node.tag) {
    start = propertyBefore(source, lineStartOf(source, valueStart), valueStart, '!') ?? valueStart;
  }
  return { start, end };
}

/**
 * The start of a node property (a tag `!t` or an anchor `&a`, by its first character in
 * `leads`) written just before `end` on its line, with blanks between: `!!bool yes`. Scanned by
 * hand, not with a regular expression anchored at the end (quadratic on a long line).
 */
function propertyBefore(source: string, lineStart: number, end: number, leads: string): number | undefined {
  let blank = end;
  while (blank > lineStart && (source[blank - 1] === ' ' || source[blank - 1] === '\t')) blank -= 1;
  if (blank === end) return undefined;
  let start = blank;
  while (start > lineStart && !/\s/.test(source[start - 1])) start -= 1;
  return start < blank && leads.includes(source[start]) ? start : undefined;
}

/**
 * End of a pair's value (not its trailing comment), or of its key when the value is empty. A
 * block collection's range runs to the start of the next line; trailing white space is cut so
 * "the end of this line" never means the next key's line.
 */
function pairEnd(source: string, pair: Pair<unknown, unknown>, fallback: number): number {
  const value = pair.value as Node | null;
  if (value && value.range && value.range[1] > value.range[0]) return contentEnd(source, value.range[1], value.range[0]);
  if (hasRange(pair.key)) return pair.key.range[1];
  return fallback;
}

function contentEnd(source: string, end: number, floor: number): number {
  let index = end;
  while (index > floor && /\s/.test(source[index - 1] ?? '')) index -= 1;
  return index;
}

function nextContentAfter(source: string, offset: number): number | undefined {
  const match = /\n[ \t]*(?=[^\s#])/.exec(source.slice(offset));
  return match ? offset + match.index + match[0].length : undefined;
}

function isFlow(node: Node): boolean {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

function hasRange(value: unknown): value is { range: [number, number, number] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { range?: unknown }).range);
}
