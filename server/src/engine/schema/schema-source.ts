// Where the engine gets its generated schemas and precompiled validators. The engine is pure: it
// never opens a file itself. A front end (the CLI, the language server, the engine bundle for
// tests and scripts) installs a source once at start-up; on Node that is node/schema-files.ts,
// which reads schemas/ and dist/validators/ beside the bundle.

/**
 * Parts of the engine bundled on their own and loaded on first use, so a process that never needs
 * them never loads or compiles them: `cel` is the CEL evaluator of CRD validation rules with its
 * libraries (about 570 KB of code whose loading costs ~14 MB of resident memory), needed only for
 * a custom resource whose CRD has `x-kubernetes-validations`.
 */
export const ENGINE_CHUNKS = ['cel'] as const;
export type EngineChunk = (typeof ENGINE_CHUNKS)[number];

/** Reads the schema data the engine needs; every call names a file relative to its folder. */
export interface SchemaSource {
  /** A JSON file below schemas/ (`versions.json`, `v1.36/index.json`, `v1.36/definitions.json`). */
  readSchemaJson(relativePath: string): unknown;
  /** A precompiled validator module below dist/validators/ (`v1.36.js`, `v1.36-workloads.js`). */
  loadValidatorModule(fileName: string): unknown;
  /** The module of an engine chunk (its exports); absent: this source cannot load chunks. */
  loadEngineChunk?(name: EngineChunk): unknown;
}

let source: SchemaSource | undefined;
const listeners: (() => void)[] = [];

/** Installs the schema source (a front end does this once; tests may swap it). */
export function setSchemaSource(next: SchemaSource): void {
  source = next;
  for (const listener of listeners) listener();
}

/** The installed source; a front end that forgot to install one gets a clear error, not a guess. */
export function schemaSource(): SchemaSource {
  if (!source) throw new Error('podwise: no schema source installed (call setSchemaSource at start-up)');
  return source;
}

/** Runs `listener` whenever a new source is installed (caches of the old one are dropped). */
export function onSchemaSourceChange(listener: () => void): void {
  listeners.push(listener);
}

/** The exports of an engine chunk, loaded through the installed source on first use (then cached by the loader). */
export function engineChunk(name: EngineChunk): unknown {
  const current = schemaSource();
  if (!current.loadEngineChunk) throw new Error(`podwise: the installed schema source cannot load the engine chunk '${name}'`);
  return current.loadEngineChunk(name);
}
