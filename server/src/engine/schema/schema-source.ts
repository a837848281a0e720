// Where the engine gets its generated schemas and precompiled validators. The engine is pure: it
// never opens a file itself. A front end (the CLI, the language server, the engine bundle for
// tests and scripts) installs a source once at start-up; on Node that is node/schema-files.ts,
// which reads schemas/ and dist/validators/ beside the bundle.

/** Reads the schema data the engine needs; every call names a file relative to its folder. */
export interface SchemaSource {
  /** A JSON file below schemas/ (`versions.json`, `v1.36/index.json`, `v1.36/definitions.json`). */
  readSchemaJson(relativePath: string): unknown;
  /** A precompiled validator module below dist/validators/ (`v1.36.js`, `v1.36-workloads.js`). */
  loadValidatorModule(fileName: string): unknown;
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
