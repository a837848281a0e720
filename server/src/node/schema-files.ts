// The engine's schema source on Node: generated schemas from schemas/ at the package root and the
// precompiled validators from dist/validators/, found from where the running bundle lives
// (dist/server/*.js). The engine itself never touches the file system (schema-source.ts).
import { readFileSync } from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { setSchemaSource, type EngineChunk, type SchemaSource } from '../engine/schema/schema-source';

export interface SchemaFolders {
  schemasDir: string;
  validatorsDir: string;
  /** Where the engine chunks (`engine-cel.js`) are: beside the running bundle by default. */
  chunksDir?: string;
}

/** Bundles live in dist/server/*.js: validators in dist/validators, schemas at the package root. */
export const BUNDLED_SCHEMA_FOLDERS: SchemaFolders = {
  schemasDir: path.join(__dirname, '..', '..', 'schemas'),
  validatorsDir: path.join(__dirname, '..', 'validators'),
};

// A require esbuild cannot see through, so the validator modules stay separate files.
const requireFile = createRequire(__filename);

export function schemaFilesSource(folders: SchemaFolders = BUNDLED_SCHEMA_FOLDERS): SchemaSource {
  return {
    readSchemaJson: (relativePath) => JSON.parse(readFileSync(path.join(folders.schemasDir, relativePath), 'utf8')) as unknown,
    loadValidatorModule: (fileName) => requireFile(path.join(folders.validatorsDir, fileName)) as unknown,
    // Built by scripts/build.mjs beside the bundles (dist/server/engine-<name>.js); require caches it.
    loadEngineChunk: (name: EngineChunk) => requireFile(path.join(folders.chunksDir ?? __dirname, `engine-${name}.js`)) as unknown,
  };
}

/** Installs the bundled schema files as the engine's source (front ends call this at start-up). */
export function installSchemaFiles(folders?: SchemaFolders): void {
  setSchemaSource(schemaFilesSource(folders));
}
