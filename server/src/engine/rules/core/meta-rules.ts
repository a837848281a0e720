// Findings the engine itself produces (YAML syntax, schema validation, suppressions). They have
// ids, severities and docs like every rule, but no check function of their own.
import type { Rule, RuleMeta } from '../../rule-types';

const meta = (m: RuleMeta): Rule => ({ meta: m });

export const CORE_RULES: readonly Rule[] = [
  meta({ id: 'yaml-syntax', defaultSeverity: 'error', category: 'yaml', summary: 'The YAML cannot be parsed; kubectl rejects the whole file.' }),
  meta({ id: 'yaml-duplicate-key', defaultSeverity: 'error', category: 'yaml', summary: 'A mapping repeats a key; Kubernetes keeps only one of the values.' }),
  meta({ id: 'yaml-flattened', defaultSeverity: 'error', category: 'yaml', summary: 'The document lost its line breaks or indentation (often from copying out of a web page).' }),
  meta({ id: 'yaml-limit', defaultSeverity: 'info', category: 'yaml', summary: 'Part of the file was skipped because it is too large or expands too many aliases.' }),
  meta({ id: 'schema-unknown-field', defaultSeverity: 'error', category: 'schema', summary: 'A field the Kubernetes API does not know; strict validation rejects it.' }),
  meta({ id: 'schema-type', defaultSeverity: 'error', category: 'schema', summary: 'A value of the wrong type (for example a number where the API needs a string).' }),
  meta({ id: 'schema-required', defaultSeverity: 'error', category: 'schema', summary: 'A required field is missing.' }),
  meta({ id: 'schema-enum', defaultSeverity: 'error', category: 'schema', summary: 'A value outside the closed set the API accepts.' }),
  meta({ id: 'schema-format', defaultSeverity: 'error', category: 'schema', summary: 'A value breaks a format or range constraint of the API.' }),
  meta({ id: 'schema-too-many', defaultSeverity: 'info', category: 'schema', summary: 'More schema findings exist in this document than are shown.' }),
  meta({ id: 'schema-indentation-lost', defaultSeverity: 'error', category: 'schema', summary: 'Fields that belong under metadata or spec sit at the top level: the indentation was lost.' }),
  meta({ id: 'internal-error', defaultSeverity: 'warning', category: 'internal', summary: 'A Podwise rule crashed on this object and did not check it; a bug to report.' }),
  meta({ id: 'suppression-unknown-rule', defaultSeverity: 'warning', category: 'suppression', summary: 'A podwise-disable comment or annotation names a rule that does not exist.' }),
];
