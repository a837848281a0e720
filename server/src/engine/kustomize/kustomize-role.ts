// What a file is to kustomize, as the analysis needs it (CheckEnvironment.kustomize). Front ends
// compute it from the kustomize graph (kustomize-graph.ts) and, for a kustomization itself, from its
// own text and a file probe; the engine reads it and never touches the disk.
import type { GeneratedObject, ImageOverride } from './kustomization-entries';

/** What is at an entry's path: a file, a folder with a kustomization, another folder, or nothing. */
export type EntryState = 'file' | 'kustomization' | 'folder' | 'missing';

export type KustomizeRole =
  /** A kustomization file: its kustomize rules run, and nothing else. `entries`: state of each local entry, by its value. */
  | { kind: 'kustomization'; entries: Readonly<Record<string, EntryState>> }
  /** A patch file: a partial object, judged only on what it writes. */
  | { kind: 'patch' }
  /**
   * A resource of kustomizations that add these labels to its selectors and Pod template labels,
   * and generate these ConfigMaps and Secrets (by the names its references use: kustomize rewrites
   * them to the generated, hashed names).
   */
  | { kind: 'resource'; selectorLabels: Readonly<Record<string, string>>; generated: readonly GeneratedObject[]; images?: readonly ImageOverride[] };

/** What makes two roles give different findings: part of the analysis cache key. */
export function roleKey(role: KustomizeRole | undefined): string {
  if (!role) return '';
  if (role.kind === 'patch') return 'patch';
  if (role.kind === 'resource') return `resource:${JSON.stringify([Object.entries(role.selectorLabels).sort(), role.generated, role.images ?? []])}`;
  return `kustomization:${JSON.stringify(Object.entries(role.entries).sort())}`;
}

/** Kustomize reads the first of these it finds in a folder (sigs.k8s.io/kustomize/api/konfig). */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
