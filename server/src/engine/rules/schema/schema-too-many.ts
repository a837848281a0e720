// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaTooMany: Rule = {
  meta: {
    id: 'schema-too-many',
    defaultSeverity: 'info',
    category: 'schema',
    parity: ['schema'],
    summary: 'More schema findings exist in this document than are shown.',
  },
};
