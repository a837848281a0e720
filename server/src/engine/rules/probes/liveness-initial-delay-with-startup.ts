// While a startupProbe has not succeeded, the kubelet does not run the liveness probe at all.
// The liveness initialDelaySeconds still counts from the container start, so next to a startup
// probe it only matters after a fast start — where it opens a window in which a hung container
// is not detected. The startup probe already does the delay's job.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
import { asInteger, asObject, isObject } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { startupDelayNote } from '../../k8s/probe-timeline';
import { probedContainers } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const livenessInitialDelayWithStartup: Rule = {
  meta: {
    id: 'liveness-initial-delay-with-startup',
    defaultSeverity: 'hint',
    category: 'probes',
    summary: 'A liveness initialDelaySeconds next to a startupProbe, which already holds liveness back (off by default).',
    // Harmless on its own: the probe hover explains it (startupDelayNote); on for those who want it flagged.
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const liveness = asObject(container.container.livenessProbe);
      if (!liveness || !isObject(container.container.startupProbe)) continue;
      const delay = asInteger(liveness.initialDelaySeconds);
      if (delay === undefined || delay <= 0) continue;
      const path = [...container.path, 'livenessProbe', 'initialDelaySeconds'];
      findings.push({
        path,
        target: 'value',
        message: `The livenessProbe of ${describeContainer(container)} delays ${delay} s although a startupProbe holds it back`,
        detail: startupDelayNote(delay),
        fixes: [{ title: 'Remove initialDelaySeconds from the livenessProbe', intents: [{ op: 'delete', path }], preferred: true }],
      });
    }
    return findings;
  },
};
