// A line-based reading of block YAML for the editor features. The text under the cursor is
// usually broken (`    liv|`, a key with no value yet), where a real parser loses the structure;
// indentation does not lie, so the path at the cursor is rebuilt from the lines above it.
// https://yaml.org/spec/1.2.2/#rule-l+block-mapping (block collections are indentation-scoped)

/** One structural token of a line: a `- ` sequence entry, a `key:`, or another scalar. */
export interface LineItem {
  column: number;
  type: 'dash' | 'key' | 'scalar';
  /** The key, for `key` items. */
  key?: string;
  /** Text after `key:` on the same line (trimmed, comment removed). */
  value?: string;
}

export interface LineInfo {
  /** Offset of the line start in the scanned text. */
  start: number;
  /** Line text without the newline. */
  text: string;
  items: LineItem[];
  /** Blank, comment-only, a document marker, or content of a block scalar. */
  skip: boolean;
  /** Set on lines inside an open block scalar: the column its body must be indented past. */
  blockOwner?: number;
}

const QUOTED_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)')[ \t]*:(?=[ \t]|$)/;
/** How a plain key may start: not an indicator, and a `-` only when a non-blank follows it. */
const PLAIN_KEY_START = /^(?:[^\s#'"{}[\],&*!|>%@`-]|-[^\s#])/;
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(#.*)?$/;

/** Structural items of one line (the text of the line, no newline). */
export function lineItems(text: string): LineItem[] {
  const items: LineItem[] = [];
  let column = indentOf(text);
  let rest = text.slice(column);
  while (/^-(?:[ \t]|$)/.test(rest)) {
    items.push({ column, type: 'dash' });
    const after = rest.slice(1);
    const gap = after.length - after.trimStart().length;
    if (after.trim() === '') return items;
    column += 1 + gap;
    rest = after.slice(gap);
  }
  if (rest === '' || rest.startsWith('#')) return items;
  const match = keyAt(rest);
  if (match) {
    items.push({ column, type: 'key', key: match.key, value: stripComment(rest.slice(match.length)).trim() });
  } else {
    items.push({ column, type: 'scalar', value: stripComment(rest).trim() });
  }
  return items;
}

/** Splits `text` into lines with their items; block scalar bodies and comments are marked skip. */
export function scanLines(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let start = 0;
  // Column of the node that owns an open block scalar; its body is every more-indented line.
  let blockOwner: number | undefined;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const raw = text.slice(start, newline === -1 ? text.length : newline);
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const trimmed = lineText.trim();
    if (blockOwner !== undefined && (trimmed === '' || indentOf(lineText) > blockOwner)) {
      lines.push({ start, text: lineText, items: [], skip: true, blockOwner });
    } else {
      blockOwner = undefined;
      const marker = /^(---|\.\.\.)(\s|$)/.test(lineText);
      const items = marker || trimmed === '' || trimmed.startsWith('#') ? [] : lineItems(lineText);
      lines.push({ start, text: lineText, items, skip: items.length === 0 });
      const last = items[items.length - 1];
      if (last && last.value !== undefined && BLOCK_SCALAR.test(last.value)) {
        // A `key: |` body is indented past the key, a `- |` body past the dash.
        blockOwner = last.type === 'key' ? last.column : items.length > 1 ? items[items.length - 2].column : Math.max(0, last.column - 1);
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/**
 * The `key:` at the start of `rest`, and how many characters it takes with its colon. A plain key
 * runs to the first `:` followed by a blank or the line end, with no `#` before it, blanks before
 * the colon trimmed. Scanned, not matched with `[^#]*?[ \t]*:`: that regex retried the blanks
 * from every character of the line (one 100,000-space line: seconds per completion request).
 */
function keyAt(rest: string): { key: string; length: number } | undefined {
  const quoted = QUOTED_KEY.exec(rest);
  if (quoted) return { key: quoted[1] ?? quoted[2].replace(/''/g, "'"), length: quoted[0].length };
  const start = PLAIN_KEY_START.exec(rest);
  if (!start) return undefined;
  for (let i = start[0].length; i < rest.length; i += 1) {
    const char = rest[i];
    if (char === '#') return undefined;
    if (char !== ':') continue;
    const next = rest[i + 1];
    if (next !== undefined && next !== ' ' && next !== '\t') continue;
    let end = i;
    while (end > start[0].length && (rest[end - 1] === ' ' || rest[end - 1] === '\t')) end -= 1;
    return { key: rest.slice(0, end), length: i + 1 };
  }
  return undefined;
}

export function indentOf(text: string): number {
  let i = 0;
  while (i < text.length && text[i] === ' ') i += 1;
  return i;
}

function stripComment(text: string): string {
  const hash = text.search(/(^|[ \t])#/);
  return hash === -1 ? text : text.slice(0, hash);
}

/** An ancestor step found while walking up: a key, or a sequence entry with its index. */
export type Step = { type: 'key'; key: string; line: number; column: number } | { type: 'dash'; index: number; line: number; column: number };

/**
 * The ancestors of a node at `column` (a key when `isDash` is false, a sequence entry otherwise)
 * on `line`, after the items before it on that line (`itemsBefore`). The parent of a key is the
 * nearest item to its left (smaller column) above it; a sequence entry may also hang off a key at
 * its own column (`containers:` / `- name:` at the same indentation). Returns the steps from the
 * root, the keys of the node's own mapping seen above it, and the node's index when it is a
 * sequence entry.
 */
export function ancestorsOf(
  lines: readonly LineInfo[],
  line: number,
  itemsBefore: readonly LineItem[],
  column: number,
  isDash: boolean,
): { steps: Step[]; siblingsAbove: string[]; dashIndex: number } {
  const steps: Step[] = [];
  const siblingsAbove: string[] = [];
  let target = { column, isDash };
  // The step of the current target (null while it is the node itself), and the sequence
  // entries counted at its column so far: that count is its index once the parent is found.
  const state: { targetStep: Step | null; dashCount: number; dashIndex: number } = { targetStep: null, dashCount: 0, dashIndex: 0 };
  const settleIndex = (): void => {
    if (state.targetStep === null) state.dashIndex = state.dashCount;
    else if (state.targetStep.type === 'dash') state.targetStep.index = state.dashCount;
  };
  const visit = (item: LineItem, lineNumber: number): boolean => {
    if (item.type === 'scalar') return false;
    const isParent = item.column < target.column || (target.isDash && item.type === 'key' && item.column === target.column);
    if (!isParent) {
      if (item.column === target.column) {
        if (item.type === 'key' && !target.isDash && steps.length === 0 && item.key !== undefined) siblingsAbove.push(item.key);
        if (item.type === 'dash' && target.isDash) state.dashCount += 1;
      }
      return false;
    }
    if (target.isDash) settleIndex();
    state.dashCount = 0;
    const step: Step =
      item.type === 'key' ? { type: 'key', key: item.key ?? '', line: lineNumber, column: item.column } : { type: 'dash', index: 0, line: lineNumber, column: item.column };
    steps.push(step);
    state.targetStep = step;
    target = { column: item.column, isDash: item.type === 'dash' };
    return item.type === 'key' && item.column === 0;
  };
  let done = false;
  for (let i = itemsBefore.length - 1; i >= 0 && !done; i -= 1) done = visit(itemsBefore[i], line);
  for (let l = line - 1; l >= 0 && !done; l -= 1) {
    const info = lines[l];
    if (info.skip) continue;
    for (let i = info.items.length - 1; i >= 0 && !done; i -= 1) done = visit(info.items[i], l);
  }
  // A top-level sequence (a YAML list document) ends the walk without a parent key.
  if (!done && target.isDash) settleIndex();
  return { steps: steps.reverse(), siblingsAbove, dashIndex: state.dashIndex };
}

/** Keys at `column` below `line` in the same mapping (stops at the first line less indented). */
export function siblingsBelow(lines: readonly LineInfo[], line: number, column: number): string[] {
  const keys: string[] = [];
  for (let l = line + 1; l < lines.length; l += 1) {
    const info = lines[l];
    if (info.skip) continue;
    const firstItem = info.items[0];
    if (firstItem.column < column) break;
    // A `- ` at the mapping's own column is an indentless sequence under a sibling key; a `- `
    // further left ends the mapping.
    if (firstItem.column === column && firstItem.type === 'key' && firstItem.key !== undefined) keys.push(firstItem.key);
  }
  return keys;
}
