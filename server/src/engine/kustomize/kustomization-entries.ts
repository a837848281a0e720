// What a kustomization names on disk and what it does to the objects it builds, read from its parsed
// value (no file access): the entries with their field paths (for exact ranges), the labels it adds
// to selectors, its name prefix/suffix and the ConfigMaps/Secrets it generates.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/
import { asArray, asObject, asString, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { isRemoteEntry } from './paths';

/** Why a kustomization names a path, which decides what must be there. */
export type EntryRole =
  /** `resources` / `bases`: a manifest file, or a folder with a kustomization. */
  | 'resource'
  /** `components`: a folder with a kustomization (kind Component). */
  | 'component'
  /** A strategic-merge or JSON 6902 patch file (`patches[].path`, `patchesStrategicMerge`, `patchesJson6902[].path`). */
  | 'patch'
  /** A ConfigMap/Secret generator source: `files` (a file or a folder) or `envs`/`env` (a file). */
  | 'generator-file'
  | 'generator-env'
  /** `crds`, `configurations`, `replacements[].path`, Helm values files: files. */
  | 'file'
  /** `generators`, `transformers`, `validators`: a plugin config file or a kustomization folder. */
  | 'plugin';

export interface KustomizeEntry {
  role: EntryRole;
  /** The path as written (for generator files, without the `key=` part). */
  value: string;
  /** Where the entry's value is in the kustomization. */
  path: FieldPath;
}

export interface GeneratedObject {
  kind: 'ConfigMap' | 'Secret';
  /** The name as written in the generator, which the kustomization's resources refer to. */
  name: string;
  namespace?: string;
}

/** An `images` entry: the image name it matches and what it puts instead. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface KustomizationModel {
  kind: 'Kustomization' | 'Component';
  /** Local entries (remote ones and inline content are left out). */
  entries: KustomizeEntry[];
  /** Labels kustomize adds to selectors and Pod template labels alike (commonLabels, labels with includeSelectors). */
  selectorLabels: Record<string, string>;
  namePrefix: string;
  nameSuffix: string;
  namespace?: string;
  generated: GeneratedObject[];
  /** `images` (and the deprecated `imageTags`) entries, in the order kustomize applies them. */
  images: ImageOverride[];
}

export function readKustomization(value: JsonObject): KustomizationModel {
  const entries: KustomizeEntry[] = [];
  const add = (role: EntryRole, raw: unknown, path: FieldPath, stripKey = false) => {
    let entry = asString(raw);
    if (entry === undefined) return;
    // Inline content (a patch or plugin config written into the list) is no path.
    if (entry.includes('\n')) return;
    if (stripKey && entry.includes('=')) entry = entry.slice(entry.indexOf('=') + 1);
    entry = entry.trim();
    if (entry === '' || isRemoteEntry(entry)) return;
    entries.push({ role, value: entry, path });
  };
  const list = (key: string, role: EntryRole) => asArray(value[key]).forEach((item, index) => add(role, item, [key, index]));
  list('resources', 'resource');
  list('bases', 'resource');
  list('components', 'component');
  list('patchesStrategicMerge', 'patch');
  list('crds', 'file');
  list('configurations', 'file');
  list('generators', 'plugin');
  list('transformers', 'plugin');
  list('validators', 'plugin');
  for (const key of ['patches', 'patchesJson6902']) {
    asArray(value[key]).forEach((item, index) => {
      // `patches: [file.yaml]` (strings) is the old patchesStrategicMerge spelling kustomize still reads.
      if (typeof item === 'string') add('patch', item, [key, index]);
      else add('patch', asObject(item)?.path, [key, index, 'path']);
    });
  }
  asArray(value.replacements).forEach((item, index) => add('file', asObject(item)?.path, ['replacements', index, 'path']));
  asArray(value.helmCharts).forEach((item, index) => {
    const chart = asObject(item);
    add('file', chart?.valuesFile, ['helmCharts', index, 'valuesFile']);
    asArray(chart?.additionalValuesFiles).forEach((file, fileIndex) => add('file', file, ['helmCharts', index, 'additionalValuesFiles', fileIndex]));
  });
  const generated: GeneratedObject[] = [];
  for (const [key, kind] of [
    ['configMapGenerator', 'ConfigMap'],
    ['secretGenerator', 'Secret'],
  ] as const) {
    asArray(value[key]).forEach((item, index) => {
      const generator = asObject(item);
      if (!generator) return;
      asArray(generator.files).forEach((file, fileIndex) => add('generator-file', file, [key, index, 'files', fileIndex], true));
      asArray(generator.envs).forEach((file, fileIndex) => add('generator-env', file, [key, index, 'envs', fileIndex]));
      add('generator-env', generator.env, [key, index, 'env']);
      const name = asString(generator.name);
      const namespace = asString(generator.namespace);
      if (name) generated.push({ kind, name, ...(namespace ? { namespace } : {}) });
    });
  }
  const namespace = asString(value.namespace);
  return {
    kind: asString(value.kind) === 'Component' ? 'Component' : 'Kustomization',
    entries,
    selectorLabels: selectorLabelsOf(value),
    namePrefix: asString(value.namePrefix) ?? '',
    nameSuffix: asString(value.nameSuffix) ?? '',
    ...(namespace ? { namespace } : {}),
    generated,
    images: imagesOf(value),
  };
}

function imagesOf(value: JsonObject): ImageOverride[] {
  const images: ImageOverride[] = [];
  for (const item of [...asArray(value.images), ...asArray(value.imageTags)]) {
    const entry = asObject(item);
    const name = asString(entry?.name);
    if (!entry || !name) continue;
    const text = (key: string) => (typeof entry[key] === 'string' || typeof entry[key] === 'number' ? String(entry[key]) : undefined);
    const newName = text('newName');
    const newTag = text('newTag');
    const digest = text('digest');
    images.push({ name, ...(newName ? { newName } : {}), ...(newTag ? { newTag } : {}), ...(digest ? { digest } : {}) });
  }
  return images;
}

/**
 * Labels kustomize writes into selectors (and Pod template labels) too: every `commonLabels` pair,
 * and `labels` entries with `includeSelectors: true`. Plain `labels` leave selectors alone.
 * https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/labels/
 */
function selectorLabelsOf(value: JsonObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const addPairs = (pairs: unknown) => {
    for (const [key, label] of Object.entries(asObject(pairs) ?? {})) {
      if (typeof label === 'string' || typeof label === 'number' || typeof label === 'boolean') labels[key] = String(label);
    }
  };
  addPairs(value.commonLabels);
  for (const item of asArray(value.labels)) {
    const label = asObject(item);
    if (label?.includeSelectors === true) addPairs(label.pairs);
  }
  return labels;
}
