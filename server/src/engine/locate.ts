// Maps a field path to the YAML node that holds it, so findings land on the exact key or value.
import { isAlias, isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { FieldPath, FindingTarget, OffsetRange } from './types';

export interface LocatedNode {
  /** The deepest node reached; equals the target when `complete`. */
  node: Node | null;
  /** The pair holding the node when it was reached through a mapping key. */
  pair?: Pair<unknown, unknown>;
  /** How many path segments were resolved. */
  depth: number;
  complete: boolean;
}

export function locatePath(document: Document.Parsed, path: FieldPath): LocatedNode {
  let node: Node | null = document.contents as Node | null;
  let pair: Pair<unknown, unknown> | undefined;
  let depth = 0;
  for (const segment of path) {
    if (node === null || isAlias(node) || !isCollection(node)) break;
    if (isMap(node)) {
      const found = node.items.find((item) => keyMatches(item.key, segment));
      if (!found) break;
      pair = found as Pair<unknown, unknown>;
      node = (found.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) break;
      pair = undefined;
      node = item;
    } else {
      break;
    }
    depth += 1;
  }
  return { node, pair, depth, complete: depth === path.length };
}

function keyMatches(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}

/**
 * The range for a finding: the key (or the value) at `path`. When the path does not exist (a
 * missing field), the nearest existing ancestor's key is used, so the squiggle sits on the
 * object that lacks the field.
 */
export function rangeForPath(document: Document.Parsed, source: string, path: FieldPath, target: FindingTarget): OffsetRange {
  const located = locatePath(document, path);
  const wantKey = target === 'key' || !located.complete;
  if (wantKey && located.pair && isNodeWithRange(located.pair.key)) {
    return toRange(located.pair.key.range);
  }
  if (located.node && located.node.range && located.depth > 0) {
    const [start, valueEnd] = located.node.range;
    if (valueEnd > start) return { start, end: firstLineEnd(source, start, valueEnd) };
    if (located.pair && isNodeWithRange(located.pair.key)) return toRange(located.pair.key.range);
  }
  return documentHead(document);
}

/** A block value spanning many lines is underlined on its first line only. */
function firstLineEnd(source: string, start: number, end: number): number {
  const newline = source.indexOf('\n', start);
  if (newline === -1 || newline >= end) return end;
  let index = newline;
  while (index > start && /\s/.test(source[index - 1] ?? '')) index -= 1;
  return index > start ? index : end;
}

function documentHead(document: Document.Parsed): OffsetRange {
  const contents = document.contents as Node | null;
  if (contents && isMap(contents)) {
    const first = contents.items[0];
    if (first && isNodeWithRange(first.key)) return toRange(first.key.range);
  }
  if (contents && contents.range) return { start: contents.range[0], end: contents.range[0] };
  return { start: 0, end: 0 };
}

interface NodeWithRange {
  range: [number, number, number];
}
function isNodeWithRange(value: unknown): value is NodeWithRange {
  return typeof value === 'object' && value !== null && Array.isArray((value as { range?: unknown }).range);
}

function toRange(range: [number, number, number]): OffsetRange {
  return { start: range[0], end: range[1] };
}
