// One validation of settings for every source: editor settings (workspace/configuration),
// `.podwise.yaml` (parsed to plain values by config-file.ts, which places the problems in the
// file) and CLI flags. Same input, same problems, same messages: only how a problem is shown
// differs (a `config-invalid` finding in the file, a warning in the editor, a usage error).
// The settings themselves are described once, in SETTINGS_SCHEMA (shared/settings.ts).
import { closest, distance } from 'fastest-levenshtein';
import { fitMessage, quoted } from '../k8s/phrasing';
import { ALL_RULES, isKnownRuleId } from '../rules';
import type { FieldPath, KubernetesVersion } from '../types';
import { SUPPORTED_VERSIONS, isSupportedVersion } from '../versions';
import { POD_SECURITY_LEVELS, RULE_SETTINGS, SETTINGS_SCHEMA, type PodSecurityLevel, type PodwiseSettings, type RuleSetting } from '../../shared/settings';
import { MAX_GLOBS, globCostProblem } from './glob-safety';

export type SettingsSource = 'editor' | 'config-file' | 'cli';

export interface SettingsProblem {
  /** The setting the problem is about, as a path in the raw value (`['rules', 'foo']`). */
  path: FieldPath;
  /** Where to show it: the key or the value at `at.path` (usually `path`). */
  at: { path: FieldPath; target: 'key' | 'value' };
  message: string;
  /** More about it when the message had to stay short (the known names, the limit's reason). */
  detail?: string;
  /** The likely intended key or value (did-you-mean), for a quick fix. */
  replacement?: string;
}

export interface NormalizedSettings {
  /** The valid parts: one bad entry does not switch the rest off. */
  settings: Partial<PodwiseSettings>;
  problems: SettingsProblem[];
}

/** Entries under `rules` that are read (each unknown id is compared with every rule id). */
export const MAX_CONFIG_RULES = 1000;

const TOP_LEVEL_KEYS: readonly string[] = [...SETTINGS_SCHEMA.map((spec) => spec.key.split('.')[0]), 'inlayHints.enabled'].filter((key, index, all) => all.indexOf(key) === index);
const INLAY_HINT_KEYS = ['enabled'] as const;

/**
 * Validates `raw` (the `podwise` section of the editor settings, the plain value of
 * `.podwise.yaml`, or the CLI's flags as the same shape). Never throws. `null` or `undefined`
 * is "nothing set". The checks and the problem list are the same for every source; the front
 * ends name the setting with settingName when they show a problem.
 */
export function normalizeSettings(source: SettingsSource, raw: unknown): NormalizedSettings {
  // `source` is part of the contract (callers say what they validate) but on purpose changes
  // nothing here: the same mistake gets the same problem wherever it was made.
  void source;
  const reader = new Reader();
  reader.read(raw);
  return { settings: reader.settings, problems: reader.problems };
}

/** How a problem's setting is named to the user of `source`: `podwise.rules.foo`, `rules.foo`, `--rule foo`. */
export function settingName(source: SettingsSource, path: FieldPath): string {
  const dotted = path.map(String).join('.');
  if (source === 'editor') return `podwise.${dotted}`;
  if (source === 'cli') {
    if (path[0] === 'rules') return path.length > 1 ? `--rule ${String(path[1])}` : '--rule';
    if (path[0] === 'kubernetesVersion') return '--kubernetes-version';
    if (path[0] === 'podSecurity') return '--pod-security';
    if (path[0] === 'workspaceIsComplete') return '--workspace-complete';
    if (path[0] === 'crds') return '--crd';
  }
  return dotted;
}

/** Checks one glob of `exclude` / `staticPodPaths`; returns the problem, or undefined when fine. */
export function globProblem(pattern: string): string | undefined {
  const body = pattern.startsWith('!') ? pattern.slice(1) : pattern;
  if (body.trim() === '') return 'An empty glob matches nothing.';
  if (/^([/\\]|[A-Za-z]:[/\\]|~)/.test(body)) {
    return `"${pattern}" is an absolute path. Globs are relative to the workspace folder (or the folder of .podwise.yaml); write "**/" in front to match anywhere, for example "**/etc/kubernetes/manifests/**".`;
  }
  if (body.split(/[/\\]/).includes('..')) {
    return `"${pattern}" leaves the workspace with "..". Globs are confined to the workspace folder (or the folder of .podwise.yaml).`;
  }
  return globCostProblem(body.replace(/\\/g, '/'));
}

class Reader {
  readonly settings: Partial<PodwiseSettings> = {};
  readonly problems: SettingsProblem[] = [];

  read(raw: unknown): void {
    if (raw === null || raw === undefined) return;
    if (!isRecord(raw)) {
      this.report([], 'value', `The settings must be a mapping of settings (${TOP_LEVEL_KEYS.slice(0, 5).join(', ')}), not ${describe(raw)}.`);
      return;
    }
    for (const [key, value] of Object.entries(raw)) {
      switch (key) {
        case 'kubernetesVersion':
          this.readVersion(value);
          break;
        case 'rules':
          this.readRules(value);
          break;
        case 'podSecurity':
          this.readPodSecurity(value);
          break;
        case 'exclude':
        case 'staticPodPaths':
          this.readGlobs(key, value);
          break;
        case 'inlayHints':
          this.readInlayHints(value);
          break;
        case 'workspaceIsComplete': {
          const complete = this.readBoolean([key], value);
          if (complete !== undefined) this.settings.workspaceIsComplete = complete;
          break;
        }
        case 'crds':
          this.readCrdPaths(value);
          break;
        case 'inlayHints.enabled': {
          const enabled = this.readBoolean([key], value);
          if (enabled !== undefined) this.settings.inlayHints = { enabled };
          break;
        }
        case 'trace':
        case 'trace.server':
          // `podwise.trace.server` is read by the VS Code client (vscode-languageclient), and
          // VS Code sends it with the rest of the `podwise` section: nothing for the server.
          break;
        default:
          this.unknownKey([key], key, TOP_LEVEL_KEYS, 'setting');
      }
    }
  }

  private report(path: FieldPath, target: 'key' | 'value', message: string, replacement?: string, at: FieldPath = path, detail?: string): void {
    this.problems.push({ path, at: { path: at, target }, message, ...(detail !== undefined ? { detail } : {}), ...(replacement !== undefined ? { replacement } : {}) });
  }

  private readVersion(value: unknown): void {
    const path = ['kubernetesVersion'];
    const latest = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.report(path, 'value', `kubernetesVersion must be a version such as "${latest}", not ${describe(value)}.`);
      return;
    }
    const written = String(value);
    const version = written.trim().replace(/^v/, '');
    if (!isSupportedVersion(version)) {
      this.report(path, 'value', `Kubernetes version "${written}" is not supported: Podwise ships schemas for ${SUPPORTED_VERSIONS[0]} to ${latest}.`);
      return;
    }
    this.settings.kubernetesVersion = version as KubernetesVersion;
  }

  private readPodSecurity(value: unknown): void {
    const allowed = POD_SECURITY_LEVELS.join(', ');
    // `podSecurity: off` is the boolean false to YAML 1.1 readers.
    const written = value === false ? 'off' : value;
    if (typeof written !== 'string') {
      this.report(['podSecurity'], 'value', `podSecurity takes one of ${allowed}, not ${describe(value)}.`);
      return;
    }
    const level = written.trim().toLowerCase();
    if ((POD_SECURITY_LEVELS as readonly string[]).includes(level)) {
      this.settings.podSecurity = level as PodSecurityLevel;
      return;
    }
    const suggestion = suggest(level, POD_SECURITY_LEVELS);
    this.report(['podSecurity'], 'value', `"${written}" is not a Pod Security level: use one of ${allowed}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`, suggestion);
  }

  private readRules(value: unknown): void {
    if (value === null || value === undefined) return;
    if (!isRecord(value)) {
      this.report(['rules'], 'value', 'rules must be a mapping of rule id to severity, for example "image-latest-tag: off".');
      return;
    }
    const rules: Record<string, RuleSetting> = {};
    const entries = Object.entries(value);
    if (entries.length > MAX_CONFIG_RULES) {
      this.report(
        ['rules'],
        'key',
        `rules has ${entries.length} entries; Podwise reads the first ${MAX_CONFIG_RULES} and ignores the rest`,
        undefined,
        ['rules', entries[MAX_CONFIG_RULES][0]],
        `There are ${ALL_RULES.length} rules; this entry and the ones after it are ignored.`,
      );
    }
    for (const [id, setting] of entries.slice(0, MAX_CONFIG_RULES)) {
      if (!isKnownRuleId(id)) {
        this.unknownKey(
          ['rules', id],
          id,
          ALL_RULES.map((rule) => rule.meta.id),
          'rule id',
        );
        continue;
      }
      const read = this.readRuleSetting(['rules', id], setting);
      if (read !== undefined) rules[id] = read;
    }
    this.settings.rules = rules;
  }

  private readRuleSetting(path: FieldPath, value: unknown): RuleSetting | undefined {
    const allowed = RULE_SETTINGS.join(', ');
    if (value === false) return 'off'; // `rule: false` (or `off` read as YAML 1.1) means off
    if (typeof value !== 'string') {
      this.report(path, 'value', `A rule takes one of ${allowed}, not ${describe(value)}.`);
      return undefined;
    }
    const setting = value.trim();
    if ((RULE_SETTINGS as readonly string[]).includes(setting)) return setting as RuleSetting;
    const suggestion = suggest(setting.toLowerCase(), RULE_SETTINGS);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    this.report(path, 'value', `"${setting}" is not a severity: use one of ${allowed}.${hint}`, suggestion);
    return undefined;
  }

  private readGlobs(key: 'exclude' | 'staticPodPaths', value: unknown): void {
    if (value === null || value === undefined) {
      this.settings[key] = [];
      return;
    }
    const list = Array.isArray(value);
    const items: unknown[] = list ? (value as unknown[]) : typeof value === 'string' ? [value] : [];
    if (!list && items.length === 0) {
      this.report([key], 'value', `${key} must be a list of globs, for example ["generated/**"].`);
      return;
    }
    if (items.length > MAX_GLOBS) {
      this.report([key, MAX_GLOBS], 'value', `${key} has ${items.length} globs; Podwise matches the first ${MAX_GLOBS} and ignores this one and the ones after it.`);
    }
    const globs: string[] = [];
    items.slice(0, MAX_GLOBS).forEach((item, index) => {
      const path = list ? [key, index] : [key];
      if (typeof item !== 'string') {
        this.report(path, 'value', `Each entry of ${key} is a glob string, not ${describe(item)}.`);
        return;
      }
      const problem = globProblem(item);
      if (problem) {
        this.report(path, 'value', problem);
        return;
      }
      globs.push(item);
    });
    this.settings[key] = globs;
  }

  /**
   * `crds`: files outside the workspace too, so absolute and `~/` paths are allowed (unlike
   * `exclude`); globs keep the cost limits. The index reads what they match, bounded.
   */
  private readCrdPaths(value: unknown): void {
    if (value === null || value === undefined) {
      this.settings.crds = [];
      return;
    }
    const list = Array.isArray(value);
    const items: unknown[] = list ? (value as unknown[]) : typeof value === 'string' ? [value] : [];
    if (!list && items.length === 0) {
      this.report(['crds'], 'value', 'crds must be a list of paths or globs, for example ["~/crds/*.yaml"].');
      return;
    }
    if (items.length > MAX_GLOBS) this.report(['crds', MAX_GLOBS], 'value', `crds has ${items.length} entries; Podwise reads the first ${MAX_GLOBS} and ignores the rest.`);
    const paths: string[] = [];
    items.slice(0, MAX_GLOBS).forEach((item, index) => {
      const path = list ? ['crds', index] : ['crds'];
      if (typeof item !== 'string' || item.trim() === '') {
        this.report(path, 'value', `Each entry of crds is a path or glob string, not ${typeof item === 'string' ? 'an empty string' : describe(item)}.`);
        return;
      }
      const problem = globCostProblem(item.replace(/\\/g, '/'));
      if (problem) {
        this.report(path, 'value', problem);
        return;
      }
      paths.push(item);
    });
    this.settings.crds = paths;
  }

  private readInlayHints(value: unknown): void {
    if (!isRecord(value)) {
      this.report(['inlayHints'], 'value', 'inlayHints must be a mapping, for example "inlayHints: { enabled: false }".');
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      if (key === 'enabled') {
        const enabled = this.readBoolean(['inlayHints', 'enabled'], item);
        if (enabled !== undefined) this.settings.inlayHints = { enabled };
      } else {
        this.unknownKey(['inlayHints', key], key, INLAY_HINT_KEYS, 'inlayHints setting');
      }
    }
  }

  private readBoolean(path: FieldPath, value: unknown): boolean | undefined {
    if (typeof value === 'boolean') return value;
    this.report(path, 'value', `${path.join('.')} must be true or false, not ${describe(value)}.`);
    return undefined;
  }

  private unknownKey(path: FieldPath, name: string, candidates: readonly string[], what: string): void {
    const suggestion = suggest(name, candidates);
    const hint = suggestion ? ` Did you mean "${suggestion}"?` : '';
    const known = what === 'rule id' ? 'The rule ids are listed in docs/rules/.' : `Known: ${candidates.join(', ')}.`;
    const full = `Unknown ${what} "${name}".${hint}${suggestion ? '' : ` ${known}`}`;
    // The known names stay in the message when they fit; otherwise they go to the detail.
    const message = fitMessage(full, `Unknown ${what} ${quoted(name)}.${hint}`);
    this.report(path, 'key', message, suggestion, path, message === full ? undefined : known);
  }
}

const MAX_SUGGESTION_LENGTH = 100;

/** The closest candidate when it is close enough to be a likely typo. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  // A typo is about as long as what it misspells; comparing a 100 KB key with every rule id is waste.
  if (candidates.length === 0 || name.length > MAX_SUGGESTION_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const exactCase = candidates.find((candidate) => candidate.toLowerCase() === lower);
  if (exactCase) return exactCase;
  const best = closest(
    lower,
    candidates.map((candidate) => candidate.toLowerCase()),
  );
  const match = candidates.find((candidate) => candidate.toLowerCase() === best);
  if (!match) return undefined;
  const limit = Math.max(2, Math.floor(Math.max(name.length, match.length) / 3));
  if (distance(lower, best) <= limit) return match;
  if (match.toLowerCase().startsWith(lower) && lower.length >= 4) return match;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value in words for a message: `empty`, `a list`, `a mapping`, `string "x"`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
