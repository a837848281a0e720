// Entry of dist/server/engine.js, the engine bundle that tests, scripts and the benchmark load:
// the pure engine's public API, with the bundled schema files installed as its schema source.
import { installSchemaFiles } from './schema-files';

export * from '../engine';
export { installSchemaFiles, schemaFilesSource, BUNDLED_SCHEMA_FOLDERS, type SchemaFolders } from './schema-files';
export { installedRuleDocsBase } from './rule-docs-location';

installSchemaFiles();
