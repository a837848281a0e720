// Finds and caches, per Kubernetes version, the generated schema files (schemas/v1.NN/*.json)
// and the precompiled validators (dist/validators/, see scripts/build-validators.mjs). Everything
// loads on first use: a version's validators are ~2 MB of code, split into a few chunks by kind
// (workloads, cluster set-up, the rest); v1.NN.js is a small index of which chunk holds which
// definition, and a chunk is required the first time one of its kinds is validated. Most
// sessions only ever touch one version, and one or two of its chunks.
import type { KubernetesVersion } from '../types';
import { onSchemaSourceChange, schemaSource } from './schema-source';

/** A node of the generated definitions (draft-07 JSON Schema, structure only). */
export interface SchemaNode {
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: SchemaNode | boolean;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

export type Definitions = Readonly<Record<string, SchemaNode>>;

/** The subset of an ajv ErrorObject the generated validators produce (messages are off). */
export interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}

export interface ServedKind {
  readonly apiVersion: string;
  readonly kind: string;
  readonly definition: string;
}

type ValidatorModule = Readonly<Record<string, CompiledValidator | undefined>>;

/** dist/validators/v1.NN.js: chunk file (next to it) → the top-level definitions it exports. */
interface ValidatorIndex {
  readonly chunks: Readonly<Record<string, readonly string[]>>;
}

interface VersionData {
  index?: ReadonlyMap<string, string>;
  kinds?: readonly ServedKind[];
  definitions?: Definitions;
  /** Top-level definition → the chunk file holding its validator. */
  chunkOf?: ReadonlyMap<string, string>;
  /** Chunks required so far, by file name. */
  chunks?: Map<string, ValidatorModule>;
}

const cache = new Map<KubernetesVersion, VersionData>();
let versionList: { versions: readonly KubernetesVersion[]; default: KubernetesVersion } | undefined;

// A new source (tests, unusual layouts) means new files: forget what the old one gave.
onSchemaSourceChange(() => {
  cache.clear();
  versionList = undefined;
});

const readJson = (relativePath: string): unknown => schemaSource().readSchemaJson(relativePath);
const loadModule = (fileName: string): unknown => schemaSource().loadValidatorModule(fileName);

function versions(): { versions: readonly KubernetesVersion[]; default: KubernetesVersion } {
  if (versionList === undefined) {
    const raw = readJson('versions.json') as {
      versions: KubernetesVersion[];
      default: KubernetesVersion;
    };
    versionList = { versions: raw.versions, default: raw.default };
  }
  return versionList;
}

/** Kubernetes versions that have schemas, oldest first. */
export function schemaVersions(): readonly KubernetesVersion[] {
  return versions().versions;
}

export function defaultSchemaVersion(): KubernetesVersion {
  return versions().default;
}

function minorOf(version: string): number {
  const minor = Number(version.split('.')[1]);
  return Number.isFinite(minor) ? minor : NaN;
}

/**
 * The schema version to use for `version`: itself when we have it, else the nearest one (older
 * than our oldest → oldest, newer than our newest → newest), so a freshly released Kubernetes
 * version still gets checked.
 */
export function resolveSchemaVersion(version: string): KubernetesVersion {
  const list = schemaVersions();
  const wanted = minorOf(version);
  if (Number.isNaN(wanted)) return defaultSchemaVersion();
  let best = list[0] ?? defaultSchemaVersion();
  for (const candidate of list) {
    if (minorOf(candidate) <= wanted) best = candidate;
  }
  return best;
}

function dataFor(version: KubernetesVersion): VersionData {
  let data = cache.get(version);
  if (data === undefined) {
    data = {};
    cache.set(version, data);
  }
  return data;
}

function indexFor(version: KubernetesVersion): ReadonlyMap<string, string> {
  const data = dataFor(version);
  if (data.index === undefined) {
    const raw = readJson(`v${version}/index.json`) as {
      kinds: Record<string, string>;
    };
    data.index = new Map(Object.entries(raw.kinds));
  }
  return data.index;
}

/** Every apiVersion/kind the version serves, sorted by apiVersion then kind. */
export function servedKinds(version: KubernetesVersion): readonly ServedKind[] {
  const resolved = resolveSchemaVersion(version);
  const data = dataFor(resolved);
  if (data.kinds === undefined) {
    const kinds: ServedKind[] = [];
    for (const [key, definition] of indexFor(resolved)) {
      const cut = key.lastIndexOf('/');
      kinds.push({ apiVersion: key.slice(0, cut), kind: key.slice(cut + 1), definition });
    }
    data.kinds = kinds;
  }
  return data.kinds;
}

/** The definition name for apiVersion/kind in that version, or undefined when not served. */
export function definitionFor(version: KubernetesVersion, apiVersion: string, kind: string): string | undefined {
  return indexFor(resolveSchemaVersion(version)).get(`${apiVersion}/${kind}`);
}

/** The version's generated definitions (for hover, completion and error mapping). */
export function loadDefinitions(version: KubernetesVersion): Definitions {
  const resolved = resolveSchemaVersion(version);
  const data = dataFor(resolved);
  if (data.definitions === undefined) {
    const raw = readJson(`v${resolved}/definitions.json`) as {
      definitions: Definitions;
    };
    data.definitions = raw.definitions;
  }
  return data.definitions;
}

function chunkIndex(version: KubernetesVersion, data: VersionData): ReadonlyMap<string, string> {
  if (data.chunkOf === undefined) {
    const index = loadModule(`v${version}.js`) as ValidatorIndex;
    const chunkOf = new Map<string, string>();
    for (const [file, definitions] of Object.entries(index.chunks)) {
      for (const definition of definitions) chunkOf.set(definition, file);
    }
    data.chunkOf = chunkOf;
  }
  return data.chunkOf;
}

/**
 * The precompiled validator for a top-level definition, or undefined when none was built. The
 * first call for a definition of a chunk not loaded yet requires that chunk.
 */
export function validatorFor(version: KubernetesVersion, definition: string): CompiledValidator | undefined {
  const resolved = resolveSchemaVersion(version);
  const data = dataFor(resolved);
  const file = chunkIndex(resolved, data).get(definition);
  if (file === undefined) return undefined;
  data.chunks ??= new Map();
  let chunk = data.chunks.get(file);
  if (chunk === undefined) {
    chunk = loadModule(file) as ValidatorModule;
    data.chunks.set(file, chunk);
  }
  return Object.prototype.hasOwnProperty.call(chunk, definition) ? chunk[definition] : undefined;
}

/** The validator chunks of a version loaded so far (file names, in load order): for measurements and tests. */
export function loadedValidatorChunks(version: KubernetesVersion): readonly string[] {
  return [...(cache.get(resolveSchemaVersion(version))?.chunks?.keys() ?? [])];
}
