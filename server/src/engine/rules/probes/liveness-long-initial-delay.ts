// A long liveness initialDelaySeconds is a guess at the slowest startup: too short and slow
// starts are killed, too long and a container that hangs early goes unnoticed for that long on
// every start. A startupProbe holds liveness back only until the app has actually started, with
// failureThreshold × periodSeconds as the worst-case budget.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
import { probeField } from '../../defaults';
import { asInteger, asObject, isObject, type JsonObject } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { hasNegativeTiming, probedContainers, singleHandler } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const LONG_INITIAL_DELAY_SECONDS = 60;

export const livenessLongInitialDelay: Rule = {
  meta: {
    id: 'liveness-long-initial-delay',
    defaultSeverity: 'hint',
    category: 'probes',
    summary: 'A long liveness initialDelaySeconds without a startupProbe; a startup probe handles slow starts better.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const liveness = asObject(container.container.livenessProbe);
      if (!liveness || isObject(container.container.startupProbe) || hasNegativeTiming(liveness)) continue;
      const delay = asInteger(liveness.initialDelaySeconds);
      if (delay === undefined || delay < LONG_INITIAL_DELAY_SECONDS) continue;
      const probePath = [...container.path, 'livenessProbe'];
      const delayPath = [...probePath, 'initialDelaySeconds'];
      const fixes: FixSpec[] = [];
      const startup = startupProbeFor(liveness, delay);
      if (startup) {
        fixes.push({
          title: `Replace the delay with a startupProbe (up to ${startup.budget} s to start)`,
          intents: [
            { op: 'insert', path: container.path, key: 'startupProbe', value: startup.probe, after: 'livenessProbe' },
            { op: 'delete', path: delayPath },
          ],
          preferred: true,
        });
      }
      findings.push({
        path: delayPath,
        target: 'value',
        message: `The livenessProbe of ${describeContainer(container)} waits ${delay} s after every start before checking`,
        detail:
          `A container that hangs early goes unnoticed for ${delay} s, and a start slower than that is killed. ` +
          'A startupProbe whose failureThreshold × periodSeconds covers the slowest start holds liveness back only until the app is up.',
        fixes,
      });
    }
    return findings;
  },
};

/**
 * A startup probe with the same handler that grants at least the budget the delay gave:
 * ceil(delay / period) attempts for the delay itself plus the liveness failureThreshold.
 */
function startupProbeFor(liveness: JsonObject, delay: number): { probe: JsonObject; budget: number } | undefined {
  const handler = singleHandler(liveness, false);
  if (!handler) return undefined;
  const period = probeField(liveness, 'periodSeconds').value;
  const failures = Math.ceil(delay / period) + probeField(liveness, 'failureThreshold').value;
  const probe: JsonObject = { [handler.name]: JSON.parse(JSON.stringify(handler.value)) as JsonObject };
  const timeout = probeField(liveness, 'timeoutSeconds');
  if (!timeout.defaulted) probe.timeoutSeconds = timeout.value;
  probe.periodSeconds = period;
  probe.failureThreshold = failures;
  return { probe, budget: failures * period };
}
