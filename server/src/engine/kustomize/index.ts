// Kustomize awareness: the graph of kustomizations, what a file is to them, and the names they give.
export {
  buildKustomizeGraph,
  kustomizationRoleOf,
  kustomizeNames,
  kustomizeRoleOf,
  type KustomizationSource,
  type KustomizeGraph,
  type KustomizeNames,
  type KustomizeProbe,
} from './kustomize-graph';
export { KUSTOMIZATION_FILE_NAMES, roleKey, type EntryState, type KustomizeRole } from './kustomize-role';
export { readKustomization, type GeneratedObject, type KustomizationModel, type KustomizeEntry } from './kustomization-entries';
export { parseKustomizationText } from './kustomization-text';
