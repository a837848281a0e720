// Findings about Podwise's own configuration (`.podwise.yaml`). The config parser reports them
// with ranges in that file; the rule has metadata (severity, docs) but no check function.
import type { Rule } from '../../rule-types';

export const CONFIG_RULES: readonly Rule[] = [
  {
    meta: {
      id: 'config-invalid',
      defaultSeverity: 'error',
      category: 'configuration',
      summary: 'The .podwise.yaml file has an unknown key, rule id, severity or version, or a value of the wrong type.',
    },
  },
];
