// The grace period counts from the start of preStop, not from SIGTERM. The kubelet runs preStop
// first, sends SIGTERM only when it returns, and SIGKILL when the grace period (default 30) is
// used up — with a one-time 2-second extension when preStop overruns. So a preStop sleep close
// to (or past) the grace period leaves the application almost no time to shut down cleanly.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { gracePeriod } from '../../defaults';
import { hookDuration } from '../../k8s/hook-duration';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, hooksOf } from '../../k8s/probe-walk';
import { SHUTDOWN_MARGIN_SECONDS } from '../../k8s/shutdown-timeline';
import { MINIMUM_SHUTDOWN_WINDOW_SECONDS, formatSeconds } from '../../k8s/shutdown-timeline';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

/** Below this many seconds between SIGTERM and SIGKILL, few apps finish a clean shutdown. */
const MIN_APP_SHUTDOWN_SECONDS = 5;

export const shutdownPrestopConsumesGrace: Rule = {
  meta: {
    id: 'shutdown-prestop-consumes-grace',
    defaultSeverity: 'warning',
    category: 'shutdown',
    summary: 'A preStop hook uses up (nearly) all of terminationGracePeriodSeconds, leaving the app no time to stop after SIGTERM.',
  },
  checkPodSpec(context) {
    const grace = gracePeriod(context.spec);
    const g = grace.value;
    if (g <= 0) return []; // 0: preStop never runs (shutdown-prestop-zero-grace); negative: invalid
    const graceText = grace.defaulted ? 'terminationGracePeriodSeconds is not set, so 30' : `terminationGracePeriodSeconds is ${g}`;
    const timeline = `The kubelet runs preStop first, sends SIGTERM only after it returns, and SIGKILL when the grace period ends (one-time ${MINIMUM_SHUTDOWN_WINDOW_SECONDS} s extension if preStop overruns).`;
    const gracePath = [...context.specPath, 'terminationGracePeriodSeconds'];
    const findings: RuleFinding[] = [];
    for (const ref of hooksOf(context.spec, context.specPath)) {
      if (ref.kind !== 'preStop') continue;
      const duration = hookDuration(ref.hook, ref.path);
      const who = capitalize(describeOwner(ref.kind, ref.container));
      // An httpGet preStop has no duration we can know: the shutdown hover on the hook shows the
      // timeline (the kubelet waits at most the grace period); there is nothing to act on here.
      if (duration.handler === 'httpGet') continue;
      const n = duration.seconds;
      if (n === undefined) continue;
      if (duration.handler === 'sleep' && n > g) continue; // rejected by the API: lifecycle-sleep-range
      const left = g - n;
      if (left >= MIN_APP_SHUTDOWN_SECONDS) continue;
      const atLeast = duration.exact ? '' : 'at least ';
      const effect =
        n >= g
          ? `the grace period is used up before SIGTERM, so the app gets only the ${MINIMUM_SHUTDOWN_WINDOW_SECONDS}-second extension before SIGKILL`
          : `SIGTERM comes ${atLeast}${formatSeconds(n)} after deletion, leaving the app ${duration.exact ? '' : 'at most '}${formatSeconds(left)} before SIGKILL`;
      const fixes: FixSpec[] = [];
      if (Number.isFinite(n)) {
        const raised = Math.ceil(n) + SHUTDOWN_MARGIN_SECONDS;
        fixes.push({ title: `Raise terminationGracePeriodSeconds to ${raised}`, intents: [{ op: 'set', path: gracePath, value: raised }], preferred: true });
      }
      const lowered = g >= 11 ? g - 10 : g >= 6 ? g - 5 : undefined;
      if (duration.retime && lowered !== undefined && lowered < n) {
        fixes.push({ title: `Lower the sleep to ${lowered} s`, intents: [duration.retime(lowered)] });
      }
      findings.push({
        path: [...ref.path, duration.handler ?? 'exec'],
        target: 'key',
        message:
          n >= g
            ? `${who} takes ${atLeast}${formatSeconds(n)}, all of the ${g} s grace period`
            : `${who} takes ${atLeast}${formatSeconds(n)} of the ${g} s grace period, leaving ${formatSeconds(left)}`,
        detail: `The hook takes ${atLeast}${formatSeconds(n)}, and ${graceText}: ${effect}. ${timeline} Raise the grace period to cover preStop plus the app's shutdown, or shorten the sleep.`,
        fixes,
      });
    }
    return findings;
  },
};
