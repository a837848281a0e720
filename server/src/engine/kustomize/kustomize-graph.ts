// A small index of the kustomizations a front end knows (the CLI: those under its inputs and above
// them; the server: those above an open file), built from their texts: which files are patches,
// which are resources and of which kustomizations, and what those add on the way up (selector
// labels, name prefixes and suffixes, generated ConfigMaps and Secrets). Pure: no file access; the
// one question about the disk a kustomization's own check needs goes through a probe.
// https://kubectl.docs.kubernetes.io/references/kustomize/glossary/#kustomization-root
import { readKustomization, type GeneratedObject, type KustomizationModel } from './kustomization-entries';
import { parseKustomizationText } from './kustomization-text';
import { KUSTOMIZATION_FILE_NAMES, type EntryState, type KustomizeRole } from './kustomize-role';
import { baseOf, dirOf, resolveEntry, toSlashes } from './paths';

export interface KustomizationSource {
  /** The kustomization file's absolute path (either separator). */
  path: string;
  text: string;
}

interface GraphNode {
  dir: string;
  model: KustomizationModel;
}

export interface KustomizeGraph {
  /** Kustomizations by folder. */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Patch file → the folders of the kustomizations that list it. */
  readonly patches: ReadonlyMap<string, readonly string[]>;
  /** Resource path (file or folder) → the folders of the kustomizations that list it (resources, bases, components). */
  readonly resources: ReadonlyMap<string, readonly string[]>;
}

/** What a path is on disk; a front end answers from the file system (and a cache). */
export type KustomizeProbe = (absolutePath: string) => 'file' | 'folder' | 'missing';

/** Folders above a kustomization that are still searched for one including it. */
const MAX_CHAIN = 32;

export function buildKustomizeGraph(sources: readonly KustomizationSource[]): KustomizeGraph {
  const nodes = new Map<string, GraphNode>();
  const patches = new Map<string, string[]>();
  const resources = new Map<string, string[]>();
  // Kustomize takes the first file name it knows; the same order decides between two in one folder.
  const ordered = [...sources].sort((a, b) => KUSTOMIZATION_FILE_NAMES.indexOf(baseOf(a.path)) - KUSTOMIZATION_FILE_NAMES.indexOf(baseOf(b.path)));
  for (const source of ordered) {
    const dir = dirOf(source.path);
    if (nodes.has(dir)) continue;
    const value = parseKustomizationText(source.text);
    if (!value) continue;
    const model = readKustomization(value);
    nodes.set(dir, { dir, model });
    for (const entry of model.entries) {
      const target = entry.role === 'patch' ? patches : entry.role === 'resource' || entry.role === 'component' ? resources : undefined;
      if (!target) continue;
      const resolved = resolveEntry(dir, entry.value);
      const list = target.get(resolved) ?? [];
      if (!list.includes(dir)) list.push(dir);
      target.set(resolved, list);
    }
  }
  return { nodes, patches, resources };
}

/**
 * A manifest's role: a patch of some kustomization, a resource whose kustomizations (or the ones
 * above them) add selector labels, or undefined (a plain manifest, checked as it is).
 */
export function kustomizeRoleOf(graph: KustomizeGraph | undefined, filePath: string): KustomizeRole | undefined {
  if (!graph) return undefined;
  const file = toSlashes(filePath);
  if (graph.patches.has(file)) return { kind: 'patch' };
  const owners = graph.resources.get(file);
  if (!owners) return undefined;
  const selectorLabels: Record<string, string> = {};
  const chains = chainsOf(graph, owners);
  for (const chain of chains) for (const dir of chain) Object.assign(selectorLabels, graph.nodes.get(dir)?.model.selectorLabels);
  const { generated } = kustomizeNames(graph, file);
  // The image overrides of the first chain, innermost kustomization first (the order kustomize applies them).
  const images = (chains[0] ?? []).flatMap((dir) => graph.nodes.get(dir)?.model.images ?? []);
  if (Object.keys(selectorLabels).length === 0 && generated.length === 0 && images.length === 0) return undefined;
  return { kind: 'resource', selectorLabels, generated, ...(images.length > 0 ? { images } : {}) };
}

/**
 * The role of a kustomization file: the state of each local entry it names, from its current text
 * (an open editor's, unsaved edits included) and the probe.
 */
export function kustomizationRoleOf(filePath: string, text: string, probe: KustomizeProbe): KustomizeRole {
  const value = parseKustomizationText(text);
  const entries: Record<string, EntryState> = {};
  if (!value) return { kind: 'kustomization', entries };
  const dir = dirOf(filePath);
  for (const entry of readKustomization(value).entries) {
    if (entry.value in entries) continue;
    entries[entry.value] = entryState(resolveEntry(dir, entry.value), probe);
  }
  return { kind: 'kustomization', entries };
}

function entryState(path: string, probe: KustomizeProbe): EntryState {
  const found = probe(path);
  if (found !== 'folder') return found;
  return KUSTOMIZATION_FILE_NAMES.some((name) => probe(`${path}/${name}`) === 'file') ? 'kustomization' : 'folder';
}

export interface KustomizeNames {
  /** What kustomize puts before and after every name of the file's objects (outer kustomizations outermost). */
  prefix: string;
  suffix: string;
  /** ConfigMaps and Secrets the file's kustomizations generate, by the names their resources use. */
  generated: GeneratedObject[];
}

/**
 * How kustomize renames the objects of a resource file, and which generated objects its references
 * may name: for reference rules, so that `envFrom: configMapRef: app-config` resolves to a
 * `configMapGenerator` entry. With several kustomizations including the file, the prefix and suffix
 * are those of the first (by folder), the generated objects those of all.
 */
export function kustomizeNames(graph: KustomizeGraph | undefined, filePath: string): KustomizeNames {
  const names: KustomizeNames = { prefix: '', suffix: '', generated: [] };
  const owners = graph?.resources.get(toSlashes(filePath));
  if (!graph || !owners) return names;
  const chains = chainsOf(graph, owners);
  for (const dir of chains[0] ?? []) {
    const model = graph.nodes.get(dir)?.model;
    if (!model) continue;
    names.prefix = model.namePrefix + names.prefix;
    names.suffix += model.nameSuffix;
  }
  const seen = new Set<string>();
  for (const chain of chains) {
    for (const dir of chain) {
      for (const object of graph.nodes.get(dir)?.model.generated ?? []) {
        const key = `${object.kind}/${object.namespace ?? ''}/${object.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        names.generated.push(object);
      }
    }
  }
  return names;
}

/** Every chain of kustomization folders from `owners` upward through the kustomizations that include them. */
function chainsOf(graph: KustomizeGraph, owners: readonly string[]): string[][] {
  const chains: string[][] = [];
  const walk = (chain: string[]) => {
    if (chains.length >= 64) return;
    const dir = chain[chain.length - 1];
    const parents = (graph.resources.get(dir) ?? []).filter((parent) => !chain.includes(parent));
    if (parents.length === 0 || chain.length >= MAX_CHAIN) {
      chains.push(chain);
      return;
    }
    for (const parent of [...parents].sort()) walk([...chain, parent]);
  };
  for (const owner of [...owners].sort()) if (graph.nodes.has(owner)) walk([owner]);
  return chains;
}
