// On liveness and startup probes, terminationGracePeriodSeconds (the grace period used when the
// probe kills the container) must be > 0 when set. Unlike the Pod-level field, 0 is rejected.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#probe-level-terminationgraceperiodseconds
import { gracePeriod } from '../../defaults';
import { asInteger } from '../../json';
import { describeOwner, probesOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeTerminationGraceNonpositive: Rule = {
  meta: {
    id: 'probe-termination-grace-nonpositive',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'A probe-level terminationGracePeriodSeconds must be greater than 0.',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const pod = gracePeriod(context.spec);
    for (const ref of probesOf(context.spec, context.specPath)) {
      if (ref.kind === 'readinessProbe') continue; // forbidden outright: probe-termination-grace-readiness
      const value = asInteger(ref.probe.terminationGracePeriodSeconds);
      if (value === undefined || value > 0) continue;
      const path = [...ref.path, 'terminationGracePeriodSeconds'];
      const podText = pod.defaulted ? `the Pod's terminationGracePeriodSeconds (defaults to ${pod.value})` : `the Pod's terminationGracePeriodSeconds (${pod.value})`;
      findings.push({
        path,
        target: 'value',
        message: `terminationGracePeriodSeconds ${value} on ${describeOwner(ref.kind, ref.container)} must be above 0`,
        detail: `The API server rejects it ("Invalid value: ${value}: must be greater than 0"). Use at least 1, or remove it so a kill by this probe uses ${podText}.`,
        fixes: [
          { title: 'Remove it (use the Pod grace period)', intents: [{ op: 'delete', path }], preferred: true },
          { title: 'Set it to 1', intents: [{ op: 'set', path, value: 1 }] },
        ],
      });
    }
    return findings;
  },
};
