// A PodDisruptionBudget selector or a NetworkPolicy podSelector that matches the Pods of no
// workload of its namespace. The API server accepts it, but the budget then protects nothing
// (and `kubectl drain` is not held back) and the policy isolates nothing. Judged only when the
// file and the run know workloads in that namespace, and only on labels the Pod templates write:
// a selector on labels controllers add (pod-template-hash, job-name, …) is left alone, and an
// empty selector selects every Pod. With CustomResourceDefinitions in the run, or a custom
// resource in the file, Pods may come from an operator, and the rule says nothing.
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget
// https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource
import { parseLabelSelector, selectorMatches, describeRequirement } from '../../k8s/label-selector';
import { namespaceOf } from '../../k8s/file-objects';
import { quoteShort } from '../../k8s/phrasing';
import { checksReferences, missingSeverity, certaintyNote } from '../../k8s/reference-check';
import { mayHaveOperatorPods, namespacePodLabels, runWorkloadSelected } from '../../k8s/run-pod-labels';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FieldPath } from '../../types';

/** Labels the controllers put on Pods; a selector on them cannot be judged from templates. */
const CONTROLLER_LABEL_KEYS =
  /^(?:pod-template-hash|controller-revision-hash|pod-template-generation|controller-uid|job-name|statefulset\.kubernetes\.io\/pod-name|apps\.kubernetes\.io\/pod-index|batch\.kubernetes\.io\/.+)$/;

const SELECTOR_PATHS: Record<string, FieldPath> = { PodDisruptionBudget: ['spec', 'selector'], NetworkPolicy: ['spec', 'podSelector'] };

export const selectorSelectsNothing: Rule = {
  meta: {
    id: 'selector-selects-nothing',
    defaultSeverity: 'info',
    category: 'references',
    kinds: ['PodDisruptionBudget', 'NetworkPolicy'],
    summary: "A PodDisruptionBudget's or NetworkPolicy's Pod selector matches no workload of its namespace in the workspace or the files checked together.",
  },
  checkFile(context) {
    if (!checksReferences(context.env) || mayHaveOperatorPods(context)) return [];
    const findings: FileRuleFinding[] = [];
    for (const object of context.objects) {
      const path = SELECTOR_PATHS[object.kind];
      const group = object.apiVersion.split('/')[0];
      if (!path || (object.kind === 'PodDisruptionBudget' ? group !== 'policy' : group !== 'networking.k8s.io')) continue;
      const selector = parseLabelSelector(object.object, path);
      if (!selector || selector.empty || selector.problems.length > 0) continue;
      if (selector.requirements.some((requirement) => CONTROLLER_LABEL_KEYS.test(requirement.key))) continue;
      // Most selectors select something: ask the label index first, build the full list only when none does.
      const [first] = selector.matchLabels;
      if (first && runWorkloadSelected(context, namespaceOf(object), first[0], first[1], (labels) => selectorMatches(selector, labels))) continue;
      const pods = namespacePodLabels(context, namespaceOf(object));
      // Nothing known in the namespace, or a workload whose Pod labels are unknown: nothing to conclude.
      if (pods === undefined || pods.length === 0) continue;
      if (pods.some((pod) => selectorMatches(selector, pod.labels))) continue;
      const what = object.kind === 'PodDisruptionBudget' ? 'the budget protects no Pods and does not slow down a drain' : 'the policy applies to no Pods';
      const names = pods
        .slice(0, 3)
        .map((pod) => pod.describe())
        .join(', ');
      findings.push({
        documentIndex: object.documentIndex,
        objectIndex: object.objectIndex,
        path,
        target: 'key',
        message: `${object.kind} ${quoteShort(object.name ?? '', 30)} selects no Pods of the workloads found`,
        detail:
          `The selector (${selector.requirements.map(describeRequirement).join(', ')}) matches the Pod labels of none of the ${pods.length} workload${pods.length === 1 ? '' : 's'} of its namespace ` +
          `in this file and the other files checked with it (${names}${pods.length > 3 ? ', …' : ''}). The API server accepts it, but ${what}. Check the selector against the Pod template labels. ${certaintyNote(context.env)}`,
        ...missingSeverity(context.env),
      });
    }
    return findings;
  },
};
