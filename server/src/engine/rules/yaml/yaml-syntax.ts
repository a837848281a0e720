// Metadata only (severity, summary, docs), no check function of its own:
// The YAML checks (yaml-findings.ts) report it for every document.
import type { Rule } from '../../rule-types';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    defaultSeverity: 'error',
    category: 'yaml',
    summary: 'The YAML cannot be parsed; kubectl rejects the whole file.',
  },
};
