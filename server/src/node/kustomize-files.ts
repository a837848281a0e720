// The file-system side of kustomize awareness (engine/kustomize/*): which kustomizations lie above
// a file (its folder and every parent folder, as kustomize roots are usually found), plus any the
// front end names (the CLI: those among its inputs, so an overlay's labels reach its base), read
// synchronously, bounded and cached; and the probe a kustomization's own check asks "is this entry
// there?". The CLI keeps answers for its run; the language server for a few seconds.
// https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#kustomization-root
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'fs';
import * as path from 'path';
import {
  buildKustomizeGraph,
  KUSTOMIZATION_FILE_NAMES,
  kustomizationRoleOf,
  kustomizeRoleOf,
  type KustomizationSource,
  type KustomizeGraph,
  type KustomizeProbe,
  type KustomizeRole,
} from '../engine/kustomize';

/** Kustomization files larger than this are not read (real ones are a few KB). */
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
/** Parent folders looked at above a file. */
const MAX_DEPTH = 64;
/** discover(): folders read at most, how deep, and how long its answer is kept. */
const DISCOVER_MAX_FOLDERS = 2_000;
const DISCOVER_MAX_DEPTH = 8;
const DISCOVER_TTL_MS = 30_000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'vendor']);

export interface KustomizeFilesOptions {
  /** How long an answer is kept, in ms; undefined: for the life of the object. */
  ttlMs?: number;
  now?: () => number;
}

export interface KustomizeFiles {
  /** What is at a path (stat, cached). */
  probe: KustomizeProbe;
  /** The graph of the kustomizations above `filePath` and the `extra` kustomization files. */
  graphFor(filePath: string, extra?: readonly string[]): KustomizeGraph;
  /**
   * What `filePath` is to kustomize: for a kustomization file, the state of its entries (from
   * `text`, the open editor's or the CLI's read, else the disk); else its role in the graph.
   */
  roleFor(filePath: string, text?: string, extra?: readonly string[]): KustomizeRole | undefined;
  /**
   * The kustomization files under `root` (a workspace folder), so that an overlay in another folder
   * counts for the bases it lists: a bounded walk (DISCOVER_MAX_FOLDERS folders, DISCOVER_MAX_DEPTH
   * deep, no dot-folders, node_modules or vendor, links not followed), kept DISCOVER_TTL_MS.
   */
  discover(root: string): readonly string[];
}

export function createKustomizeFiles(options: KustomizeFilesOptions = {}): KustomizeFiles {
  const { ttlMs, now = Date.now } = options;
  const stats = new Map<string, { kind: 'file' | 'folder' | 'missing'; at: number }>();
  const texts = new Map<string, { text: string | undefined; at: number }>();
  let graphCache: { key: string; graph: KustomizeGraph } | undefined;
  /** Bumped whenever a read gives a text other than the one kept: graphs built before are stale. */
  let textVersion = 0;
  const fresh = (at: number) => ttlMs === undefined || now() - at < ttlMs;

  const probe: KustomizeProbe = (absolutePath) => {
    const known = stats.get(absolutePath);
    if (known && fresh(known.at)) return known.kind;
    let kind: 'file' | 'folder' | 'missing' = 'missing';
    try {
      const stat = statSync(absolutePath, { throwIfNoEntry: false });
      kind = stat?.isDirectory() ? 'folder' : stat ? 'file' : 'missing';
    } catch {
      kind = 'missing';
    }
    if (stats.size >= 20_000) stats.clear();
    stats.set(absolutePath, { kind, at: now() });
    return kind;
  };

  const read = (file: string): string | undefined => {
    const known = texts.get(file);
    if (known && fresh(known.at)) return known.text;
    const text = readSmallFile(file);
    if (!known || known.text !== text) textVersion += 1;
    if (texts.size >= 5_000) texts.clear();
    texts.set(file, { text, at: now() });
    return text;
  };

  /** The kustomization kustomize would read in `dir`: the first of its file names present. */
  const kustomizationIn = (dir: string): string | undefined => {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (probe(candidate) === 'file') return candidate;
    }
    return undefined;
  };

  /**
   * The graph of the last files of each folder: every file of a folder has the same one while the
   * texts read are the same (textVersion) and the extra kustomizations are the same list, until
   * the probes' time to live passes. A walk over a 2,000-file workspace asks once per file, and
   * the extra list (every kustomization discovered) made each ask sort, read and key ~500 paths.
   */
  const byFolder = new Map<string, { extra: readonly string[]; textVersion: number; at: number; graph: KustomizeGraph }>();
  const graphFor = (filePath: string, extra: readonly string[] = []): KustomizeGraph => {
    const folder = path.dirname(path.resolve(filePath));
    const known = byFolder.get(folder);
    if (known && known.extra === extra && known.textVersion === textVersion && fresh(known.at)) return known.graph;
    const graph = buildGraphFor(folder, extra);
    if (byFolder.size >= 5_000) byFolder.clear();
    byFolder.set(folder, { extra, textVersion, at: now(), graph });
    return graph;
  };

  const buildGraphFor = (folder: string, extra: readonly string[]): KustomizeGraph => {
    const files = new Set<string>(extra);
    let dir = folder;
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const found = kustomizationIn(dir);
      if (found) files.add(found);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    const sorted = [...files].sort();
    const sources: KustomizationSource[] = [];
    for (const file of sorted) {
      const text = read(file);
      if (text !== undefined) sources.push({ path: file, text });
    }
    // The same files with the same texts (textVersion unchanged) give the same graph: an edit in
    // an open manifest does not rebuild it.
    const key = `${textVersion}\u0001${sorted.join('\u0000')}`;
    if (graphCache?.key !== key) graphCache = { key, graph: buildKustomizeGraph(sources) };
    return graphCache.graph;
  };

  const roleFor = (filePath: string, text?: string, extra?: readonly string[]): KustomizeRole | undefined => {
    if (KUSTOMIZATION_FILE_NAMES.includes(path.basename(filePath))) {
      const own = text ?? read(filePath);
      return own === undefined ? undefined : kustomizationRoleOf(filePath, own, probe);
    }
    return kustomizeRoleOf(graphFor(filePath, extra), filePath);
  };

  const discovered = new Map<string, { files: string[]; at: number }>();
  const discover = (root: string): readonly string[] => {
    const known = discovered.get(root);
    if (known && now() - known.at < DISCOVER_TTL_MS) return known.files;
    const files: string[] = [];
    const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
    let folders = 0;
    while (queue.length > 0 && folders < DISCOVER_MAX_FOLDERS) {
      const { dir, depth } = queue.shift() as { dir: string; depth: number };
      folders += 1;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      const names = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
      const own = KUSTOMIZATION_FILE_NAMES.find((name) => names.has(name));
      if (own) files.push(path.join(dir, own));
      if (depth >= DISCOVER_MAX_DEPTH) continue;
      for (const entry of entries) {
        if (entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) queue.push({ dir: path.join(dir, entry.name), depth: depth + 1 });
      }
    }
    if (discovered.size >= 64) discovered.clear();
    discovered.set(root, { files, at: now() });
    return files;
  };

  return { probe, graphFor, roleFor, discover };
}

/** A regular file's text, up to MAX_KUSTOMIZATION_BYTES; undefined when it is not one or cannot be read. */
function readSmallFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.size > MAX_KUSTOMIZATION_BYTES) return undefined;
    const buffer = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < buffer.length) {
      const count = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    return buffer
      .subarray(0, offset)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
