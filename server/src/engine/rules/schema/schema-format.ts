// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaFormat: Rule = {
  meta: {
    id: 'schema-format',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'A value breaks a format or range constraint of the API.',
  },
};
