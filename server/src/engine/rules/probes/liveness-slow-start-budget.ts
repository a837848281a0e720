// Without a startupProbe the liveness probe runs from the container start, so a container that
// has not answered after initialDelaySeconds + failureThreshold × periodSeconds is restarted — and
// starts from scratch again. Runtimes known to start slowly (a JVM, a database replaying its log,
// a model server) often need longer than the defaults give (0 + 3 × 10 = 30 s), and the Pod ends
// in CrashLoopBackOff although nothing is wrong. A startupProbe holds liveness back until the app
// is up. The start times are heuristics per runtime family (k8s/runtime-start.ts).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
import { asObject, asString, isObject, type JsonObject } from '../../json';
import { looksTemplated } from '../../k8s/image-reference';
import { capitalize, describeContainer, fitMessage } from '../../k8s/phrasing';
import { probeTimeline } from '../../k8s/probe-timeline';
import { handlersSet, hasNegativeTiming, probedContainers, singleHandler } from '../../k8s/probe-walk';
import { slowRuntimeOf } from '../../k8s/runtime-start';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

/** A delay this long is liveness-long-initial-delay's finding; a budget under ~10 s, liveness-failure-threshold-tight's. */
const LONG_DELAY_SECONDS = 60;
const TIGHT_WINDOW_SECONDS = 10;
/** The startup probe kubernetes.io shows: 30 attempts 10 s apart, up to 300 s to start. */
const STARTUP_FAILURE_THRESHOLD = 30;
const STARTUP_PERIOD_SECONDS = 10;

export const livenessSlowStartBudget: Rule = {
  meta: {
    id: 'liveness-slow-start-budget',
    defaultSeverity: 'info',
    category: 'probes',
    summary: 'A slow-starting runtime (JVM, database, model server) has a liveness probe but no startupProbe, and too little time to start.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const liveness = asObject(container.container.livenessProbe);
      // A probe with no or several handlers is rejected (probe-handler-count): no advice on top.
      if (!liveness || isObject(container.container.startupProbe) || hasNegativeTiming(liveness) || handlersSet(liveness, false).length !== 1) continue;
      const image = asString(container.container.image);
      if (image === undefined || looksTemplated(image)) continue;
      const runtime = slowRuntimeOf(image);
      if (!runtime) continue;
      const timeline = probeTimeline(liveness, 'livenessProbe');
      const { initialDelaySeconds: delay, failureThreshold: failures, periodSeconds: period } = timeline.fields;
      if (delay.value >= LONG_DELAY_SECONDS || failures.value === 1 || timeline.failureWindowSeconds < TIGHT_WINDOW_SECONDS) continue;
      const budget = timeline.worstCaseSeconds ?? 0;
      if (budget >= runtime.startSeconds) continue;
      const probePath = [...container.path, 'livenessProbe'];
      const who = describeContainer(container);
      findings.push({
        path: probePath,
        target: 'key',
        message: fitMessage(
          `The livenessProbe of ${who} allows ${budget} s to start; ${runtime.name} often needs longer`,
          `The livenessProbe allows ${budget} s to start; ${runtime.label} often needs longer`,
        ),
        detail:
          `There is no startupProbe, so liveness runs from the container start: initialDelaySeconds ${delay.value} + failureThreshold ${failures.value} × periodSeconds ${period.value} ` +
          `= ${budget} s before a container that has not answered yet is restarted. ${capitalize(runtime.label)} can take ~${runtime.startSeconds} s or more to start ` +
          '(more under a small CPU limit), and each restart starts it from scratch: CrashLoopBackOff. ' +
          `Add a startupProbe with the same check (${STARTUP_FAILURE_THRESHOLD} × ${STARTUP_PERIOD_SECONDS} s): liveness waits for it, then reacts quickly.`,
        fixes: startupFix(container.path, probePath, liveness, delay.value),
      });
    }
    return findings;
  },
};

/** A startup probe with the liveness handler; the liveness delay goes, since the startup probe does the waiting. */
function startupFix(containerPath: FieldPath, probePath: FieldPath, liveness: JsonObject, delay: number): FixSpec[] {
  const handler = singleHandler(liveness, false);
  if (!handler) return [];
  const probe: JsonObject = { [handler.name]: JSON.parse(JSON.stringify(handler.value)) as JsonObject };
  const timeout = liveness.timeoutSeconds;
  if (typeof timeout === 'number' && timeout > 0) probe.timeoutSeconds = timeout;
  probe.periodSeconds = STARTUP_PERIOD_SECONDS;
  probe.failureThreshold = STARTUP_FAILURE_THRESHOLD;
  const intents: FixSpec['intents'] = [{ op: 'insert', path: containerPath, key: 'startupProbe', value: probe, after: 'livenessProbe' }];
  if (delay > 0) intents.push({ op: 'delete', path: [...probePath, 'initialDelaySeconds'] });
  return [{ title: `Add a startupProbe with the same check (up to ${STARTUP_FAILURE_THRESHOLD * STARTUP_PERIOD_SECONDS} s to start)`, intents, preferred: true }];
}
