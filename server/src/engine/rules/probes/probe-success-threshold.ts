// successThreshold must be 1 on liveness and startup probes: one success is all a restart
// decision can use. Only readiness may ask for several successes in a row. An explicit 0 is not
// an error: the defaulter turns it into 1 before validation.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { asInteger } from '../../json';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, probesOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeSuccessThreshold: Rule = {
  meta: {
    id: 'probe-success-threshold',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'successThreshold must be 1 on liveness and startup probes.',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      if (ref.kind === 'readinessProbe') continue;
      const value = asInteger(ref.probe.successThreshold);
      if (value === undefined || value <= 1) continue; // 0 is defaulted to 1; negatives: probe-negative-field
      const path = [...ref.path, 'successThreshold'];
      findings.push({
        path,
        target: 'value',
        message: `${capitalize(describeOwner(ref.kind, ref.container))} sets successThreshold ${value}; it must be 1`,
        detail: `The API server rejects it ("Invalid value: ${value}: must be 1"). Use 1: only a readinessProbe can require several successes in a row.`,
        fixes: [
          { title: 'Set successThreshold to 1', intents: [{ op: 'set', path, value: 1 }], preferred: true, safe: true },
          { title: 'Remove successThreshold (defaults to 1)', intents: [{ op: 'delete', path }] },
        ],
      });
    }
    return findings;
  },
};
