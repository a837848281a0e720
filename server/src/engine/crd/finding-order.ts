// Findings listed as their fields appear in the file, as the built-in schema findings are.
import { isObject } from '../json';
import type { FieldPath, RuleFinding } from '../types';

/** Position of each path segment among its siblings. */
function documentOrder(data: unknown, path: FieldPath): number[] {
  const order: number[] = [];
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      order.push(segment);
      current = current[segment];
    } else if (isObject(current) && typeof segment === 'string') {
      const index = Object.keys(current).indexOf(segment);
      order.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
      current = current[segment];
    } else {
      order.push(Number.MAX_SAFE_INTEGER);
      current = undefined;
    }
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/** Sorts `findings` in place by where their paths are in `data`. */
export function sortInDocumentOrder(findings: RuleFinding[], data: unknown): void {
  const order = new Map(findings.map((finding) => [finding, documentOrder(data, finding.path)]));
  findings.sort((a, b) => compareOrder(order.get(a) ?? [], order.get(b) ?? []));
}

/** The value at `path`, or undefined where the path leads nowhere. */
export function valueAtPath(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) ? current[segment] : undefined;
  }
  return current;
}
