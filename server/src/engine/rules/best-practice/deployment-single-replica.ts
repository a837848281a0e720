// A Deployment with one replica (spec.replicas omitted means 1) has a gap in service whenever its
// Pod is rescheduled, evicted or its node is drained. Availability advice, off by default: many
// workloads (and HPA-managed ones) are fine with it.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas
import type { Rule } from '../../rule-types';
import { replicasOf } from './availability';

export const deploymentSingleReplica: Rule = {
  meta: {
    id: 'deployment-single-replica',
    defaultSeverity: 'hint',
    category: 'workloads',
    summary: 'A Deployment runs a single replica, so any Pod disruption is an outage.',
    kinds: ['Deployment'],
    enabledByDefault: false,
  },
  checkObject(context) {
    const replicas = replicasOf(context.object);
    if (!replicas || replicas.value !== 1) return [];
    return [
      {
        path: replicas.defaulted ? ['spec'] : ['spec', 'replicas'],
        target: replicas.defaulted ? 'key' : 'value',
        message: `This Deployment runs ${replicas.defaulted ? 'one replica (spec.replicas defaults to 1)' : 'a single replica'}: a node drain, eviction or crash leaves it with no ready Pod. Run at least 2 replicas if it serves traffic.`,
        fixes: [{ title: 'Set replicas: 2', intents: [replicas.defaulted ? { op: 'insert', path: ['spec'], key: 'replicas', value: 2 } : { op: 'set', path: ['spec', 'replicas'], value: 2 }] }],
      },
    ];
  },
};
