// A liveness failure makes the kubelet kill the container, and restartPolicy decides what happens
// next. With restartPolicy: Never the container stays dead and the Pod ends Failed, so the probe
// turns a hiccup into a failed Pod (for a Job: one more failure toward backoffLimit).
// Native sidecars restart regardless of the Pod policy, and a container-level restartPolicy
// (1.34+) overrides the Pod's.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
import { asObject, asString } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { probedContainers } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const ALWAYS_ONLY = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'];

export const livenessWithRestartNever: Rule = {
  meta: {
    id: 'liveness-with-restart-never',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'A livenessProbe in a Pod with restartPolicy: Never: the first liveness failure ends the container for good.',
  },
  checkPodSpec(context) {
    // Workload controllers that need Always already get restart-policy-invalid for Never.
    if (asString(context.spec.restartPolicy) !== 'Never' || ALWAYS_ONLY.includes(context.kind)) return [];
    const findings: RuleFinding[] = [];
    const job = context.kind === 'Job' || context.kind === 'CronJob';
    for (const container of probedContainers(context.spec, context.specPath)) {
      if (container.isSidecar || asString(container.container.restartPolicy)) continue;
      if (!asObject(container.container.livenessProbe)) continue;
      const probePath = [...container.path, 'livenessProbe'];
      findings.push({
        path: probePath,
        target: 'key',
        message: `The livenessProbe of ${describeContainer(container)} can kill it, and restartPolicy Never keeps it dead`,
        detail:
          `A liveness failure kills the container; with restartPolicy: Never it is not restarted and the Pod ends Failed${job ? ', which the Job counts toward backoffLimit' : ''}. ` +
          'Remove the livenessProbe, or use restartPolicy: OnFailure.',
        fixes: [
          { title: 'Remove the livenessProbe', intents: [{ op: 'delete', path: probePath }] },
          { title: 'Set restartPolicy to OnFailure', intents: [{ op: 'set', path: [...context.specPath, 'restartPolicy'], value: 'OnFailure' }] },
        ],
      });
    }
    return findings;
  },
};
