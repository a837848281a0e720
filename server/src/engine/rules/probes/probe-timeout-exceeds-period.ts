// Each probe has one worker that probes once per period and waits for each attempt up to the
// timeout. With timeoutSeconds ≥ periodSeconds a slow attempt eats the next tick, so the real
// cadence is no longer the configured period — usually the timeout was raised without looking
// at the period. Judged on defaulted values (timeout 1, period 10).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { probeField } from '../../defaults';
import { describeOwner, hasNegativeTiming, probesOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const probeTimeoutExceedsPeriod: Rule = {
  meta: {
    id: 'probe-timeout-exceeds-period',
    defaultSeverity: 'hint',
    category: 'probes',
    summary: 'A probe timeoutSeconds is not shorter than its periodSeconds.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      if (hasNegativeTiming(ref.probe)) continue;
      const timeout = probeField(ref.probe, 'timeoutSeconds');
      const period = probeField(ref.probe, 'periodSeconds');
      if (timeout.value < period.value) continue;
      const timeoutText = `timeoutSeconds ${timeout.value}${timeout.defaulted ? ' (default)' : ''}`;
      const periodText = `periodSeconds ${period.value}${period.defaulted ? ' (default)' : ''}`;
      const periodPath = [...ref.path, 'periodSeconds'];
      const fixes: FixSpec[] = [{ title: `Set periodSeconds to ${timeout.value * 2}`, intents: [{ op: 'set', path: periodPath, value: timeout.value * 2 }], preferred: true }];
      if (period.value > 1) {
        fixes.push({ title: `Set timeoutSeconds to ${period.value - 1}`, intents: [{ op: 'set', path: [...ref.path, 'timeoutSeconds'], value: period.value - 1 }] });
      }
      findings.push({
        path: timeout.defaulted ? periodPath : [...ref.path, 'timeoutSeconds'],
        target: 'value',
        message: `In ${describeOwner(ref.kind, ref.container)}, ${timeoutText} is not shorter than ${periodText}: the kubelet runs one attempt at a time, so a slow attempt delays the next and the period stops meaning anything. Make periodSeconds larger than timeoutSeconds.`,
        fixes,
      });
    }
    return findings;
  },
};
