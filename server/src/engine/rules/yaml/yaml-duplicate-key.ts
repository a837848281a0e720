// Metadata only (severity, summary, docs), no check function of its own:
// The YAML checks (yaml-findings.ts) report it for every document.
import type { Rule } from '../../rule-types';

export const yamlDuplicateKey: Rule = {
  meta: {
    id: 'yaml-duplicate-key',
    defaultSeverity: 'error',
    category: 'yaml',
    summary: 'A mapping repeats a key; Kubernetes keeps only one of the values.',
  },
};
