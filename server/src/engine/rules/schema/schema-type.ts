// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaType: Rule = {
  meta: {
    id: 'schema-type',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'A value of the wrong type (for example a number where the API needs a string).',
  },
};
