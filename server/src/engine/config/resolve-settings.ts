// Settings layers and path globs. Precedence, lowest first: built-in defaults < editor settings
// < `.podwise.yaml` < CLI flags (docs/configuration.md). Pure: paths are strings relative to the
// workspace root (or the folder of `.podwise.yaml`), with `/` separators.
import picomatch from 'picomatch';
import type { PodwiseSettings } from '../../shared/settings';

/**
 * Merges layers over `base`, later layers winning. Scalars (kubernetesVersion, inlayHints.enabled)
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
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.kubernetesVersion !== undefined) result.kubernetesVersion = layer.kubernetesVersion;
    if (layer.rules) Object.assign(result.rules, layer.rules);
    if (layer.exclude) result.exclude = union(result.exclude, layer.exclude);
    if (layer.staticPodPaths) result.staticPodPaths = union(result.staticPodPaths, layer.staticPodPaths);
    if (layer.inlayHints && typeof layer.inlayHints.enabled === 'boolean') result.inlayHints = { enabled: layer.inlayHints.enabled };
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
 */
export function matchesGlobs(relPath: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const path = normalizePath(relPath);
  if (path === '') return false;
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
  const parts = path.split('/');
  const result = [path];
  for (let i = parts.length - 1; i > 0; i -= 1) result.push(parts.slice(0, i).join('/'));
  return result;
}

const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(glob: string): (path: string) => boolean {
  let matcher = matchers.get(glob);
  if (!matcher) {
    const pattern = glob.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    const compiled = pattern === '' ? () => false : picomatch(pattern, { dot: true });
    matcher = (path: string) => compiled(path);
    if (matchers.size > 500) matchers.clear();
    matchers.set(glob, matcher);
  }
  return matcher;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
