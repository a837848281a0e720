// A probe-level terminationGracePeriodSeconds sets the grace period used when *that probe* kills
// the container. A readiness probe never kills anything, so the API server forbids the field
// there ("must not be set for readinessProbes").
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds
import { asObject } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { isSet, probedContainers } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const probeTerminationGraceReadiness: Rule = {
  meta: {
    id: 'probe-termination-grace-readiness',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'terminationGracePeriodSeconds is not allowed on a readinessProbe.',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const readiness = asObject(container.container.readinessProbe);
      if (!readiness || !isSet(readiness.terminationGracePeriodSeconds)) continue;
      const probePath = [...container.path, 'readinessProbe'];
      const path = [...probePath, 'terminationGracePeriodSeconds'];
      const value = readiness.terminationGracePeriodSeconds;
      const fixes: FixSpec[] = [{ title: 'Remove terminationGracePeriodSeconds from the readinessProbe', intents: [{ op: 'delete', path }], preferred: true, safe: true }];
      const liveness = asObject(container.container.livenessProbe);
      if (liveness && !isSet(liveness.terminationGracePeriodSeconds)) {
        fixes.push({
          title: 'Move it to the livenessProbe',
          intents: [
            { op: 'delete', path },
            { op: 'insert', path: [...container.path, 'livenessProbe'], key: 'terminationGracePeriodSeconds', value },
          ],
        });
      }
      findings.push({
        path,
        target: 'key',
        message: `The readinessProbe of ${describeContainer(container)} may not set terminationGracePeriodSeconds`,
        detail:
          'The API server rejects it ("must not be set for readinessProbes"): a readiness failure never kills the container. ' +
          'Remove it, or put it on the liveness or startup probe.',
        fixes,
      });
    }
    return findings;
  },
};
