// What a file is, decided once for every front end (the CLI's `check` and the language server's
// settings both call classifyFile), so the same file gets the same findings in the terminal and
// in the editor. Pure: whether a file exists is asked through `probe`, which the front ends back
// with the file system (and a cache).
import type { PodwiseSettings } from '../../shared/settings';
import { matchesGlobs, normalizePath } from './resolve-settings';
import { kustomizeRoleOf, type KustomizeGraph } from '../kustomize/kustomize-graph';
import { KUSTOMIZATION_FILE_NAMES } from '../kustomize/kustomize-role';

/**
 * - `excluded`: an `exclude` glob matches; no findings.
 * - `helm-template`: below `<chart>/templates/` with a `Chart.yaml` in `<chart>`. A Go template,
 *   not a manifest, even when it holds no `{{ }}`: not checked (render it with `helm template`).
 * - `kustomization`: `kustomization.yaml`, `kustomization.yml` or `Kustomization`, kustomize's
 *   own file. Not a manifest the API server reads: only the kustomize rules check it.
 * - `kustomize-patch`: a file a known kustomization lists as a patch (`patches[].path`,
 *   `patchesStrategicMerge`, `patchesJson6902[].path`; `kustomize` below). A partial object:
 *   checked for what it writes, not for what it leaves to its base (kustomize/partial-objects.ts).
 * - `static-pod`: a `staticPodPaths` glob matches (or `--static-pod`); static-Pod rules apply.
 * - `manifest`: everything else; checked normally.
 */
export type FileClass = 'excluded' | 'helm-template' | 'kustomization' | 'kustomize-patch' | 'static-pod' | 'manifest';

export interface ClassifyFileInput {
  /**
   * The path relative to the root the globs are written for (the workspace folder, or the CLI's
   * root: the folder of `.podwise.yaml`, else the current folder), `/`-separated. Undefined when
   * the file lies outside that root, or there is no root.
   */
  relativePath?: string;
  /** The file's absolute path (either separator); undefined for an untitled document or unnamed stdin. */
  absolutePath?: string;
  settings: Pick<PodwiseSettings, 'exclude' | 'staticPodPaths'>;
  /** Whether a file exists at an absolute, `/`-separated path. Synchronous; the caller caches. */
  probe?: (absolutePath: string) => boolean;
  /** `podwise check --static-pod`: every input is a static-Pod manifest (unless it is one of the above). */
  forceStaticPod?: boolean;
  /**
   * The kustomizations the front end knows (kustomize-graph.ts: the CLI's, from its inputs and
   * their parent folders; the server's, from the folders above the file). Undefined: none.
   */
  kustomize?: KustomizeGraph;
}

export { KUSTOMIZATION_FILE_NAMES };
/** Helm requires `Chart.yaml`; `Chart.yml` is accepted too, as charts in the wild have it. */
export const CHART_FILE_NAMES: readonly string[] = ['Chart.yaml', 'Chart.yml'];
/** Parent folders looked at for a chart: deeper than any real chart's templates. */
const MAX_CHART_DEPTH = 64;

/**
 * One rule for both front ends:
 * - `exclude` globs match the path relative to the root; a file outside the root (or with no
 *   root) is matched by its absolute path without the leading `/` (or drive).
 * - `staticPodPaths` globs match the relative path OR the absolute path: the kubelet's manifest
 *   folder is an absolute place, so `**\/etc/kubernetes/manifests/**` matches
 *   `/etc/kubernetes/manifests/x.yaml` whichever folder is open or wherever the CLI runs.
 */
export function classifyFile(input: ClassifyFileInput): FileClass {
  const absolute = input.absolutePath === undefined ? undefined : input.absolutePath.replace(/\\/g, '/');
  const fromRoot = input.relativePath === undefined ? undefined : normalizePath(input.relativePath);
  const fromSystemRoot = absolute === undefined ? undefined : normalizePath(absolute);
  const excludePath = fromRoot ?? fromSystemRoot;
  if (excludePath !== undefined && matchesGlobs(excludePath, input.settings.exclude)) return 'excluded';
  if (absolute !== undefined && input.probe && isHelmTemplate(absolute, input.probe)) return 'helm-template';
  const name = baseName(absolute ?? fromRoot ?? '');
  if (KUSTOMIZATION_FILE_NAMES.includes(name)) return 'kustomization';
  if (absolute !== undefined && kustomizeRoleOf(input.kustomize, absolute)?.kind === 'patch') return 'kustomize-patch';
  if (input.forceStaticPod) return 'static-pod';
  if (fromRoot !== undefined && matchesGlobs(fromRoot, input.settings.staticPodPaths)) return 'static-pod';
  if (fromSystemRoot !== undefined && matchesGlobs(fromSystemRoot, input.settings.staticPodPaths)) return 'static-pod';
  return 'manifest';
}

/** Below a `templates` folder (at any depth) whose parent holds a Chart.yaml. */
function isHelmTemplate(absolute: string, probe: (path: string) => boolean): boolean {
  const parts = absolute.split('/');
  // parts[last] is the file; a `templates` folder at index i has its chart at parts[0..i).
  const lowest = Math.max(1, parts.length - 1 - MAX_CHART_DEPTH);
  for (let i = parts.length - 2; i >= lowest; i -= 1) {
    if (parts[i] !== 'templates') continue;
    const chart = parts.slice(0, i).join('/') || '/';
    const prefix = chart.endsWith('/') ? chart : `${chart}/`;
    if (CHART_FILE_NAMES.some((file) => probe(`${prefix}${file}`))) return true;
  }
  return false;
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? path : path.slice(slash + 1);
}
