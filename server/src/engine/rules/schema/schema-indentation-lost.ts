// Metadata only (severity, summary, docs), no check function of its own:
// Schema validation (schema-findings.ts and schema/) reports it for every Kubernetes object.
import type { Rule } from '../../rule-types';

export const schemaIndentationLost: Rule = {
  meta: {
    id: 'schema-indentation-lost',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: 'Fields that belong under metadata or spec sit at the top level: the indentation was lost.',
  },
};
