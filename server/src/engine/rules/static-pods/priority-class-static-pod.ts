// Control-plane static Pods (kubeadm's apiserver, etcd, scheduler, controller-manager) use
// priorityClassName system-node-critical: they run on one node and must be the last to be
// evicted there. system-cluster-critical is meant for cluster add-ons that can move.
// https://kubernetes.io/docs/tasks/administer-cluster/guaranteed-scheduling-critical-addon-pods/
import { asString } from '../../json';
import type { Rule } from '../../rule-types';

export const priorityClassStaticPod: Rule = {
  meta: {
    id: 'priority-class-static-pod',
    defaultSeverity: 'hint',
    category: 'static-pods',
    summary: 'A static Pod uses system-cluster-critical; node-bound static Pods use system-node-critical.',
    staticPodOnly: true,
    kinds: ['Pod'],
  },
  checkPodSpec(context) {
    if (asString(context.spec.priorityClassName) !== 'system-cluster-critical') return [];
    const path = [...context.specPath, 'priorityClassName'];
    return [
      {
        path,
        target: 'value',
        message: 'A static Pod is bound to its node: use system-node-critical, not system-cluster-critical',
        detail:
          'The matching class for a node-bound Pod is system-node-critical, what kubeadm uses for control-plane static Pods; ' +
          'system-cluster-critical is for add-ons that can be rescheduled elsewhere.',
        fixes: [{ title: 'Use system-node-critical', intents: [{ op: 'set', path, value: 'system-node-critical' }], preferred: true }],
      },
    ];
  },
};
