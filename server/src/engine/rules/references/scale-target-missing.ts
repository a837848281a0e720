// A HorizontalPodAutoscaler's scaleTargetRef (or a VerticalPodAutoscaler's targetRef) naming a
// workload that no file of the run defines: the autoscaler reports FailedGetScale and scales
// nothing. Only kinds the run collects are judged (a custom scalable resource is left alone).
// https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#how-does-a-horizontalpodautoscaler-work
import { checksReferences, fileReferences, missingFinding, referenceTargets, whereLooked } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['scaleTarget'] as const);
/** Kinds the run collects (run-objects.ts) that an autoscaler may scale. */
const SCALABLE = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DaemonSet', 'Job', 'CronJob']);

export const scaleTargetMissing: Rule = {
  meta: {
    id: 'scale-target-missing',
    defaultSeverity: 'info',
    category: 'references',
    kinds: ['HorizontalPodAutoscaler', 'VerticalPodAutoscaler'],
    summary: 'The workload an HPA or VPA scales is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { source, ref } = sourced;
      if (!SCALABLE.has(ref.kind)) continue;
      if (referenceTargets(context, ref).length > 0) continue;
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `${source.kind} ${quoteShort(source.name ?? '', 30)} scales ${ref.kind} ${quoteShort(ref.name, 30)}, which was not found`,
          `${whereLooked(ref)}: ${ref.kind} "${ref.name}". The autoscaler reports FailedGetScale and scales nothing until the target exists in its namespace.`,
        ),
      );
    }
    return findings;
  },
};
