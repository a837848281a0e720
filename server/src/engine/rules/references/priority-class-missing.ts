// A Pod's priorityClassName that no file of the run defines. The Priority admission plugin refuses
// the Pod ("no PriorityClass with name … was found"). PriorityClasses are cluster-scoped; the two
// system classes always exist.
// https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/#pod-priority
import { checksReferences, fileReferences, isBuiltInTarget, missingFinding, referenceTargets, referrer } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['priorityClass'] as const);

export const priorityClassMissing: Rule = {
  meta: {
    id: 'priority-class-missing',
    defaultSeverity: 'info',
    category: 'references',
    summary: 'The PriorityClass a Pod names is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { source, ref } = sourced;
      if (isBuiltInTarget('PriorityClass', ref.name) || referenceTargets(context, ref, ['scheduling.k8s.io/v1', 'scheduling.k8s.io/v1beta1']).length > 0) continue;
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `${referrer(source, ref.path)} names PriorityClass ${quoteShort(ref.name)}, which was not found`,
          `No PriorityClass "${ref.name}" is in this file or the other files checked with it. The API server refuses the Pod (no PriorityClass with name ${ref.name} was found) until the class exists.`,
        ),
      );
    }
    return findings;
  },
};
