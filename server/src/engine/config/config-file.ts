// The workspace config file `.podwise.yaml`: text in, settings and findings out. Pure (no file
// system): the CLI and the language server read the file and hand its text here. Whatever is
// wrong in the file is reported in it, with a range, as `config-invalid`; the valid parts still
// apply, so one typo does not switch the whole configuration off.
import { closest, distance } from 'fastest-levenshtein';
import { isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node, type Pair, type YAMLMap } from 'yaml';
import { isKnownRuleId, ALL_RULES } from '../rules';
import type { Finding, FieldPath, KubernetesVersion, OffsetRange, ResolvedFix } from '../types';
import { SUPPORTED_VERSIONS, isSupportedVersion } from '../versions';
import type { PodwiseSettings, RuleSetting } from '../../shared/settings';
import { MAX_GLOBS, globCostProblem } from './glob-safety';

// The glob limits belong to the config's public surface (the CLI and the tests read them).
export * from './glob-safety';

export const CONFIG_RULE_ID = 'config-invalid';

const TOP_LEVEL_KEYS = ['kubernetesVersion', 'rules', 'exclude', 'staticPodPaths', 'inlayHints', 'inlayHints.enabled'] as const;
const INLAY_HINT_KEYS = ['enabled'] as const;
const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/**
 * The language server parses `.podwise.yaml` on every keystroke while it is open, so its size and
 * shape are bounded. A real config is a few hundred bytes with at most one entry per rule (about
 * a hundred); past these limits the rest is ignored and one finding says so.
 */
export const MAX_CONFIG_SIZE = 1024 * 1024;
/** Entries under `rules` that are read (each unknown id is compared with every rule id). */
export const MAX_CONFIG_RULES = 1000;
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
      parser.report([], { start: 0, end: Math.min(text.length, 1) }, `This config file is ${(text.length / (1024 * 1024)).toFixed(1)} MB; Podwise reads config files of up to ${MAX_CONFIG_SIZE / (1024 * 1024)} MB, so none of it applies.`);
    } else {
      parser.run();
    }
  } catch (error) {
    // A bug here must not take the editor or the CLI down; say so in the file instead.
    parser.report([], { start: 0, end: Math.min(text.length, 1) }, `Podwise could not read this config file: ${(error as Error).message}`);
  }
  return { settings: parser.settings, findings: parser.cappedFindings() };
}

/** Checks one glob of `exclude` / `staticPodPaths`; returns the problem, or undefined when fine. */
export function globProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body.trim() === '') return 'An empty glob matches nothing.';
  if (/^([/\\]|[A-Za-z]:[/\\]|~)/.test(body)) {
    return `"${pattern}" is an absolute path. Globs in .podwise.yaml are relative to the folder that holds the file (for example "**/manifests/**").`;
  }
  if (body.split(/[/\\]/).includes('..')) {
    return `"${pattern}" leaves the workspace with "..". Globs in .podwise.yaml are confined to the folder that holds the file.`;
  }
  return globCostProblem(body.replace(/\\/g, '/'));
}

class ConfigParser {
  readonly settings: Partial<PodwiseSettings> = {};
  readonly findings: Finding[] = [];

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
        ? `Duplicate key "${this.text.slice(start, end).trim().replace(/^["']|["']$/g, '') || '?'}": only one of its values would apply. Remove or merge one of them.`
        : `YAML syntax error: ${firstLine(error.message ?? '')}.`;
      this.report([], { start, end: Math.max(end, start + 1) }, message);
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
    if (!isMap(root)) {
      this.report([], this.rangeOf(root), `The config must be a mapping of settings (${TOP_LEVEL_KEYS.slice(0, 5).join(', ')}).`);
      return;
    }
    for (const pair of root.items as Pair<Node, Node | null>[]) {
      const key = this.keyName(pair);
      if (key === undefined) {
        this.report([], this.rangeOf(pair.key), 'Keys in .podwise.yaml are plain strings.');
        continue;
      }
      switch (key) {
        case 'kubernetesVersion':
          this.readVersion(pair);
          break;
        case 'rules':
          this.readRules(pair);
          break;
        case 'exclude':
        case 'staticPodPaths':
          this.readGlobs(key, pair);
          break;
        case 'inlayHints':
          this.readInlayHints(pair);
          break;
        case 'inlayHints.enabled': {
          const enabled = this.readBoolean([key], pair.value, pair.key);
          if (enabled !== undefined) this.settings.inlayHints = { enabled };
          break;
        }
        default:
          this.unknownKey([key], pair.key as Node, key, TOP_LEVEL_KEYS, 'setting');
      }
    }
  }

  report(path: FieldPath, range: OffsetRange, message: string, fixes: ResolvedFix[] = []): void {
    this.findings.push({ ruleId: CONFIG_RULE_ID, severity: 'error', message, documentIndex: 0, path, range, fixes });
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

  private readVersion(pair: Pair<Node, Node | null>): void {
    const node = pair.value;
    const path = ['kubernetesVersion'];
    if (!isScalar(node) || node.value === null) {
      this.report(path, this.rangeOf(node ?? pair.key), `kubernetesVersion must be a version such as "${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}".`);
      return;
    }
    // `1.30` unquoted is the float 1.3 to YAML; the source text says what the person meant.
    const written = typeof node.value === 'number' && typeof node.source === 'string' ? node.source : String(node.value);
    const version = written.trim().replace(/^v/, '');
    if (typeof node.value !== 'string' && typeof node.value !== 'number') {
      this.report(path, this.rangeOf(node), `kubernetesVersion must be a version such as "1.33", not ${describe(node.value)}.`);
      return;
    }
    if (!isSupportedVersion(version)) {
      this.report(
        path,
        this.rangeOf(node),
        `Kubernetes version "${written}" is not supported: Podwise ships schemas for ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}.`,
      );
      return;
    }
    this.settings.kubernetesVersion = version as KubernetesVersion;
  }

  private readRules(pair: Pair<Node, Node | null>): void {
    const node = pair.value;
    if (node === null || (isScalar(node) && node.value === null)) return;
    if (!isMap(node)) {
      this.report(['rules'], this.rangeOf(node), 'rules must be a mapping of rule id to severity, for example "image-latest-tag: off".');
      return;
    }
    const rules: Record<string, RuleSetting> = {};
    const items = (node as YAMLMap<Node, Node | null>).items;
    if (items.length > MAX_CONFIG_RULES) {
      const first = items[MAX_CONFIG_RULES];
      this.report(
        ['rules'],
        this.rangeOf(first.key ?? node),
        `rules has ${items.length} entries; Podwise reads the first ${MAX_CONFIG_RULES} (there are ${ALL_RULES.length} rules) and ignores this one and the ones after it.`,
      );
    }
    for (const item of items.slice(0, MAX_CONFIG_RULES)) {
      const id = this.keyName(item);
      if (id === undefined) {
        this.report(['rules'], this.rangeOf(item.key), 'Rule ids are plain strings.');
        continue;
      }
      if (!isKnownRuleId(id)) {
        this.unknownKey(['rules', id], item.key as Node, id, ALL_RULES.map((rule) => rule.meta.id), 'rule id');
        continue;
      }
      const setting = this.readRuleSetting(['rules', id], item);
      if (setting !== undefined) rules[id] = setting;
    }
    this.settings.rules = rules;
  }

  private readRuleSetting(path: FieldPath, item: Pair<Node, Node | null>): RuleSetting | undefined {
    const node = item.value;
    const allowed = RULE_SETTINGS.join(', ');
    if (!isScalar(node) || node.value === null) {
      this.report(path, this.rangeOf(node ?? item.key), `A rule takes one of ${allowed}.`);
      return undefined;
    }
    if (node.value === false) return 'off'; // `rule: false` (or `off` read as YAML 1.1) means off
    if (typeof node.value !== 'string') {
      this.report(path, this.rangeOf(node), `A rule takes one of ${allowed}, not ${describe(node.value)}.`);
      return undefined;
    }
    const value = node.value.trim();
    if ((RULE_SETTINGS as readonly string[]).includes(value)) return value as RuleSetting;
    const suggestion = suggest(value.toLowerCase(), RULE_SETTINGS);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    this.report(path, this.rangeOf(node), `"${value}" is not a severity: use one of ${allowed}.${hint}`, suggestion ? [this.replaceFix(node, suggestion)] : []);
    return undefined;
  }

  private readGlobs(key: 'exclude' | 'staticPodPaths', pair: Pair<Node, Node | null>): void {
    const node = pair.value;
    if (node === null || (isScalar(node) && node.value === null)) {
      this.settings[key] = [];
      return;
    }
    const items: (Node | null)[] = isSeq(node) ? (node.items as (Node | null)[]) : isScalar(node) && typeof node.value === 'string' ? [node] : [];
    if (!isSeq(node) && items.length === 0) {
      this.report([key], this.rangeOf(node), `${key} must be a list of globs relative to this folder, for example ["generated/**"].`);
      return;
    }
    const globs: string[] = [];
    if (items.length > MAX_GLOBS) {
      const extra = items[MAX_GLOBS];
      this.report([key, MAX_GLOBS], this.rangeOf(extra ?? node), `${key} has ${items.length} globs; Podwise matches the first ${MAX_GLOBS} and ignores this one and the ones after it.`);
    }
    items.slice(0, MAX_GLOBS).forEach((item, index) => {
      const path = isSeq(node) ? [key, index] : [key];
      if (!isScalar(item) || typeof item.value !== 'string') {
        this.report(path, this.rangeOf(item ?? node), `Each entry of ${key} is a glob string, not ${describe(isScalar(item) ? item.value : item)}.`);
        return;
      }
      const problem = globProblem(item.value);
      if (problem) {
        this.report(path, this.rangeOf(item), problem);
        return;
      }
      globs.push(item.value);
    });
    this.settings[key] = globs;
  }

  private readInlayHints(pair: Pair<Node, Node | null>): void {
    const node = pair.value;
    if (!isMap(node)) {
      this.report(['inlayHints'], this.rangeOf(node ?? pair.key), 'inlayHints must be a mapping, for example "inlayHints: { enabled: false }".');
      return;
    }
    for (const item of (node as YAMLMap<Node, Node | null>).items) {
      const key = this.keyName(item);
      if (key === 'enabled') {
        const enabled = this.readBoolean(['inlayHints', 'enabled'], item.value, item.key);
        if (enabled !== undefined) this.settings.inlayHints = { enabled };
      } else if (key === undefined) {
        this.report(['inlayHints'], this.rangeOf(item.key), 'Keys in .podwise.yaml are plain strings.');
      } else {
        this.unknownKey(['inlayHints', key], item.key as Node, key, INLAY_HINT_KEYS, 'inlayHints setting');
      }
    }
  }

  private readBoolean(path: FieldPath, node: Node | null, keyNode: unknown): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    const value = isScalar(node) ? node.value : node;
    this.report(path, this.rangeOf(node ?? keyNode), `${path.join('.')} must be true or false, not ${describe(value)}.`);
    return undefined;
  }

  private unknownKey(path: FieldPath, keyNode: Node, name: string, candidates: readonly string[], what: string): void {
    const suggestion = suggest(name, candidates);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    const known = what === 'rule id' ? ' The rule ids are listed in docs/rules/.' : ` Known: ${candidates.join(', ')}.`;
    this.report(path, this.rangeOf(keyNode), `Unknown ${what} "${name}".${hint}${suggestion ? '' : known}`, suggestion ? [this.replaceFix(keyNode, suggestion)] : []);
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

const MAX_SUGGESTION_LENGTH = 100;

/** The closest candidate when it is close enough to be a likely typo. */
function suggest(name: string, candidates: readonly string[]): string | undefined {
  // A typo is about as long as what it misspells; comparing a 100 KB key with every rule id is waste.
  if (candidates.length === 0 || name.length > MAX_SUGGESTION_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const exactCase = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const best = closest(lower, candidates.map((candidate) => candidate.toLowerCase()));
  const match = candidates.find((candidate) => candidate.toLowerCase() === best);
  if (!match) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, match.length) / 3));
  if (distance(lower, best) <= limit) return match;
  if (match.toLowerCase().startsWith(lower) && lower.length >= 4) return match;
  return undefined;
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

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value) || isSeq(value)) return 'a list';
  if (isMap(value) || typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '').trim();
}
