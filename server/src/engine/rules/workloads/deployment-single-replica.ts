// A Deployment with one replica (spec.replicas omitted means 1) has a gap in service whenever its
// Pod is rescheduled, evicted or its node is drained. Availability advice, off by default: many
// workloads are fine with it. When a HorizontalPodAutoscaler of the file scales the Deployment,
// the HPA owns spec.replicas: its minReplicas is what counts, and the hint goes on the HPA.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas
import { asInteger, getIn } from '../../json';
import { describeObject } from '../../k8s/file-objects';
import { autoscalerOf, replicasOf, type Autoscaler } from '../../k8s/replicas';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FixIntent } from '../../types';

export const deploymentSingleReplica: Rule = {
  meta: {
    id: 'deployment-single-replica',
    defaultSeverity: 'hint',
    category: 'workloads',
    summary: 'A Deployment runs a single replica (or its HorizontalPodAutoscaler may scale it to one), so any Pod disruption is an outage.',
    kinds: ['Deployment', 'HorizontalPodAutoscaler'],
    enabledByDefault: false,
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    for (const object of context.objects) {
      if (object.kind !== 'Deployment') continue;
      const autoscaler = autoscalerOf(object, context);
      if (autoscaler === null) continue;
      if (autoscaler) {
        if (autoscaler.min === 1) findings.push(autoscalerFinding(autoscaler, describeObject(object)));
        continue;
      }
      const replicas = replicasOf(object.object);
      if (!replicas || replicas.value !== 1) continue;
      findings.push({
        documentIndex: object.documentIndex,
        objectIndex: object.objectIndex,
        path: replicas.defaulted ? ['spec'] : ['spec', 'replicas'],
        target: replicas.defaulted ? 'key' : 'value',
        message: `${describeObject(object)} runs ${replicas.defaulted ? 'one replica (spec.replicas defaults to 1)' : 'a single replica'}`,
        detail: 'A node drain, eviction or crash leaves it with no ready Pod. Run at least 2 replicas if it serves traffic.',
        fixes: [
          {
            title: 'Set replicas: 2',
            intents: [replicas.defaulted ? { op: 'insert', path: ['spec'], key: 'replicas', value: 2 } : { op: 'set', path: ['spec', 'replicas'], value: 2 }],
          },
        ],
      });
    }
    return findings;
  },
};

function autoscalerFinding(autoscaler: Autoscaler, target: string): FileRuleFinding {
  const { object, minDefaulted } = autoscaler;
  const intents: FixIntent[] = [
    minDefaulted ? { op: 'insert', path: ['spec'], key: 'minReplicas', value: 2, after: 'scaleTargetRef' } : { op: 'set', path: ['spec', 'minReplicas'], value: 2 },
  ];
  // maxReplicas may not be below minReplicas.
  const max = asInteger(getIn(object.object, ['spec', 'maxReplicas']));
  if (max !== undefined && max < 2) intents.push({ op: 'set', path: ['spec', 'maxReplicas'], value: 2 });
  return {
    documentIndex: object.documentIndex,
    objectIndex: object.objectIndex,
    path: minDefaulted ? ['spec'] : ['spec', 'minReplicas'],
    target: minDefaulted ? 'key' : 'value',
    message: `This HorizontalPodAutoscaler may scale ${target} down to one replica`,
    detail: `${minDefaulted ? 'minReplicas defaults to 1' : 'minReplicas is 1'}: at one replica, a node drain, eviction or crash leaves it with no ready Pod. Set minReplicas to at least 2 if it serves traffic.`,
    fixes: [{ title: 'Set minReplicas: 2', intents }],
  };
}
