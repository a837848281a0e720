// Metadata only (severity, summary, docs), no check function of its own:
// The YAML checks (yaml-findings.ts) report it for every document.
import type { Rule } from '../../rule-types';

export const yamlFlattened: Rule = {
  meta: {
    id: 'yaml-flattened',
    defaultSeverity: 'error',
    category: 'yaml',
    summary: 'The document lost its line breaks or indentation (often from copying out of a web page).',
  },
};
