// Each probe has one worker that probes once per period and waits for each attempt up to the
// timeout. With timeoutSeconds ≥ periodSeconds a slow attempt eats the next tick, so the real
// cadence is no longer the configured period — usually the timeout was raised without looking
// at the period. Judged on defaulted values (timeout 1, period 10).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { probeField } from '../../defaults';
import { capitalize } from '../../k8s/phrasing';
import { probeCadenceNote } from '../../k8s/probe-timeline';
import { describeOwner, hasNegativeTiming, probesOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const probeTimeoutExceedsPeriod: Rule = {
  meta: {
    id: 'probe-timeout-exceeds-period',
    defaultSeverity: 'hint',
    category: 'probes',
    summary: 'A probe timeoutSeconds is not shorter than its periodSeconds (off by default).',
    // Only stretches the probe's cadence when attempts time out; the probe hover shows it
    // (probeCadenceNote). On for those who want it flagged.
    enabledByDefault: false,
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      if (hasNegativeTiming(ref.probe)) continue;
      const timeout = probeField(ref.probe, 'timeoutSeconds');
      const period = probeField(ref.probe, 'periodSeconds');
      if (timeout.value < period.value) continue;
      const periodPath = [...ref.path, 'periodSeconds'];
      const fixes: FixSpec[] = [{ title: `Set periodSeconds to ${timeout.value * 2}`, intents: [{ op: 'set', path: periodPath, value: timeout.value * 2 }], preferred: true }];
      if (period.value > 1) {
        fixes.push({ title: `Set timeoutSeconds to ${period.value - 1}`, intents: [{ op: 'set', path: [...ref.path, 'timeoutSeconds'], value: period.value - 1 }] });
      }
      findings.push({
        path: timeout.defaulted ? periodPath : [...ref.path, 'timeoutSeconds'],
        target: 'value',
        message: `${capitalize(describeOwner(ref.kind, ref.container))}: timeoutSeconds ${timeout.value} ≥ periodSeconds ${period.value}`,
        detail: probeCadenceNote(ref.probe),
        fixes,
      });
    }
    return findings;
  },
};
