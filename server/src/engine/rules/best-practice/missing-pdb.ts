// A multi-replica workload without a PodDisruptionBudget can lose all Pods at once during a node
// drain or cluster upgrade. Looks for a PDB in the same file whose matchLabels select the Pods;
// availability advice, off by default (the PDB often lives in another file).
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/
import { asObject, getIn, isObject } from '../../json';
import type { FileRuleFinding, Rule } from '../../rule-types';
import { REPLICATED, replicasOf, templateLabels } from './availability';

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
      const replicas = replicasOf(object.object);
      if (!replicas || replicas.value < 2) continue;
      const labels = templateLabels(object);
      const namespace = getIn(object.object, ['metadata', 'namespace']) ?? 'default';
      const covered = budgets.some((budget) => {
        if ((getIn(budget.object, ['metadata', 'namespace']) ?? 'default') !== namespace) return false;
        const selector = asObject(getIn(budget.object, ['spec', 'selector']));
        const matchLabels = asObject(selector?.matchLabels) ?? {};
        if (!selector || (Object.keys(matchLabels).length === 0 && !isObject(selector.matchExpressions) && !Array.isArray(selector.matchExpressions))) return false;
        return Object.entries(matchLabels).every(([key, value]) => labels[key] === value);
      });
      if (covered) continue;
      findings.push({
        documentIndex: object.documentIndex,
        path: ['spec', 'replicas'],
        target: 'value',
        message: `${object.kind} ${object.name ?? ''} runs ${replicas.value} replicas but no PodDisruptionBudget in this file selects its Pods; a node drain may evict them all at once. Add a PodDisruptionBudget (for example maxUnavailable: 1).`.replace('  ', ' '),
      });
    }
    return findings;
  },
};
