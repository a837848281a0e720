// Metadata only (severity, summary, docs), no check function of its own:
// custom resources are validated against their CRD's structural schema (engine/crd/), which
// reports it when a string does not match the schema's `pattern`.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation
import type { Rule } from '../../rule-types';

export const schemaPattern: Rule = {
  meta: {
    id: 'schema-pattern',
    defaultSeverity: 'error',
    category: 'schema',
    parity: ['schema'],
    summary: "A string does not match the regular expression its custom resource's schema requires.",
  },
};
