// Metadata only (severity, summary, docs), no check function of its own:
// The .podwise.yaml reader (config/config-file.ts) reports it, with ranges in that file.
import type { Rule } from '../../rule-types';

export const configInvalid: Rule = {
  meta: {
    id: 'config-invalid',
    defaultSeverity: 'error',
    category: 'configuration',
    summary: 'The .podwise.yaml file has an unknown key, rule id, severity or version, or a value of the wrong type.',
  },
};
