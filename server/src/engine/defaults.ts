// The API server runs the v1 defaulters before validation, so rules judge the defaulted object.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { asInteger, asString, type JsonObject } from './json';

export const PROBE_DEFAULTS = {
  initialDelaySeconds: 0,
  timeoutSeconds: 1,
  periodSeconds: 10,
  successThreshold: 1,
  failureThreshold: 3,
} as const;

export type ProbeTimingField = keyof typeof PROBE_DEFAULTS;
export const PROBE_TIMING_FIELDS = Object.keys(PROBE_DEFAULTS) as ProbeTimingField[];

export interface DefaultedValue {
  value: number;
  /** True when the manifest omitted the field (or set 0, which the defaulter replaces). */
  defaulted: boolean;
}

/**
 * A probe timing field after defaulting: omitted, or 0 for the fields the defaulter fills
 * (every field but initialDelaySeconds), becomes the documented default.
 */
export function probeField(probe: JsonObject, field: ProbeTimingField): DefaultedValue {
  const raw = asInteger(probe[field]);
  if (raw === undefined) return { value: PROBE_DEFAULTS[field], defaulted: true };
  if (raw === 0 && field !== 'initialDelaySeconds') return { value: PROBE_DEFAULTS[field], defaulted: true };
  return { value: raw, defaulted: false };
}

export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/** spec.terminationGracePeriodSeconds after defaulting (omitted → 30; 0 stays 0). */
export function gracePeriod(spec: JsonObject): DefaultedValue {
  const raw = asInteger(spec.terminationGracePeriodSeconds);
  if (raw === undefined) return { value: DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS, defaulted: true };
  return { value: raw, defaulted: false };
}

export interface DefaultedString {
  value: string;
  defaulted: boolean;
}

/** spec.restartPolicy after defaulting: Always for Pods and templates alike. */
export function restartPolicy(spec: JsonObject): DefaultedString {
  const raw = asString(spec.restartPolicy);
  return raw === undefined || raw === '' ? { value: 'Always', defaulted: true } : { value: raw, defaulted: false };
}

export const PROBE_KINDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];
export const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
export const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
