// Probe timing fields must be ≥ 0. An explicit 0 is accepted and, except for
// initialDelaySeconds, replaced by the default before validation (timeoutSeconds 1,
// periodSeconds 10, successThreshold 1, failureThreshold 3) — worth an info, since "0" reads as
// "never" or "no timeout" but means the default.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { PROBE_DEFAULTS, PROBE_TIMING_FIELDS } from '../../defaults';
import { asInteger } from '../../json';
import { describeOwner, probesOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const UNITS: Record<string, string> = {
  initialDelaySeconds: ' s',
  timeoutSeconds: ' s',
  periodSeconds: ' s',
  successThreshold: '',
  failureThreshold: '',
};

export const probeNegativeField: Rule = {
  meta: {
    id: 'probe-negative-field',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'Probe timing fields must not be negative; an explicit 0 means the default (info).',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      for (const field of PROBE_TIMING_FIELDS) {
        const value = asInteger(ref.probe[field]);
        if (value === undefined || value > 0) continue;
        const path = [...ref.path, field];
        const fallback = PROBE_DEFAULTS[field];
        const unit = UNITS[field];
        if (value < 0) {
          const fixes: FixSpec[] = [{ title: `Remove ${field} (defaults to ${fallback}${unit})`, intents: [{ op: 'delete', path }], preferred: true }];
          // successThreshold above 1 is only valid on readiness probes.
          if (field !== 'successThreshold' || ref.kind === 'readinessProbe' || value === -1) {
            fixes.push({ title: `Use ${-value} (drop the minus sign)`, intents: [{ op: 'set', path, value: -value }] });
          }
          findings.push({
            path,
            target: 'value',
            message: `${field} ${value} in ${describeOwner(ref.kind, ref.container)} is negative`,
            detail: `The API server rejects it ("Invalid value: ${value}: must be greater than or equal to 0"). Use a positive value, or remove the field to get the default (${fallback}${unit}).`,
            fixes,
          });
        } else if (field !== 'initialDelaySeconds') {
          findings.push({
            path,
            target: 'value',
            severity: 'info',
            message: `${field}: 0 in ${describeOwner(ref.kind, ref.container)} means the default, ${fallback}${unit}`,
            detail: `The API server replaces 0 with the default before the probe runs: it means ${fallback}${unit}, not "no limit". Write ${fallback}, or remove the field, to say what happens.`,
            fixes: [
              { title: `Set ${field} to ${fallback} (what 0 means)`, intents: [{ op: 'set', path, value: fallback }], preferred: true, safe: true },
              { title: `Remove ${field} (defaults to ${fallback}${unit})`, intents: [{ op: 'delete', path }] },
            ],
          });
        }
      }
    }
    return findings;
  },
};
