// Without a readinessProbe a container counts as Ready as soon as it runs, so a Service sends it
// traffic before the application listens. Per-container peer check (Polaris
// readinessProbeMissing, kube-linter no-readiness-probe); off by default, since
// rollout-missing-readiness already covers the case that matters (workloads behind Services).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
import { isObject } from '../../json';
import { capitalize, describeContainer } from '../../k8s/phrasing';
import { probedContainers } from '../../k8s/probe-walk';
import { addReadinessFixes } from '../../k8s/readiness-fixes';
import { isLongRunning } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeReadinessMissing: Rule = {
  meta: {
    id: 'probe-readiness-missing',
    defaultSeverity: 'info',
    category: 'probes',
    summary: 'A long-running container has no readinessProbe (off by default).',
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    if (!isLongRunning(context.kind, context.spec)) return [];
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      if (container.group !== 'containers' || isObject(container.container.readinessProbe)) continue;
      const fixes = addReadinessFixes(container);
      findings.push({
        path: container.name !== undefined ? [...container.path, 'name'] : container.path,
        target: 'value',
        message: `${capitalize(describeContainer(container))} has no readinessProbe`,
        detail:
          'It counts as Ready as soon as it starts, so a Service sends it traffic before the application may be listening. ' +
          'Add a readinessProbe that passes once the app can serve.',
        fixes,
      });
    }
    return findings;
  },
};
