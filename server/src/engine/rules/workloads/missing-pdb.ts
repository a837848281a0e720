// A multi-replica workload without a PodDisruptionBudget can lose all Pods at once during a node
// drain or cluster upgrade. Looks for a PDB in the same file whose selector (matchLabels and
// matchExpressions, with the API server's semantics) selects the Pods; availability advice, off by
// default (the PDB often lives in another file). A workload an HPA of the file scales counts as
// multi-replica when the HPA may run several.
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/
import { describeObject, sameNamespace } from '../../k8s/file-objects';
import { parseLabelSelector, selectorMatches } from '../../k8s/label-selector';
import { REPLICATED, describeReplicas, replicaRange, replicasLocation, templateLabels } from '../../k8s/replicas';
import type { FileRuleFinding, ObjectContext, Rule } from '../../rule-types';

export const missingPdb: Rule = {
  meta: {
    id: 'missing-pdb',
    defaultSeverity: 'hint',
    category: 'workloads',
    summary: 'A multi-replica Deployment or StatefulSet has no PodDisruptionBudget in the file.',
    enabledByDefault: false,
  },
  checkFile(context) {
    const budgets = context.objects.filter((object) => object.kind === 'PodDisruptionBudget');
    const findings: FileRuleFinding[] = [];
    for (const object of context.objects) {
      if (!REPLICATED.includes(object.kind)) continue;
      const range = replicaRange(object, context);
      if (!range || range.max < 2) continue;
      const labels = templateLabels(object);
      if (budgets.some((budget) => covers(budget, object, labels))) continue;
      findings.push({
        documentIndex: object.documentIndex,
        objectIndex: object.objectIndex,
        ...replicasLocation(range),
        message: `${describeObject(object)} has no PodDisruptionBudget in this file`,
        detail: `It runs ${describeReplicas(range)} but no PodDisruptionBudget in this file selects its Pods, so a node drain may evict them all at once. Add a PodDisruptionBudget (for example maxUnavailable: 1).`,
      });
    }
    return findings;
  },
};

/**
 * Whether a PDB selects the workload's Pods. A null selector selects nothing; an empty one selects
 * every Pod of the namespace in policy/v1 and none in policy/v1beta1.
 * https://kubernetes.io/docs/tasks/run-application/configure-pdb/#arbitrary-controllers-and-selectors
 */
function covers(budget: ObjectContext, workload: ObjectContext, labels: ReadonlyMap<string, string>): boolean {
  if (!sameNamespace(budget, workload)) return false;
  const selector = parseLabelSelector(budget.object, ['spec', 'selector']);
  if (!selector) return false;
  if (selector.empty) return budget.apiVersion !== 'policy/v1beta1';
  return selectorMatches(selector, labels);
}
