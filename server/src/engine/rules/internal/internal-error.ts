// Metadata only (severity, summary, docs), no check function of its own:
// The rule runner (run-rules.ts) reports it when a rule throws.
import type { Rule } from '../../rule-types';

export const internalError: Rule = {
  meta: {
    id: 'internal-error',
    defaultSeverity: 'warning',
    category: 'internal',
    summary: 'A Podwise rule crashed on this object and did not check it; a bug to report.',
  },
};
