// Metadata only (severity, summary, docs), no check function of its own:
// The YAML checks (yaml-findings.ts) report it for every document.
import type { Rule } from '../../rule-types';

export const yamlLimit: Rule = {
  meta: {
    id: 'yaml-limit',
    defaultSeverity: 'info',
    category: 'yaml',
    summary: 'Part of the file was skipped because it is too large or expands too many aliases.',
  },
};
