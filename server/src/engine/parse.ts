// Parses one document chunk with `yaml`, as Kubernetes reads it: YAML 1.1 (sigs.k8s.io/yaml is
// built on go-yaml, so `yes`/`on` are booleans and `0755` is octal), unique keys.
//
// Limits (limits.ts): a document nested deeper than MAX_NESTING_DEPTH is not checked (`limit`
// says so), and neither is one whose aliases expand past MAX_ALIAS_EXPANSION or cost more than
// MAX_ALIAS_RESOLUTION_WORK to resolve (`valueError`). A recursive or unresolved alias, or a merge
// key (`<<`) whose value is not a mapping (merge-keys.ts), is a YAML error, as it is for kubectl.
import { Document, isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, YAMLMap, YAMLParseError } from 'yaml';
import { malformedSeparator, type DocumentChunk } from './document-split';
import { asString, isObject, type JsonValue } from './json';
import { MAX_ALIAS_EXPANSION, MAX_ALIAS_RESOLUTION_WORK, MAX_NESTING_DEPTH } from './limits';
import { findMergeErrors } from './merge-keys';
import type { YamlProblem } from './yaml-problem';

// `uniqueKeys` is off: `yaml` checks it by comparing each key with every earlier key of its
// mapping (20,000 keys: 3 s; a 5 MB ConfigMap: hours). measureTree finds the same duplicates in
// one pass and reports them as `yaml` would (DUPLICATE_KEY).
const PARSE_OPTIONS = { version: '1.1', uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, logLevel: 'error' } as const;

// Its own module: merge-keys.ts reports them too, and importing it from here made a cycle.
export type { YamlProblem } from './yaml-problem';

export type DocumentKind =
  /** Has apiVersion and kind: a Kubernetes object. */
  | 'kubernetes'
  /** Any other YAML (GitHub Actions, compose, Ansible…): left alone. */
  | 'other'
  /** Helm/Jinja/Go template source: not YAML yet, left alone. */
  | 'template'
  /** Only comments or nothing. */
  | 'empty';

export interface ParsedChunk {
  text: string;
  document: Document.Parsed;
  /** Plain value of the document, or undefined when it could not be built (alias bomb). */
  value: JsonValue | undefined;
  kind: DocumentKind;
  apiVersion?: string;
  objectKind?: string;
  name?: string;
  errors: YamlProblem[];
  warnings: YamlProblem[];
  /** Set when the plain value could not be built, e.g. too many alias expansions. */
  valueError?: YamlProblem;
  /**
   * Set when the document is beyond a limit other than aliases (nesting depth): it is not
   * checked, `document` is empty, and the analyzer reports this message as a `yaml-limit` info.
   */
  limit?: YamlProblem;
}

let parses = 0;

/**
 * How many documents this process has parsed. The language server's debug request reports it, so
 * tests prove that editor features read the snapshot's parses instead of parsing again.
 */
export function parseCount(): number {
  return parses;
}

export function parseChunk(chunk: Pick<DocumentChunk, 'text'>): ParsedChunk {
  parses += 1;
  const text = chunk.text;
  // A malformed separator line (document-split.ts) is one problem, not a cascade: it is reported
  // and the document is read as if the line were blank (same offsets).
  const separators = malformedSeparators(text);
  const source = separators.length === 0 ? text : blankRanges(text, separators);
  let document: Document.Parsed;
  try {
    document = withoutStackTraces(() => parseDocument(source, PARSE_OPTIONS));
  } catch (error) {
    // `yaml` catches its own stack overflows (RESOURCE_EXHAUSTION, below); this is the backstop.
    if (isStackOverflow(error)) return tooDeep(text, false);
    throw error;
  }
  const tree = measureTree(document);
  if (tree.tooDeep || document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) return tooDeep(text, false);
  // Into the document's own errors, where `uniqueKeys: true` would have put them (the fix
  // resolver offers no fixes on a document with errors: which of two equal keys is meant?).
  // Alias errors (recursive, unresolved) likewise: kubectl rejects the document.
  for (const problem of [...tree.duplicateKeys, ...tree.aliasErrors]) {
    document.errors.push(withoutStackTraces(() => new YAMLParseError([problem.start, problem.end], problem.code as never, problem.message)));
  }
  const errors = [...separators, ...document.errors.map(toProblem)];
  const warnings = document.warnings.map(toProblem);
  let value: JsonValue | undefined;
  let valueError: YamlProblem | undefined;
  const aliasLimit = (message: string): YamlProblem => ({ code: 'ALIAS_LIMIT', message, start: 0, end: Math.min(text.length, firstLineEnd(text)) });
  if (tree.aliasErrors.length > 0) {
    // kubectl rejects these (in `errors` above); the plain value would be circular or
    // incomplete, so it is not built.
  } else if (tree.expandedDepth > MAX_NESTING_DEPTH) {
    return tooDeep(text, true);
  } else if (tree.expandedNodes - tree.nodes > MAX_ALIAS_EXPANSION) {
    valueError = aliasLimit(`aliases add ${tree.expandedNodes - tree.nodes} nodes, more than ${MAX_ALIAS_EXPANSION}`);
  } else if (tree.aliases * (tree.aliases + tree.anchors) > MAX_ALIAS_RESOLUTION_WORK) {
    valueError = aliasLimit(`${tree.aliases} aliases and ${tree.anchors} anchors cost too much to resolve`);
  } else {
    // A merge key kubectl cannot merge (`<<: 1`) fails the whole document for kubectl: a YAML
    // error on the offending node, and no plain value (as for the alias errors above).
    const valueProblems = findMergeErrors(document, text);
    if (valueProblems.length === 0) {
      try {
        // Aliases were measured above, exactly: `yaml`'s own alias count would re-walk the whole
        // document for each anchor that holds an alias (seconds for a 20 KB chain of anchors).
        value = document.toJS({ maxAliasCount: -1 }) as JsonValue;
      } catch (error) {
        if (isStackOverflow(error)) return tooDeep(text, true);
        // Alias limits were decided above, so this is not one: the document has no plain value,
        // as kubectl would fail to decode it. Reported as a YAML error on the first line.
        const message = error instanceof Error ? error.message : String(error);
        valueProblems.push({ code: 'VALUE_ERROR', message: `The document could not be read as data: ${message}`, start: 0, end: Math.min(text.length, firstLineEnd(text)) });
      }
    }
    for (const problem of valueProblems) {
      document.errors.push(withoutStackTraces(() => new YAMLParseError([problem.start, problem.end], problem.code as never, problem.message)));
      errors.push(problem);
    }
  }
  const parsed: ParsedChunk = { text, document, value, kind: 'other', errors, warnings, valueError };
  parsed.kind = classify(parsed);
  if (parsed.kind === 'kubernetes' && isObject(value)) {
    parsed.apiVersion = asString(value.apiVersion);
    parsed.objectKind = asString(value.kind);
    const metadata = value.metadata;
    parsed.name = isObject(metadata) ? asString(metadata.name) : undefined;
  }
  return parsed;
}

function classify(parsed: ParsedChunk): DocumentKind {
  if (looksLikeTemplate(parsed)) return 'template';
  const contents = parsed.document.contents;
  if (contents === null && parsed.errors.length === 0) return 'empty';
  const value = parsed.value;
  if (isObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string' && isKubernetesApiVersion(value.apiVersion)) return 'kubernetes';
  return 'other';
}

/**
 * `group/version`, or a core-group version (`v1`, `v2beta1`, a typed `V1` too). A slash-less
 * apiVersion of another shape is some other tool's YAML with the same two keys (kustomize's
 * `apiVersion: builtin` transformers, `apiVersion: 2` of other formats): not a Kubernetes object.
 * https://kubernetes.io/docs/reference/using-api/#api-groups
 */
function isKubernetesApiVersion(apiVersion: string): boolean {
  return apiVersion.includes('/') || /^v\d/i.test(apiVersion.trim());
}

/**
 * Helm and Jinja sources are templates, not YAML: `{{ .Values.x }}` in a value position parses
 * as a flow mapping whose key is a flow mapping, and control lines (`{{- if }}`, `{% for %}`)
 * often break the syntax. Text with `{{` inside quoted strings or block scalars (Prometheus
 * alert annotations, Argo CD notification templates) is ordinary YAML and is checked.
 */
function looksLikeTemplate(parsed: ParsedChunk): boolean {
  const text = parsed.text;
  if (!text.includes('{{') && !text.includes('{%')) return false;
  if (parsed.errors.length > 0) return true;
  // `{{-  - if`: one optional `-` after the blanks, written so that no two `[ \t]*` can trade
  // blanks (`[ \t]*-?[ \t]*` retried every split of a long run of spaces: seconds per document).
  if (/^[ \t]*\{[{%]-?[ \t]*(?:-[ \t]*)?(if|else|end|range|with|define|for|endfor|endif|include|template|block)\b/m.test(text)) {
    return true;
  }
  let templated = false;
  visit(parsed.document, {
    Map(_key, node: YAMLMap) {
      if (node.flow && node.items.some((pair) => isPair(pair) && isMap(pair.key))) {
        templated = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Seq(_key, node) {
      if (isSeq(node) && node.flow && node.items.some((item) => isMap(item) && item.flow && item.items.some((p) => isMap(p.key)))) {
        templated = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return templated;
}

/**
 * Runs `create` with V8's stack capture off. `yaml` reports every syntax error as an Error object
 * (YAMLParseError, YAMLWarning) kept in `document.errors`, and the parsed document is cached for
 * as long as its text is unchanged. V8 keeps an unformatted stack as structured frames that hold
 * each frame's function and receiver, including the analyzer's closure over the whole previous
 * version of the file, so a cached document kept every earlier version of the file alive (heap
 * growing by ~0.1 MB per keystroke, without ceiling). Nobody reads these stacks: only code,
 * message and position are used. https://v8.dev/docs/stack-trace-api
 */
function withoutStackTraces<T>(create: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return create();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function toProblem(error: { code: string; message: string; pos: [number, number] }): YamlProblem {
  return { code: error.code, message: error.message, start: error.pos[0], end: error.pos[1] };
}

/** Malformed document separators at column 0 (`----`, `--- -`, `-- -`), as BAD_SEPARATOR problems. */
function malformedSeparators(text: string): YamlProblem[] {
  if (!text.startsWith('--') && !text.includes('\n--')) return [];
  const problems: YamlProblem[] = [];
  for (const match of text.matchAll(/^--[ \t-]*\r?$/gm)) {
    const line = malformedSeparator(match[0]);
    if (line === undefined) continue;
    problems.push({
      code: 'BAD_SEPARATOR',
      message: `"${line}" is not a document separator; ${line.startsWith('---') ? 'kubectl answers "invalid Yaml document separator"' : 'kubectl reads it as YAML content and fails'}: write "---" alone on the line`,
      start: match.index,
      end: match.index + line.length,
    });
  }
  return problems;
}

/** The text with each range replaced by spaces: offsets, lines and columns stay the same. */
function blankRanges(text: string, ranges: readonly YamlProblem[]): string {
  let out = '';
  let at = 0;
  for (const range of ranges) {
    out += text.slice(at, range.start) + ' '.repeat(range.end - range.start);
    at = range.end;
  }
  return out + text.slice(at);
}

function firstLineEnd(text: string): number {
  const newline = text.indexOf('\n');
  return newline === -1 ? text.length : newline;
}

/**
 * A document nested deeper than MAX_NESTING_DEPTH: nothing of it is checked, and nothing walks
 * its tree (an empty document stands in), so no recursion can overflow the stack later.
 */
function tooDeep(text: string, throughAliases: boolean): ParsedChunk {
  const document = parseDocument('', PARSE_OPTIONS);
  const how = throughAliases ? ' once its aliases are expanded' : '';
  const limit: YamlProblem = {
    code: 'DEPTH_LIMIT',
    message: `This document was not checked: it is nested more than ${MAX_NESTING_DEPTH} levels deep${how} (collections inside collections), beyond what Podwise analyses.`,
    start: 0,
    end: Math.min(text.length, firstLineEnd(text)),
  };
  return { text, document, value: undefined, kind: 'other', errors: [], warnings: [], limit };
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

interface TreeShape {
  /** Deeper than MAX_NESTING_DEPTH without aliases (the walk stops there). */
  tooDeep: boolean;
  /** Nodes of the tree (scalars, collections, aliases), each alias counted once. */
  nodes: number;
  /** Nodes of the tree read with every alias replaced by what it names. */
  expandedNodes: number;
  /** Nesting depth with every alias replaced by what it names. */
  expandedDepth: number;
  aliases: number;
  anchors: number;
  /** Recursive and unresolved aliases, which go-yaml (kubectl) rejects. */
  aliasErrors: YamlProblem[];
  /** Keys that repeat an earlier key of their mapping (the second and later ones). */
  duplicateKeys: YamlProblem[];
}

/**
 * Duplicate keys as `yaml`'s `uniqueKeys: true` finds them: two scalar keys with the same
 * resolved value (`a` and "a", `1` and `0x1`, `yes` and `true` in YAML 1.1, `~` and `null`).
 * Keys that are collections, aliases, NaN, dates or merge keys (`<<`, a new symbol each time)
 * never compare equal there, and are skipped here.
 */
function findDuplicateKeys(map: YAMLMap, out: YamlProblem[]): void {
  if (map.items.length < 2) return;
  const seen = new Set<unknown>();
  for (const pair of map.items) {
    const key = pair.key;
    if (!isScalar(key)) continue;
    const value = key.value;
    if ((typeof value === 'object' && value !== null) || typeof value === 'symbol' || Number.isNaN(value)) continue;
    if (!seen.has(value)) {
      seen.add(value);
      continue;
    }
    // The whole key (its source range, quotes included), so the finding names and covers it.
    const start = key.range?.[0] ?? 0;
    const end = Math.max(key.range?.[1] ?? start + 1, start + 1);
    out.push({ code: 'DUPLICATE_KEY', message: 'Map keys must be unique', start, end });
  }
}

interface Measure {
  size: number;
  height: number;
}

/**
 * One iterative pass over the node tree (no recursion, whatever the depth): its depth, its size
 * with and without alias expansion (each anchored node measured once, so a billion laughs costs
 * what its text costs), and the aliases that name no earlier anchor or a node that contains them.
 * Anchors are tracked in document order, as YAML resolves them (an alias names the latest anchor
 * before it); an anchored collection is complete when an alias after it names it.
 */
function measureTree(document: Document.Parsed): TreeShape {
  const shape: TreeShape = { tooDeep: false, nodes: 0, expandedNodes: 0, expandedDepth: 0, aliases: 0, anchors: 0, aliasErrors: [], duplicateKeys: [] };
  const anchors = new Map<string, unknown>();
  const measured = new Map<unknown, Measure>();
  /** Anchored collections being walked: an alias to one of them is recursive. */
  const open = new Set<unknown>();
  const frames: { node: { anchor?: string }; children: unknown[]; index: number; size: number; height: number }[] = [];
  const leaf: Measure = { size: 1, height: 0 };
  const none: Measure = { size: 0, height: 0 };
  /** Measures a scalar or an alias; enters a collection (returns undefined). */
  const enter = (node: unknown): Measure | undefined => {
    if (node === null || node === undefined) return none;
    shape.nodes += 1;
    if (isAlias(node)) {
      shape.aliases += 1;
      const source = anchors.get(node.source);
      const known = source === undefined ? undefined : measured.get(source);
      if (known) return known;
      const [start, end] = node.range ?? [0, 0];
      const name = node.source;
      shape.aliasErrors.push(
        source === undefined
          ? { code: 'UNRESOLVED_ALIAS', message: `The alias *${name} has no anchor &${name} before it; kubectl rejects it ("unknown anchor '${name}' referenced")`, start, end }
          : {
              code: 'RECURSIVE_ALIAS',
              message: `The alias *${name} is inside the node its anchor names; kubectl rejects a recursive alias ("anchor '${name}' value contains itself")`,
              start,
              end,
            },
      );
      return leaf;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      shape.anchors += 1;
      anchors.set(anchor, node);
    }
    if (!isCollection(node)) {
      if (anchor) measured.set(node, leaf);
      return leaf;
    }
    if (frames.length + 1 > MAX_NESTING_DEPTH) {
      shape.tooDeep = true;
      return none;
    }
    if (anchor) open.add(node);
    const children: unknown[] = [];
    for (const item of node.items as unknown[]) {
      if (isPair(item)) children.push(item.key, item.value);
      else children.push(item);
    }
    if (isMap(node)) findDuplicateKeys(node, shape.duplicateKeys);
    frames.push({ node: node as { anchor?: string }, children, index: 0, size: 1, height: 1 });
    return undefined;
  };
  let root = enter(document.contents);
  while (frames.length > 0 && !shape.tooDeep) {
    const frame = frames[frames.length - 1];
    if (frame.index < frame.children.length) {
      const child = frame.children[frame.index];
      frame.index += 1;
      const measure = enter(child);
      if (measure) {
        frame.size += measure.size;
        frame.height = Math.max(frame.height, measure.height + 1);
      }
      continue;
    }
    frames.pop();
    const measure: Measure = { size: frame.size, height: frame.height };
    if (frame.node.anchor) {
      open.delete(frame.node);
      measured.set(frame.node, measure);
    }
    const parent = frames[frames.length - 1];
    if (parent) {
      parent.size += measure.size;
      parent.height = Math.max(parent.height, measure.height + 1);
    } else {
      root = measure;
    }
  }
  shape.expandedNodes = root?.size ?? 0;
  shape.expandedDepth = root?.height ?? 0;
  return shape;
}
