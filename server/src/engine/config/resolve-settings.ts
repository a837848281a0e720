// Settings layers and path globs. Precedence, lowest first: built-in defaults < editor settings
// < `.podwise.yaml` < CLI flags (docs/configuration.md). Pure: paths are strings relative to the
// workspace root (or the folder of `.podwise.yaml`), with `/` separators.
import picomatch from 'picomatch';
import type { Finding } from '../types';
import type { PodwiseSettings } from '../../shared/settings';
import { MAX_MATCHED_GLOBS, globCostProblem, pathTooLongForGlobs } from './glob-safety';

/**
 * Merges layers over `base`, later layers winning. Scalars (kubernetesVersion, podSecurity, inlayHints.enabled)
 * are replaced; `rules` merge per rule id; the glob lists `exclude` and `staticPodPaths` add up
 * (a `!glob` entry removes matches, so a later layer can take back an earlier glob).
 */
export function mergeSettings(base: PodwiseSettings, ...layers: (Partial<PodwiseSettings> | undefined | null)[]): PodwiseSettings {
  const result: PodwiseSettings = {
    kubernetesVersion: base.kubernetesVersion,
    rules: { ...base.rules },
    exclude: [...base.exclude],
    staticPodPaths: [...base.staticPodPaths],
    inlayHints: { ...base.inlayHints },
    podSecurity: base.podSecurity,
    workspaceIsComplete: base.workspaceIsComplete,
    crds: [...base.crds],
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.kubernetesVersion !== undefined) result.kubernetesVersion = layer.kubernetesVersion;
    if (layer.rules) Object.assign(result.rules, layer.rules);
    if (layer.exclude) result.exclude = union(result.exclude, layer.exclude);
    if (layer.staticPodPaths) result.staticPodPaths = union(result.staticPodPaths, layer.staticPodPaths);
    if (layer.podSecurity !== undefined) result.podSecurity = layer.podSecurity;
    if (layer.workspaceIsComplete !== undefined) result.workspaceIsComplete = layer.workspaceIsComplete;
    if (layer.crds) result.crds = union(result.crds, layer.crds);
    if (layer.inlayHints && typeof layer.inlayHints.enabled === 'boolean') result.inlayHints = { enabled: layer.inlayHints.enabled };
  }
  return result;
}

/**
 * Rule overrides on findings made outside the engine's analysis (a config file's own
 * `config-invalid` findings). Overrides apply to every rule id, `config-invalid` included, in the
 * CLI and in the editor alike: `off` drops the finding, a severity replaces its own.
 */
export function applyRuleOverrides(findings: readonly Finding[], rules: PodwiseSettings['rules']): Finding[] {
  const result: Finding[] = [];
  for (const finding of findings) {
    const setting = rules[finding.ruleId];
    if (setting === 'off') continue;
    result.push(setting ? { ...finding, severity: setting } : finding);
  }
  return result;
}

/** True when the file at `relPath` is read by the kubelet as a static-Pod manifest (by the globs). */
export function isStaticPodPath(relPath: string, settings: Pick<PodwiseSettings, 'staticPodPaths'>): boolean {
  return matchesGlobs(relPath, settings.staticPodPaths);
}

/** True when the file at `relPath` is excluded from checking. */
export function isExcluded(relPath: string, settings: Pick<PodwiseSettings, 'exclude'>): boolean {
  return matchesGlobs(relPath, settings.exclude);
}

/**
 * A path matches a list when a plain glob matches it (or one of its parent folders, so `vendor`
 * and `vendor/` cover everything below) and no `!glob` does. Dotfiles and dot-folders match too.
 * A glob over the cost limits of `glob-safety.ts` matches nothing (`.podwise.yaml` reports it), nor
 * does any glob past the first MAX_MATCHED_GLOBS, nor any glob for a path no file system has (see
 * MAX_PATH_LENGTH). Results are remembered per glob list, so the server, which asks on every
 * check of a file, matches a path once.
 */
export function matchesGlobs(relPath: string, allGlobs: readonly string[]): boolean {
  if (allGlobs.length === 0) return false;
  const globs = allGlobs.length > MAX_MATCHED_GLOBS ? allGlobs.slice(0, MAX_MATCHED_GLOBS) : allGlobs;
  const path = normalizePath(relPath);
  if (path === '' || pathTooLongForGlobs(path)) return false;
  const listKey = globs.join('\u0000');
  let results = memo.get(listKey);
  if (!results) {
    if (memo.size >= MEMO_LISTS) memo.clear();
    results = new Map();
    memo.set(listKey, results);
  }
  let result = results.get(path);
  if (result === undefined) {
    result = matchUncached(path, globs);
    if (results.size >= MEMO_PATHS) results.clear();
    results.set(path, result);
  }
  return result;
}

/** Glob lists (settings layers change rarely) and paths per list remembered by matchesGlobs. */
const MEMO_LISTS = 16;
const MEMO_PATHS = 5000;
const memo = new Map<string, Map<string, boolean>>();

function matchUncached(path: string, globs: readonly string[]): boolean {
  const candidates = withParents(path);
  let matched = false;
  for (const glob of globs) {
    if (glob.startsWith('!')) continue;
    if (candidates.some(matcherFor(glob))) {
      matched = true;
      break;
    }
  }
  if (!matched) return false;
  return !globs.some((glob) => glob.startsWith('!') && candidates.some(matcherFor(glob.slice(1))));
}

/** Posix separators, no leading `./` or `/` (a path outside the workspace is matched from its root). */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^[A-Za-z]:\//, '')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+/g, '/')
    .replace(/\/$/, '');
}

function withParents(path: string): string[] {
  const result = [path];
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) result.push(path.slice(0, slash));
  return result;
}

const matchers = new Map<string, (path: string) => boolean>();
const never = (): boolean => false;

function matcherFor(glob: string): (path: string) => boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    const pattern = trimTrailingSlashes(glob.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
    if (pattern === '' || globCostProblem(pattern) !== undefined) {
      matcher = never;
    } else {
      try {
        const compiled = picomatch(pattern, { dot: true });
        matcher = (candidate: string) => compiled(candidate);
      } catch {
        matcher = never; // picomatch refuses some malformed globs; such a glob matches nothing
      }
    }
    if (matchers.size > 2000) matchers.clear();
    matchers.set(glob, matcher);
  }
  return matcher;
}

/** Without trailing `/` (a loop: `/\/+$/` rescans every run of slashes from each of its slashes). */
function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end -= 1;
  return text.slice(0, end);
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
