// Merge keys (`<<`) whose value kubectl cannot merge. go-yaml (which sigs.k8s.io/yaml, and so
// kubectl, reads manifests with) accepts as the value of `<<` a mapping, an alias to a mapping,
// or a sequence whose items are each a mapping or an alias to one; anything else fails the whole
// document with "map merge requires map or sequence of maps as the value" (decode.go, `merge`).
// That covers `<<: 1`, `<<: "x"`, `<<:` (null), `<<: [1]`, `<<: [[...]]`, an alias to a scalar or
// to a sequence, and an alias to a sequence inside the sequence.
// https://github.com/go-yaml/yaml/blob/v2.4.0/decode.go#L769 (v3 decode.go: the same cases)
//
// `yaml` throws a different message for most of these from `toJS`, and accepts one of them
// (`<<: *anchorOfASequenceOfMaps`), so the document is checked here, before `toJS`.
import { isAlias, isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { YamlProblem } from './yaml-problem';

export const MERGE_VALUE_CODE = 'MERGE_NOT_MAPPING';

/** A merge key as `yaml` resolves it in YAML 1.1: a plain `<<` scalar whose value is a symbol. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/**
 * Every merge value go-yaml rejects, on the offending node (the item, alias or scalar; the `<<`
 * key when the value is empty). Anchors are followed in document order, as YAML resolves them:
 * an alias names the latest anchor before it. Unresolved and recursive aliases are reported
 * elsewhere (parse.ts) and skipped here.
 */
export function findMergeErrors(document: Document.Parsed, text: string): YamlProblem[] {
  // A document without `<<` has no merge key: skip the walk.
  if (!text.includes('<<')) return [];
  const problems: YamlProblem[] = [];
  const anchors = new Map<string, unknown>();
  /** Aliases (direct values or sequence items of `<<`) checked when the walk reaches them. */
  const pendingAliases = new Map<unknown, 'value' | 'item'>();
  const report = (node: Node | null | undefined, fallback: Node, what: string): void => {
    const range = node?.range ?? fallback.range ?? [0, 0, 0];
    problems.push({
      code: MERGE_VALUE_CODE,
      message: `The merge key "<<" takes a mapping, an alias to a mapping, or a list of them, but here it gets ${what}; kubectl rejects the document ("map merge requires map or sequence of maps as the value")`,
      start: range[0],
      end: Math.max(range[1], range[0] + 1),
    });
  };
  visit(document, {
    Pair(_key, pair) {
      if (!isMergeKey(pair.key)) return;
      const key = pair.key as Node;
      const value = pair.value as Node | null;
      if (value === null || value === undefined) return report(null, key, 'nothing');
      if (isMap(value)) return;
      if (isAlias(value)) {
        pendingAliases.set(value, 'value');
        return;
      }
      if (isSeq(value)) {
        for (const item of value.items) {
          if (isMap(item)) continue;
          if (isAlias(item)) pendingAliases.set(item, 'item');
          else report(item as Node, value, isSeq(item) ? 'a list inside the list' : describeScalar(item));
        }
        return;
      }
      // `<<:` with nothing after it: an empty scalar with an empty range, so the key is marked.
      const empty = isScalar(value) && value.value === null && value.range?.[0] === value.range?.[1] && value.range != null;
      report(empty ? key : value, key, describeScalar(value));
    },
    Node(_key, node) {
      if (isAlias(node)) {
        const role = pendingAliases.get(node);
        if (role === undefined) return;
        const source = anchors.get(node.source);
        if (source === undefined || isMap(source)) return;
        const aliased = isSeq(source) ? 'a list' : 'a scalar';
        report(node, node, `the alias *${node.source}, which names ${aliased}${role === 'item' ? ' (inside the list)' : ''}`);
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return problems;
}

function describeScalar(node: unknown): string {
  if (!isScalar(node)) return 'a value that is not a mapping';
  const value = node.value;
  if (value === null) return 'null';
  const text = String(value);
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  if (typeof value === 'string') return `the string ${JSON.stringify(shown)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${shown}`;
  if (typeof value === 'boolean') return `the boolean ${shown}`;
  return `the scalar ${shown}`;
}
