// The workspace config file `.podwise.yaml`: text in, settings and findings out. Pure (no file
// system): the CLI and the language server read the file and hand its text here. Whatever is
// wrong in the file is reported in it, with a range, as `config-invalid`; the valid parts still
// apply, so one typo does not switch the whole configuration off. This module knows YAML (syntax,
// duplicate keys, where a key or value is); what the settings mean and which values are valid is
// normalizeSettings' (normalize-settings.ts), the same check as for editor settings and CLI flags.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import { clipText, MESSAGE_LIMIT } from '../k8s/phrasing';
import type { Finding, FieldPath, OffsetRange, ResolvedFix } from '../types';
import type { PodwiseSettings } from '../../shared/settings';
import { normalizeSettings, type SettingsProblem } from './normalize-settings';

// The glob limits and the settings check belong to the config's public surface (the CLI, the
// server and the tests read them).
export * from './glob-safety';
export * from './normalize-settings';
export * from './classify-file';

export const CONFIG_RULE_ID = 'config-invalid';

/**
 * The language server parses `.podwise.yaml` on every keystroke while it is open, so its size and
 * shape are bounded. A real config is a few hundred bytes with at most one entry per rule (about
 * a hundred); past these limits the rest is ignored and one finding says so.
 */
export const MAX_CONFIG_SIZE = 1024 * 1024;
/** Findings reported in one config file; past it, one more finding counts the rest. */
export const MAX_CONFIG_FINDINGS = 200;

export interface ConfigParseResult {
  settings: Partial<PodwiseSettings>;
  findings: Finding[];
}

/** Parses a `.podwise.yaml` text. Never throws. */
export function parseConfigFile(text: string): ConfigParseResult {
  const parser = new ConfigParser(text);
  try {
    if (text.length > MAX_CONFIG_SIZE) {
      parser.report(
        [],
        { start: 0, end: Math.min(text.length, 1) },
        `This config file is ${(text.length / (1024 * 1024)).toFixed(1)} MB; Podwise reads config files of up to ${MAX_CONFIG_SIZE / (1024 * 1024)} MB, so none of it applies.`,
      );
    } else {
      parser.run();
    }
  } catch (error) {
    // A bug here must not take the editor or the CLI down; say so in the file instead.
    parser.report([], { start: 0, end: Math.min(text.length, 1) }, `Podwise could not read this config file: ${(error as Error).message}`);
  }
  return { settings: parser.settings, findings: parser.cappedFindings() };
}

/** Collections below this depth are not read: settings are at most a mapping of mappings. */
const MAX_PLAIN_DEPTH = 3;

class ConfigParser {
  readonly settings: Partial<PodwiseSettings> = {};
  readonly findings: Finding[] = [];
  private document: Document.Parsed | undefined;

  constructor(private readonly text: string) {}

  run(): void {
    if (this.text.trim() === '') return;
    // `uniqueKeys` is off: `yaml` checks it by comparing each key with every earlier key of its
    // mapping, quadratic (20,000 rules: seconds per keystroke). duplicateKeys finds the same in one pass.
    const documents = parseAllDocuments(this.text, { prettyErrors: false, uniqueKeys: false, strict: false });
    if (!Array.isArray(documents) || documents.length === 0) return;
    const document = documents[0];
    const problems: { code: string; pos: [number, number]; message?: string }[] = [
      ...document.errors.map((error) => ({ code: error.code as string, pos: error.pos, message: error.message })),
      ...duplicateKeys(document.contents),
    ];
    problems.sort((a, b) => a.pos[0] - b.pos[0]);
    for (const error of problems) {
      const duplicate = error.code === 'DUPLICATE_KEY';
      const [start, end] = duplicate ? this.keyAt(error.pos[0], error.pos[1]) : error.pos;
      const message = duplicate
        ? `Duplicate key "${
            this.text
              .slice(start, end)
              .trim()
              .replace(/^["']|["']$/g, '') || '?'
          }": only one of its values would apply`
        : clipText(`YAML syntax error: ${firstLine(error.message ?? '')}.`, MESSAGE_LIMIT);
      this.report([], { start, end: Math.max(end, start + 1) }, message, [], duplicate ? 'Remove or merge one of them.' : undefined);
      if (!duplicate) return; // A broken file: the first error is the useful one, the rest cascade.
    }
    if (documents.length > 1) {
      const start = documents[1].range[0];
      const marker = this.text.lastIndexOf('---', start);
      const at = marker >= 0 ? marker : start;
      this.report([], { start: at, end: Math.max(at + 3, start) }, 'A .podwise.yaml file holds one YAML document; everything after this "---" is ignored.');
    }
    const root = document.contents;
    if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return;
    this.document = document;
    const raw = this.plain(root, 0, true);
    const { settings, problems: settingProblems } = normalizeSettings('config-file', raw);
    Object.assign(this.settings, settings);
    for (const problem of settingProblems) this.place(problem);
  }
  report(path: FieldPath, range: OffsetRange, message: string, fixes: ResolvedFix[] = [], detail?: string): void {
    this.findings.push({ ruleId: CONFIG_RULE_ID, severity: 'error', message, ...(detail !== undefined ? { detail } : {}), documentIndex: 0, path, range, fixes });
  }

  /** The findings, at most MAX_CONFIG_FINDINGS of them plus one that counts the rest. */
  cappedFindings(): Finding[] {
    if (this.findings.length <= MAX_CONFIG_FINDINGS) return this.findings;
    const kept = this.findings.slice(0, MAX_CONFIG_FINDINGS);
    const next = this.findings[MAX_CONFIG_FINDINGS];
    const more = this.findings.length - MAX_CONFIG_FINDINGS;
    kept.push({ ...next, path: [], fixes: [], message: `${more} more problems in this config file are not listed; fix the ones above first.` });
    return kept;
  }

  /**
   * The plain value of a node for normalizeSettings, as deep as settings go (a mapping of
   * mappings of scalars): deeper collections become an empty `{}` or `[]`, which is all a
   * message needs ("not a mapping"), and a deeply nested file costs nothing here. Keys that are
   * not scalars are reported (YAML allows `? [a]: b`; settings have names). Keys are defined as
   * own properties, so a `__proto__` key is a key like any other.
   */
  private plain(node: unknown, depth: number, top = false): unknown {
    if (isAlias(node)) return depth < MAX_PLAIN_DEPTH && this.document ? this.plain(node.resolve(this.document), depth + 1) : null;
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return depth >= MAX_PLAIN_DEPTH ? [] : node.items.map((item) => this.plain(item, depth + 1));
    if (!isMap(node)) return node ?? null;
    const result: Record<string, unknown> = {};
    if (depth >= MAX_PLAIN_DEPTH) return result;
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const key = this.keyName(pair);
      if (key === undefined) {
        this.report([], this.rangeOf(pair.key), 'Keys in .podwise.yaml are plain strings.');
        continue;
      }
      let value = this.plain(pair.value, depth + 1);
      // `kubernetesVersion: 1.30` unquoted is the float 1.3 to YAML; the source says what was meant.
      if (top && key === 'kubernetesVersion' && isScalar(pair.value) && typeof pair.value.value === 'number' && typeof pair.value.source === 'string') {
        value = pair.value.source;
      }
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  /** Reports a settings problem on the key or value it is about, with its did-you-mean as a fix. */
  private place(problem: SettingsProblem): void {
    const { node, key } = this.locate(problem.at.path);
    const target = problem.at.target === 'key' && key ? key : (node ?? key);
    const fixes = problem.replacement !== undefined && target ? [this.replaceFix(target, problem.replacement)] : [];
    this.report(problem.path, this.rangeOf(target), problem.message, fixes, problem.detail);
  }

  /** The node at `path` (and the key it is under); the last of duplicate keys, as it applies. */
  private locate(path: FieldPath): { node?: Node; key?: Node } {
    let node: unknown = this.document?.contents;
    let key: Node | undefined;
    for (const segment of path) {
      if (typeof segment === 'number' && isSeq(node)) {
        const item: unknown = node.items[segment];
        if (!item) break;
        node = item;
        key = undefined;
      } else if (isMap(node)) {
        const pairs = (node.items as Pair<Node, Node | null>[]).filter((pair) => this.keyName(pair) === String(segment));
        const pair = pairs[pairs.length - 1];
        if (!pair) break;
        key = pair.key;
        node = pair.value ?? undefined;
        if (node === undefined) break;
      } else {
        break;
      }
    }
    return { node: (node ?? undefined) as Node | undefined, key };
  }

  private replaceFix(node: Node, replacement: string): ResolvedFix {
    const range = this.rangeOf(node);
    return { title: `Change to "${replacement}"`, edits: [{ range, newText: replacement }], preferred: true, safe: false };
  }

  /**
   * The whole key that starts at `start` (the duplicate check points at its first character only):
   * a quoted key, or the text up to the `:` that ends the key, without the blanks before it.
   * A scan, not a regex: `[^:#]*?\s*:` retried the blanks from every character of a long key.
   */
  private keyAt(start: number, end: number): [number, number] {
    const newline = this.text.indexOf('\n', start);
    const lineEnd = newline === -1 ? this.text.length : newline;
    const keyEnd = this.quotedKeyEnd(start, lineEnd) ?? this.plainKeyEnd(start, lineEnd);
    return keyEnd !== undefined && keyEnd > start ? [start, keyEnd] : [start, end];
  }

  /** End of `"key"` / `'key'` at `start` when a `:` and a blank (or the line end) follow it. */
  private quotedKeyEnd(start: number, lineEnd: number): number | undefined {
    const quote = this.text[start];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = this.text.indexOf(quote, start + 1);
    if (close === -1 || close >= lineEnd) return undefined;
    let colon = close + 1;
    while (colon < lineEnd && isBlank(this.text.charCodeAt(colon))) colon += 1;
    return this.endsKey(colon, lineEnd) ? close + 1 : undefined;
  }

  /**
   * End of a plain key at `start`: before the first `:` that a blank or the line end follows (a
   * plain scalar may hold `a:b`), with no ` #` comment before it, blanks trimmed.
   */
  private plainKeyEnd(start: number, lineEnd: number): number | undefined {
    let colon = start;
    while (colon < lineEnd && !this.endsKey(colon, lineEnd)) {
      if (this.text[colon] === '#' && colon > start && isBlank(this.text.charCodeAt(colon - 1))) return undefined;
      colon += 1;
    }
    if (colon >= lineEnd) return undefined;
    let keyEnd = colon;
    while (keyEnd > start && isBlank(this.text.charCodeAt(keyEnd - 1))) keyEnd -= 1;
    return keyEnd;
  }

  /** A `:` at `colon` followed by a blank or the end of the line. */
  private endsKey(colon: number, lineEnd: number): boolean {
    if (colon >= lineEnd || this.text[colon] !== ':') return false;
    return colon + 1 >= lineEnd || isBlank(this.text.charCodeAt(colon + 1));
  }

  private keyName(pair: Pair<unknown, unknown>): string | undefined {
    const key = pair.key;
    if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
    return undefined;
  }

  private rangeOf(node: unknown): OffsetRange {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return { start: 0, end: Math.min(1, this.text.length) };
    const [start, end] = range;
    return { start, end: Math.max(end, start + 1) };
  }
}

/** Space, tab or carriage return: the blanks around a key on one line. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/**
 * Duplicate keys as `yaml`'s `uniqueKeys: true` reports them (two scalar keys with the same value
 * in one mapping, at the later key), in one pass with a Set per mapping. Iterative: a deeply
 * nested file must not overflow the stack here.
 */
function duplicateKeys(root: unknown): { code: string; pos: [number, number] }[] {
  const found: { code: string; pos: [number, number] }[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items) {
      stack.push(item);
      if (!seen || !isPair(item) || !isScalar(item.key)) continue;
      const value = item.key.value;
      if ((typeof value === 'object' && value !== null) || typeof value === 'symbol' || Number.isNaN(value)) continue;
      if (!seen.has(value)) {
        seen.add(value);
        continue;
      }
      const keyStart = item.key.range?.[0] ?? 0;
      found.push({ code: 'DUPLICATE_KEY', pos: [keyStart, keyStart + 1] });
    }
  }
  return found;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '')
    .trim();
}
