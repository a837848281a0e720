// Without a livenessProbe the kubelet restarts a container only when its process exits; a
// deadlocked process keeps running. Off by default and only a hint: a careless liveness probe
// does more harm than none (kube-score's advice: if you don't know why you need one, don't add
// it). Peers: Polaris livenessProbeMissing, kube-linter no-liveness-probe.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
import { isObject } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import { probedContainers } from '../../k8s/probe-walk';
import { isLongRunning } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeLivenessMissing: Rule = {
  meta: {
    id: 'probe-liveness-missing',
    defaultSeverity: 'hint',
    category: 'probes',
    summary: 'A long-running container has no livenessProbe (off by default).',
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    if (!isLongRunning(context.kind, context.spec)) return [];
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      if (container.group !== 'containers' || isObject(container.container.livenessProbe)) continue;
      findings.push({
        path: container.name !== undefined ? [...container.path, 'name'] : container.path,
        target: 'value',
        message: `${capitalize(describeContainer(container))} has no livenessProbe`,
        detail:
          'The kubelet restarts it only when its process exits, not when it hangs. ' +
          'Add one if the app can deadlock: a cheap check of the process itself, more patient than readiness.',
      });
    }
    return findings;
  },
};
