// The sleep action of a hook may not sleep longer than the Pod's terminationGracePeriodSeconds
// (defaulted to 30). Exactly the grace period passes validation (the check is "greater than"),
// though shutdown-prestop-consumes-grace then warns. The lower bound depends on the version:
// before 1.33 a sleep must be > 0; from 1.33 (PodLifecycleSleepActionAllowZero on by default) 0
// is allowed. The bound applies to postStart sleeps too.
// https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations
import { gracePeriod } from '../../defaults';
import { asInteger, asObject } from '../../json';
import { describeOwner, hooksOf } from '../../k8s/probe-walk';
import { SHUTDOWN_MARGIN_SECONDS } from '../../k8s/shutdown-timeline';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const lifecycleSleepRange: Rule = {
  meta: {
    id: 'lifecycle-sleep-range',
    defaultSeverity: 'error',
    category: 'lifecycle',
    summary: 'A sleep hook must not exceed terminationGracePeriodSeconds (default 30) and must be > 0 before 1.33.',
    parity: ['pod-lifecycle'],
  },
  checkPodSpec(context) {
    const grace = gracePeriod(context.spec);
    if (grace.value < 0) return []; // an invalid grace period is its own error; upstream skips this check too
    const zeroAllowed = atLeast(context.env.kubernetesVersion, '1.33');
    const g = grace.value;
    const upstream = zeroAllowed
      ? `must be non-negative and less than terminationGracePeriodSeconds (${g})`
      : `must be greater than 0 and less than terminationGracePeriodSeconds (${g}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
    const graceText = grace.defaulted ? `terminationGracePeriodSeconds (not set, so 30)` : `terminationGracePeriodSeconds (${g})`;
    const gracePath = [...context.specPath, 'terminationGracePeriodSeconds'];
    const findings: RuleFinding[] = [];
    for (const ref of hooksOf(context.spec, context.specPath)) {
      const seconds = asInteger(asObject(ref.hook.sleep)?.seconds);
      if (seconds === undefined) continue;
      const path = [...ref.path, 'sleep', 'seconds'];
      const where = `The sleep of ${describeOwner(ref.kind, ref.container)}`;
      if (seconds > g) {
        const fixes: FixSpec[] = [
          {
            title: `Raise terminationGracePeriodSeconds to ${seconds + SHUTDOWN_MARGIN_SECONDS}`,
            intents: [{ op: 'set', path: gracePath, value: seconds + SHUTDOWN_MARGIN_SECONDS }],
            preferred: true,
          },
        ];
        const lower = g > 5 ? g - 5 : g;
        if (lower >= 1) fixes.push({ title: `Lower the sleep to ${lower} s`, intents: [{ op: 'set', path, value: lower }] });
        findings.push({
          path,
          target: 'value',
          message: `${where} is ${seconds} s, longer than the ${g} s grace period`,
          detail: `The sleep may not exceed ${graceText}; the API server rejects it ("Invalid value: ${seconds}: ${upstream}"). Raise the grace period to cover the sleep plus the app's shutdown, or sleep less.`,
          fixes,
        });
      } else if (seconds < 0 || (seconds === 0 && !zeroAllowed)) {
        const minimum = zeroAllowed ? 0 : 1;
        findings.push({
          path,
          target: 'value',
          message: `${where} is ${seconds} s; it must be ${zeroAllowed ? 'at least 0' : 'above 0'}`,
          detail: `The API server rejects it ("Invalid value: ${seconds}: ${upstream}").${seconds === 0 ? ' A zero sleep needs Kubernetes 1.33+.' : ''}`,
          fixes: minimum <= g ? [{ title: `Set the sleep to ${minimum} s`, intents: [{ op: 'set', path, value: minimum }], preferred: true }] : [],
        });
      }
    }
    return findings;
  },
};
