// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaRequired: Rule = {
  meta: {
    id: 'schema-required',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'A required field is missing.',
  },
};
