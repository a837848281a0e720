// The timeline a probe produces once the API server has defaulted it, for hovers and messages.
// The kubelet runs one worker per probe: it skips ticks until initialDelaySeconds have passed
// since the container started, then probes once per periodSeconds (each attempt bounded by
// timeoutSeconds). failureThreshold failures in a row trigger the outcome (restart for liveness
// and startup, NotReady for readiness); successThreshold successes in a row undo it.
// Liveness and readiness probes do not run until a startupProbe has succeeded.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { PROBE_TIMING_FIELDS, probeField, type DefaultedValue, type ProbeKind, type ProbeTimingField } from '../defaults';
import type { JsonObject } from '../json';

export interface ProbeTimeline {
  kind: ProbeKind;
  /** Every timing field after defaulting; `defaulted` says the manifest omitted it (or wrote 0). */
  fields: Record<ProbeTimingField, DefaultedValue>;
  /** What failureThreshold failures in a row do. */
  outcome: 'restart' | 'not-ready';
  /** Seconds after the container starts before the first check (= initialDelaySeconds). */
  firstCheckSeconds: number;
  /** Seconds from the first failed check to the outcome: failureThreshold × periodSeconds. */
  failureWindowSeconds: number;
  /**
   * Liveness/startup: latest time after the container starts at which a container that never
   * passes is restarted (initialDelaySeconds + failureThreshold × periodSeconds; the first tick
   * can land up to one period late, which this includes). Readiness: undefined — such a
   * container is simply never Ready.
   */
  worstCaseSeconds: number | undefined;
  /** Earliest time after the container starts at which the probe can count as passed. */
  earliestPassSeconds: number;
  /** One or two plain sentences, e.g. for a hover. */
  summary: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function probeTimeline(probe: JsonObject, kind: ProbeKind): ProbeTimeline {
  const fields = Object.fromEntries(PROBE_TIMING_FIELDS.map((field) => [field, probeField(probe, field)])) as Record<ProbeTimingField, DefaultedValue>;
  const delay = fields.initialDelaySeconds.value;
  const period = fields.periodSeconds.value;
  const failures = fields.failureThreshold.value;
  const successes = fields.successThreshold.value;
  const timeout = fields.timeoutSeconds.value;
  const outcome = kind === 'readinessProbe' ? 'not-ready' : 'restart';
  const failureWindowSeconds = failures * period;
  const worstCaseSeconds = outcome === 'restart' ? delay + failureWindowSeconds : undefined;
  const earliestPassSeconds = delay + (successes - 1) * period;

  const cadence = `checks every ${plural(period, 'second')} (timeout ${timeout} s)`;
  const first = delay > 0 ? `First check ${delay} s after the container starts, then ${cadence}` : `First check as soon as the container starts, then ${cadence}`;
  let effect: string;
  if (kind === 'livenessProbe') {
    effect = `${plural(failures, 'failure')} in a row (about ${failureWindowSeconds} s) restart the container; one that never passes is restarted about ${worstCaseSeconds} s after it starts.`;
  } else if (kind === 'startupProbe') {
    effect = `The container has about ${worstCaseSeconds} s to pass once (${failures} × ${period} s); otherwise it is restarted. Liveness and readiness probes wait for it.`;
  } else {
    const ready = successes > 1 ? `Ready after ${successes} successes in a row (at the earliest ${earliestPassSeconds} s)` : `Ready after the first success`;
    effect = `${ready}; ${plural(failures, 'failure')} in a row (about ${failureWindowSeconds} s) take it out of Service endpoints.`;
  }
  return {
    kind,
    fields,
    outcome,
    firstCheckSeconds: delay,
    failureWindowSeconds,
    worstCaseSeconds,
    earliestPassSeconds,
    summary: `${first}. ${effect}`,
  };
}

/**
 * What a liveness initialDelaySeconds does next to a startupProbe (for the probe hover and the
 * liveness-initial-delay-with-startup detail): the kubelet does not run liveness until the
 * startup probe has passed, but the delay still counts from the container start.
 */
export function startupDelayNote(delay: number): string {
  return (
    `A startupProbe already keeps liveness from running until the app has started. initialDelaySeconds: ${delay} still counts from the container start, ` +
    `so after a fast start it only adds up to ${delay} s in which a hang goes unnoticed. Let the startup probe do the waiting.`
  );
}

/**
 * A note for the probe hover when timeoutSeconds is not shorter than periodSeconds (the
 * probe-timeout-exceeds-period detail): the worker runs one attempt at a time, so attempts that
 * run into the timeout come every timeoutSeconds, not every periodSeconds, and failures take
 * failureThreshold × timeoutSeconds to count up. Undefined when the timeout is shorter.
 */
export function probeCadenceNote(probe: JsonObject): string | undefined {
  const timeoutField = probeField(probe, 'timeoutSeconds');
  const periodField = probeField(probe, 'periodSeconds');
  const timeout = timeoutField.value;
  const period = periodField.value;
  const failures = probeField(probe, 'failureThreshold').value;
  if (timeout < period || timeout <= 0 || period <= 0) return undefined;
  const mark = (defaulted: boolean): string => (defaulted ? ' (default)' : '');
  const slower = timeout > period ? `, and ${failures} failures take ~${failures * timeout} s to count up, not ${failures * period} s` : ', with no slack between attempts';
  return (
    `timeoutSeconds ${timeout}${mark(timeoutField.defaulted)} is not shorter than periodSeconds ${period}${mark(periodField.defaulted)}: ` +
    `the kubelet runs one attempt at a time, so attempts that time out come every ${timeout} s${slower}. Make periodSeconds larger than timeoutSeconds.`
  );
}
