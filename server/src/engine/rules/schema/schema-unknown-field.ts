// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaUnknownField: Rule = {
  meta: {
    id: 'schema-unknown-field',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'A field the Kubernetes API does not know; strict validation rejects it.',
  },
};
