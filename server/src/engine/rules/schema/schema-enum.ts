// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaEnum: Rule = {
  meta: {
    id: 'schema-enum',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'A value outside the closed set the API accepts.',
  },
};
