// Metadata only (severity, summary, docs), no check function of its own:
// The suppression reader (suppress.ts) reports it.
import type { Rule } from '../../rule-types';

export const suppressionUnknownRule: Rule = {
  meta: {
    id: 'suppression-unknown-rule',
    defaultSeverity: 'warning',
    category: 'suppression',
    summary: 'A podwise-disable comment or annotation names a rule that does not exist.',
  },
};
