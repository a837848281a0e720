// Several replicas without podAntiAffinity or topologySpreadConstraints may all land on one
// node, and go down together with it. Availability advice, off by default.
// https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
import { asArray, asObject, getIn } from '../../json';
import type { Rule } from '../../rule-types';
import { REPLICATED, replicasOf } from './availability';

export const noAntiAffinity: Rule = {
  meta: {
    id: 'no-anti-affinity',
    defaultSeverity: 'hint',
    category: 'workloads',
    summary: 'A multi-replica Deployment or StatefulSet does not spread its Pods across nodes.',
    kinds: REPLICATED,
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    const replicas = replicasOf(context.object);
    if (!replicas || replicas.value < 2) return [];
    const antiAffinity = asObject(getIn(context.spec, ['affinity', 'podAntiAffinity']));
    if (antiAffinity || asArray(context.spec.topologySpreadConstraints).length > 0) return [];
    return [
      {
        path: ['spec', 'replicas'],
        target: 'value',
        message: `${replicas.value} replicas, but nothing keeps them apart: the scheduler may put them all on one node, which then takes them all down. Add topologySpreadConstraints (topologyKey kubernetes.io/hostname) or a preferred podAntiAffinity.`,
      },
    ];
  },
};
