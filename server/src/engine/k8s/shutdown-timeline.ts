// What happens to a container between "delete the Pod" and SIGKILL, from the manifest alone.
// The kubelet (killContainer):
//   1. takes the grace period (spec.terminationGracePeriodSeconds, defaulted to 30);
//   2. if the container has a preStop hook and the grace period is > 0, runs the hook first and
//      waits for it at most the grace period — the countdown starts before the hook;
//   3. sends SIGTERM when the hook returns, and SIGKILL when the rest of the grace period is
//      used up; the rest is never less than 2 s (the one-time extension when preStop overruns).
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { gracePeriod, type DefaultedValue } from '../defaults';
import type { JsonObject } from '../json';
import { hookDuration, preStopOf, type HookDuration } from './hook-duration';

/** The kubelet's minimumGracePeriodInSeconds: SIGTERM always gets at least this long. */
export const MINIMUM_SHUTDOWN_WINDOW_SECONDS = 2;

/** Time the app should keep for its own shutdown after a preStop sleep. */
export const SHUTDOWN_MARGIN_SECONDS = 15;

export interface ShutdownTimeline {
  /** terminationGracePeriodSeconds after defaulting. */
  gracePeriod: DefaultedValue;
  /** The preStop hook as read statically; undefined without a hook. */
  preStop: HookDuration | undefined;
  /** False without a hook, or with a grace period of 0 (the kubelet then skips preStop). */
  preStopRuns: boolean;
  /** Seconds after deletion at which SIGTERM is sent; undefined when preStop's duration is unknown. */
  sigtermAtSeconds: number | undefined;
  /** Latest possible SIGKILL, in seconds after deletion. */
  sigkillAtSeconds: number;
  /** Seconds the app has between SIGTERM and SIGKILL; undefined when unknown. */
  appShutdownSeconds: number | undefined;
  /** True when preStop (as far as we know) runs into the grace period and triggers the 2 s extension. */
  preStopOverruns: boolean;
  /** The steps in plain words, for hovers. */
  steps: string[];
}

export function shutdownTimeline(spec: JsonObject, container: JsonObject): ShutdownTimeline {
  const grace = gracePeriod(spec);
  const g = Math.max(0, grace.value);
  const graceText = `terminationGracePeriodSeconds ${grace.value}${grace.defaulted ? ' (default)' : ''}`;
  const hook = preStopOf(container);
  const preStop = hook ? hookDuration(hook) : undefined;
  const preStopRuns = preStop !== undefined && preStop.handler !== undefined && g > 0;
  const steps = [`Deletion starts the ${graceText} countdown.`];

  if (!preStopRuns) {
    if (preStop && g === 0) steps.push('The grace period is 0, so the kubelet skips the preStop hook.');
    const kill = Math.max(g, MINIMUM_SHUTDOWN_WINDOW_SECONDS);
    steps.push(`SIGTERM at 0 s; SIGKILL at ${kill} s if the process is still running.`);
    return { gracePeriod: grace, preStop, preStopRuns: false, sigtermAtSeconds: 0, sigkillAtSeconds: kill, appShutdownSeconds: kill, preStopOverruns: false, steps };
  }

  const n = preStop?.seconds;
  const hookText = describeHook(preStop);
  if (n === undefined) {
    steps.push(`The preStop ${hookText} runs first; its duration is unknown, and the kubelet waits for it at most ${g} s.`);
    steps.push(`SIGTERM when the hook returns (at the latest at ${g} s); SIGKILL at ${g} s, or ${g + MINIMUM_SHUTDOWN_WINDOW_SECONDS} s if the hook used up the grace period.`);
    return {
      gracePeriod: grace,
      preStop,
      preStopRuns,
      sigtermAtSeconds: undefined,
      sigkillAtSeconds: g + MINIMUM_SHUTDOWN_WINDOW_SECONDS,
      appShutdownSeconds: undefined,
      preStopOverruns: false,
      steps,
    };
  }
  const atLeast = preStop?.exact ? '' : 'at least ';
  if (n >= g) {
    steps.push(`The preStop ${hookText} takes ${atLeast}${formatSeconds(n)}, which uses up the ${g} s grace period; the kubelet stops waiting at ${g} s.`);
    steps.push(`SIGTERM at ${g} s with only the one-time ${MINIMUM_SHUTDOWN_WINDOW_SECONDS} s extension left; SIGKILL at ${g + MINIMUM_SHUTDOWN_WINDOW_SECONDS} s.`);
    return {
      gracePeriod: grace,
      preStop,
      preStopRuns,
      sigtermAtSeconds: g,
      sigkillAtSeconds: g + MINIMUM_SHUTDOWN_WINDOW_SECONDS,
      appShutdownSeconds: MINIMUM_SHUTDOWN_WINDOW_SECONDS,
      preStopOverruns: true,
      steps,
    };
  }
  const window = Math.max(g - n, MINIMUM_SHUTDOWN_WINDOW_SECONDS);
  const kill = n + window;
  steps.push(`The preStop ${hookText} runs first: ${atLeast}${formatSeconds(n)}.`);
  steps.push(
    `SIGTERM at ${atLeast}${formatSeconds(n)}; SIGKILL at ${formatSeconds(kill)}, leaving the app ${preStop?.exact ? '' : 'at most '}${formatSeconds(window)} to shut down.`,
  );
  return { gracePeriod: grace, preStop, preStopRuns, sigtermAtSeconds: n, sigkillAtSeconds: kill, appShutdownSeconds: window, preStopOverruns: false, steps };
}

export function describeHook(hook: HookDuration | undefined): string {
  switch (hook?.handler) {
    case 'sleep':
      return 'sleep action';
    case 'exec':
      return 'exec command';
    case 'httpGet':
      return 'httpGet request';
    case 'tcpSocket':
      return 'tcpSocket action';
    default:
      return 'hook';
  }
}

export function formatSeconds(seconds: number): string {
  if (seconds === Infinity) return 'forever';
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(2))} s`;
}
