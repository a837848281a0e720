// Finds the structural schema of a custom resource: first among the CustomResourceDefinitions of
// the run (workspace or CLI input set, `env.runObjects`), then in the bundled catalog generated
// from popular projects' CRDs (schemas/crds/, scripts/generate-crd-catalog.mjs). The API server
// validates a custom resource against the schema of the CRD version it is written in:
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
import { asArray, asObject, asString, isObject, type JsonObject } from '../json';
import type { CheckEnvironment } from '../rule-types';
import { onSchemaSourceChange, schemaSource } from '../schema/schema-source';

export interface CustomResourceSchema {
  group: string;
  version: string;
  kind: string;
  scope: 'Namespaced' | 'Cluster';
  /** The structural schema (Kubernetes JSONSchemaProps shape); empty for a version that is not served. */
  schema: JsonObject;
  served: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  /** The version the API server stores (one per CRD). */
  storage?: boolean;
  source: 'workspace' | 'catalog';
}

/** One entry of schemas/crds/index.json, keyed `group/version/Kind`. */
export interface CatalogEntry {
  /** Schema file below schemas/crds/ (served versions only). */
  file?: string;
  scope: 'Namespaced' | 'Cluster';
  plural: string;
  served: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  storage: boolean;
}

export const CRD_KIND = 'CustomResourceDefinition';

/** `group/version` of an apiVersion; the core group (no slash) is never a custom resource. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash <= 0 || slash === apiVersion.length - 1) return undefined;
  return { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * The schema of `kind` in `apiVersion`, or undefined when no CRD (workspace or catalog) defines
 * that group and kind at that version. A version the CRD lists but does not serve comes back with
 * `served: false`; see `customResourceVersions` for the versions of a group and kind.
 */
export function customResourceSchema(apiVersion: string, kind: string, env: CheckEnvironment): CustomResourceSchema | undefined {
  const split = splitApiVersion(apiVersion);
  if (!split) return undefined;
  const versions = customResourceVersions(split.group, kind, env);
  return versions.find((candidate) => candidate.version === split.version);
}

/**
 * Every version one CRD defines for `group` and `kind`, the workspace's CRD taking precedence over
 * the catalog's (a cluster has one CRD per group and plural). Empty when neither knows the kind.
 */
export function customResourceVersions(group: string, kind: string, env: CheckEnvironment): CustomResourceSchema[] {
  const key = `${group}/${kind}`;
  const workspace = workspaceCrds(env).get(key);
  if (workspace) return workspace;
  return catalogVersions(group, kind);
}

// ---------------------------------------------------------------------------------------------
// Workspace CRDs

const parsedCrds = new WeakMap<JsonObject, CustomResourceSchema[]>();

/** A CustomResourceDefinition object → its versions (parsed once per object). */
export function crdSchemasOf(object: JsonObject): CustomResourceSchema[] {
  const cached = parsedCrds.get(object);
  if (cached) return cached;
  const parsed = parseCrd(object);
  parsedCrds.set(object, parsed);
  return parsed;
}

function parseCrd(object: JsonObject): CustomResourceSchema[] {
  const spec = asObject(object.spec);
  const group = asString(spec?.group);
  const kind = asString(asObject(spec?.names)?.kind);
  if (!spec || !group || !kind) return [];
  const scope = spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced';
  // apiextensions.k8s.io/v1beta1 (removed in 1.22) had one schema for all versions under spec.validation.
  const sharedSchema = asObject(asObject(spec.validation)?.openAPIV3Schema);
  const versions = asArray(spec.versions).filter(isObject);
  if (versions.length === 0 && asString(spec.version)) {
    versions.push({ name: spec.version, served: true, storage: true });
  }
  const result: CustomResourceSchema[] = [];
  for (const entry of versions) {
    const version = asString(entry.name);
    if (!version) continue;
    const schema = asObject(asObject(entry.schema)?.openAPIV3Schema) ?? sharedSchema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const served = entry.served !== false;
    result.push({
      group,
      version,
      kind,
      scope,
      schema: served ? schema : {},
      served,
      deprecated: entry.deprecated === true,
      deprecationWarning: asString(entry.deprecationWarning),
      storage: entry.storage === true,
      source: 'workspace',
    });
  }
  return result;
}

const workspaceIndexes = new WeakMap<readonly unknown[], Map<string, CustomResourceSchema[]>>();
const NO_CRDS = new Map<string, CustomResourceSchema[]>();

/** `group/Kind` → versions for the CRDs among the run objects (cached per run-object list). */
function workspaceCrds(env: CheckEnvironment): Map<string, CustomResourceSchema[]> {
  const objects = env.runObjects;
  if (!objects || objects.length === 0) return NO_CRDS;
  const cached = workspaceIndexes.get(objects);
  if (cached) return cached;
  const index = new Map<string, CustomResourceSchema[]>();
  for (const runObject of objects) {
    if (runObject.kind !== CRD_KIND) continue;
    const versions = crdSchemasOf(runObject.object);
    if (versions.length === 0) continue;
    const key = `${versions[0].group}/${versions[0].kind}`;
    // Two CRDs for one group and kind: the first wins, as files are collected in a stable order.
    if (!index.has(key)) index.set(key, versions);
  }
  workspaceIndexes.set(objects, index);
  return index;
}

// ---------------------------------------------------------------------------------------------
// Bundled catalog

interface CatalogIndex {
  entries: Map<string, CatalogEntry>;
  /** `group/Kind` → the versions of that CRD. */
  byKind: Map<string, string[]>;
}

let catalogIndex: CatalogIndex | undefined;
const catalogSchemas = new Map<string, CustomResourceSchema[]>();

onSchemaSourceChange(() => {
  catalogIndex = undefined;
  catalogSchemas.clear();
});

/** The catalog index (read once; an installation without it has an empty catalog). */
export function catalogEntries(): ReadonlyMap<string, CatalogEntry> {
  return loadCatalogIndex().entries;
}

function loadCatalogIndex(): CatalogIndex {
  if (catalogIndex) return catalogIndex;
  const entries = new Map<string, CatalogEntry>();
  const byKind = new Map<string, string[]>();
  let raw: unknown;
  try {
    raw = schemaSource().readSchemaJson('crds/index.json');
  } catch {
    raw = undefined;
  }
  const resources = asObject(asObject(raw)?.resources) ?? {};
  for (const [key, value] of Object.entries(resources)) {
    const entry = asObject(value);
    const parts = key.split('/');
    if (!entry || parts.length !== 3) continue;
    entries.set(key, {
      file: asString(entry.file),
      scope: entry.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
      plural: asString(entry.plural) ?? '',
      served: entry.served === true,
      deprecated: entry.deprecated === true,
      deprecationWarning: asString(entry.deprecationWarning),
      storage: entry.storage === true,
    });
    const kindKey = `${parts[0]}/${parts[2]}`;
    byKind.set(kindKey, [...(byKind.get(kindKey) ?? []), parts[1]]);
  }
  catalogIndex = { entries, byKind };
  return catalogIndex;
}

function catalogVersions(group: string, kind: string): CustomResourceSchema[] {
  const kindKey = `${group}/${kind}`;
  const cached = catalogSchemas.get(kindKey);
  if (cached) return cached;
  const index = loadCatalogIndex();
  const versions = index.byKind.get(kindKey) ?? [];
  const result: CustomResourceSchema[] = [];
  for (const version of versions) {
    const entry = index.entries.get(`${group}/${version}/${kind}`);
    if (!entry) continue;
    result.push(lazyCatalogSchema(group, version, kind, entry));
  }
  catalogSchemas.set(kindKey, result);
  return result;
}

/** The schema file is read on first access of `schema`, so listing versions costs no file read. */
function lazyCatalogSchema(group: string, version: string, kind: string, entry: CatalogEntry): CustomResourceSchema {
  let schema: JsonObject | undefined;
  const file = entry.file;
  return {
    group,
    version,
    kind,
    scope: entry.scope,
    get schema(): JsonObject {
      if (schema === undefined) schema = file && entry.served ? readCatalogSchema(file) : {};
      return schema;
    },
    served: entry.served,
    deprecated: entry.deprecated,
    deprecationWarning: entry.deprecationWarning,
    storage: entry.storage,
    source: 'catalog',
  };
}

function readCatalogSchema(file: string): JsonObject {
  try {
    const raw = asObject(schemaSource().readSchemaJson(`crds/${file}`));
    return asObject(raw?.openAPIV3Schema) ?? {};
  } catch {
    return {};
  }
}
