// The fields of kustomize's Kustomization (and Component) file, as kustomize v5 decodes it: strictly,
// so an unknown field anywhere fails `kustomize build`. Only names and nesting are kept here (what the
// unknown-field check walks); values are read by kustomization-entries.ts.
// https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/

/**
 * - `leaf`: a scalar or a list of scalars (not walked);
 * - `open`: a mapping with free keys (labels, annotations, Helm values);
 * - an object: its known fields;
 * - `[table]`: a list whose mapping items have these fields (scalar items are not walked).
 */
export type FieldShape = 'leaf' | 'open' | FieldTable | readonly [FieldTable];
export interface FieldTable {
  readonly [name: string]: FieldShape;
}

const RES_ID: FieldTable = { group: 'leaf', version: 'leaf', kind: 'leaf', name: 'leaf', namespace: 'leaf' };
const SELECTOR: FieldTable = { ...RES_ID, skip: 'leaf', labelSelector: 'leaf', annotationSelector: 'leaf' };
const FIELD_SPEC: FieldTable = { group: 'leaf', version: 'leaf', kind: 'leaf', path: 'leaf', create: 'leaf' };
const GENERATOR_OPTIONS: FieldTable = { labels: 'open', annotations: 'open', disableNameSuffixHash: 'leaf', immutable: 'leaf', fileMerge: { mode: 'leaf' } };
const GENERATOR: FieldTable = {
  namespace: 'leaf',
  name: 'leaf',
  behavior: 'leaf',
  immutable: 'leaf',
  literals: 'leaf',
  files: 'leaf',
  envs: 'leaf',
  env: 'leaf',
  options: GENERATOR_OPTIONS,
};
const FIELD_OPTIONS: FieldTable = { delimiter: 'leaf', index: 'leaf', encoding: 'leaf', create: 'leaf' };
const PATCH: FieldTable = { path: 'leaf', patch: 'leaf', target: SELECTOR, options: { allowNameChange: 'leaf', allowKindChange: 'leaf' } };
const IMAGE: FieldTable = { name: 'leaf', newName: 'leaf', newTag: 'leaf', digest: 'leaf', tagSuffix: 'leaf' };
const HELM_CHART: FieldTable = {
  name: 'leaf',
  version: 'leaf',
  digest: 'leaf',
  repo: 'leaf',
  releaseName: 'leaf',
  namespace: 'leaf',
  additionalValuesFiles: 'leaf',
  valuesFile: 'leaf',
  valuesInline: 'open',
  valuesMerge: 'leaf',
  includeCRDs: 'leaf',
  skipHooks: 'leaf',
  apiVersions: 'leaf',
  kubeVersion: 'leaf',
  nameTemplate: 'leaf',
  skipTests: 'leaf',
  debug: 'leaf',
  devel: 'leaf',
};

export const KUSTOMIZATION_FIELDS: FieldTable = {
  apiVersion: 'leaf',
  kind: 'leaf',
  metadata: { name: 'leaf', namespace: 'leaf', labels: 'open', annotations: 'open' },
  openapi: 'open',
  namePrefix: 'leaf',
  nameSuffix: 'leaf',
  namespace: 'leaf',
  commonLabels: 'open',
  labels: [{ pairs: 'open', includeSelectors: 'leaf', includeTemplates: 'leaf', includeVolumeClaimTemplates: 'leaf', fields: [FIELD_SPEC] }],
  commonAnnotations: 'open',
  patchesStrategicMerge: 'leaf',
  patchesJson6902: [PATCH],
  patches: [PATCH],
  images: [IMAGE],
  imageTags: [IMAGE],
  replacements: [
    {
      path: 'leaf',
      source: { ...RES_ID, fieldPath: 'leaf', options: FIELD_OPTIONS },
      targets: [{ select: SELECTOR, reject: [SELECTOR], fieldPaths: 'leaf', options: FIELD_OPTIONS }],
    },
  ],
  replicas: [{ name: 'leaf', count: 'leaf' }],
  vars: [{ name: 'leaf', objref: { apiVersion: 'leaf', ...RES_ID }, fieldref: { fieldPath: 'leaf' } }],
  sortOptions: { order: 'leaf', legacySortOptions: { orderFirst: 'leaf', orderLast: 'leaf' } },
  resources: 'leaf',
  components: 'leaf',
  crds: 'leaf',
  bases: 'leaf',
  configMapGenerator: [GENERATOR],
  secretGenerator: [{ ...GENERATOR, type: 'leaf' }],
  helmGlobals: { chartHome: 'leaf', configHome: 'leaf' },
  helmCharts: [HELM_CHART],
  helmChartInflationGenerator: [
    {
      chartName: 'leaf',
      chartVersion: 'leaf',
      chartRepoUrl: 'leaf',
      chartHome: 'leaf',
      chartRepoName: 'leaf',
      helmBin: 'leaf',
      helmHome: 'leaf',
      values: 'leaf',
      valuesLocal: 'open',
      valuesMerge: 'leaf',
      releaseName: 'leaf',
      releaseNamespace: 'leaf',
      extraArgs: 'leaf',
    },
  ],
  generatorOptions: GENERATOR_OPTIONS,
  configurations: 'leaf',
  generators: 'leaf',
  transformers: 'leaf',
  validators: 'leaf',
  inventory: { type: 'leaf', configMap: { name: 'leaf', namespace: 'leaf' } },
  buildMetadata: 'leaf',
};

export const KUSTOMIZATION_API_VERSION = 'kustomize.config.k8s.io/v1beta1';
export const COMPONENT_API_VERSION = 'kustomize.config.k8s.io/v1alpha1';

/**
 * Top-level fields kustomize v5 still reads but tells users to move away from (`kustomize edit fix`
 * rewrites most of them), with what replaces each.
 * https://github.com/kubernetes-sigs/kustomize/blob/master/api/types/kustomization.go
 */
export const DEPRECATED_FIELDS: Readonly<Record<string, string>> = {
  bases: 'resources',
  commonLabels: 'labels',
  patchesStrategicMerge: 'patches',
  patchesJson6902: 'patches',
  imageTags: 'images',
  vars: 'replacements',
  helmChartInflationGenerator: 'helmCharts',
};
