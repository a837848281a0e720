// Public API of the schema layer.
export { validateObject } from './validate-object';
export {
  defaultSchemaVersion,
  definitionFor,
  loadDefinitions,
  loadedValidatorChunks,
  resolveSchemaVersion,
  schemaVersions,
  servedKinds,
  type Definitions,
  type SchemaNode,
  type ServedKind,
} from './validator-registry';
export { setSchemaSource, type SchemaSource } from './schema-source';
export { childSchema, definitionSchema, schemaAtPath, schemaTypes, shortDefinitionName, type ResolvedSchema } from './schema-walk';
export { SCHEMA_FINDING_CAP } from './error-mapping';
