// Public API of the custom-resource layer: CRD lookup (workspace, then bundled catalog) and the
// structural-schema validation the schema findings use for custom resources.
export { CRD_KIND, catalogEntries, crdSchemasOf, customResourceSchema, customResourceVersions, splitApiVersion, type CatalogEntry, type CustomResourceSchema } from './crd-lookup';
export { applyDefaults } from './apply-defaults';
export { validateStructural, type StructuralOptions } from './structural-validate';
export { customResourceFindings } from './custom-resource-findings';
export { goRegExp } from './go-regexp';
