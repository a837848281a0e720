// The field path of the YAML node under an offset, from the parsed document (hover works on
// text that parses; completion has its own line-based reader for half-typed text).
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { FieldPath, OffsetRange } from '../types';

export interface NodeAtOffset {
  /** Path from the document root to the field under the offset. */
  path: FieldPath;
  /** On the key of a mapping entry, or on a scalar value. */
  target: 'key' | 'value';
  /** Chunk-relative range of the key or the scalar value. */
  range: OffsetRange;
}

/** The key or scalar value at `offset` (chunk-relative), or undefined between nodes. */
export function nodeAt(document: Document.Parsed, offset: number): NodeAtOffset | undefined {
  return visit(document.contents as Node | null, offset, []);
}

function visit(node: Node | null, offset: number, path: (string | number)[]): NodeAtOffset | undefined {
  if (!node || !node.range) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const name = String(key.value);
      if (offset >= key.range[0] && offset <= key.range[1]) {
        return { path: [...path, name], target: 'key', range: { start: key.range[0], end: key.range[1] } };
      }
      const value = pair.value as Node | null;
      if (value && value.range && offset >= value.range[0] && offset <= value.range[1]) {
        return visit(value, offset, [...path, name]);
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (let index = 0; index < node.items.length; index += 1) {
      const item = node.items[index] as Node | null;
      if (item && item.range && offset >= item.range[0] && offset <= item.range[1]) return visit(item, offset, [...path, index]);
    }
    return undefined;
  }
  if (isScalar(node) && offset >= node.range[0] && offset <= node.range[1]) {
    return { path, target: 'value', range: { start: node.range[0], end: node.range[1] } };
  }
  return undefined;
}
