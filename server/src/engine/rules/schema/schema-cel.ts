// Metadata only (severity, summary, docs), no check function of its own:
// the custom-resource schema layer reports it through engine/cel for each violated
// `x-kubernetes-validations` rule of a CRD.
import type { Rule } from '../../rule-types';

export const schemaCel: Rule = {
  meta: {
    id: 'schema-cel',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: "A custom resource breaks one of its CRD's CEL validation rules (x-kubernetes-validations).",
  },
};
