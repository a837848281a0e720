// A liveness failure restarts the container, so the liveness probe should be the most patient
// probe: failureThreshold: 1 restarts on a single slow answer (a GC pause, a busy moment), a
// budget (failureThreshold × periodSeconds) under ~10 s is barely more forgiving, and a liveness
// probe that gives up sooner than readiness restarts Pods before they are even taken out of
// Service endpoints.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#configure-probes
import { probeField } from '../../defaults';
import { asObject } from '../../json';
import { describeContainer } from '../../k8s/phrasing';
import { hasNegativeTiming, probedContainers } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

const MIN_BUDGET_SECONDS = 10;

export const livenessFailureThresholdTight: Rule = {
  meta: {
    id: 'liveness-failure-threshold-tight',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'The liveness probe restarts the container after one failure, or gives up quicker than ~10 s or than readiness.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const liveness = asObject(container.container.livenessProbe);
      if (!liveness || hasNegativeTiming(liveness)) continue;
      const probePath = [...container.path, 'livenessProbe'];
      const failures = probeField(liveness, 'failureThreshold');
      const period = probeField(liveness, 'periodSeconds');
      const budget = failures.value * period.value;
      const who = describeContainer(container);
      const failurePath = [...probePath, 'failureThreshold'];
      if (failures.value === 1) {
        findings.push({
          path: failurePath,
          target: 'value',
          message: `The livenessProbe of ${who} restarts it after a single failed check`,
          detail: 'failureThreshold: 1 means one slow answer (a GC pause, a busy moment) restarts the container. ' + 'Allow a few failures in a row: the default is 3.',
          fixes: [
            { title: 'Set failureThreshold to 3 (the default)', intents: [{ op: 'set', path: failurePath, value: 3 }], preferred: true },
            { title: 'Remove failureThreshold (defaults to 3)', intents: [{ op: 'delete', path: failurePath }] },
          ],
        });
        continue;
      }
      const anchor = !failures.defaulted ? failurePath : !period.defaulted ? [...probePath, 'periodSeconds'] : probePath;
      const anchorTarget = anchor === probePath ? 'key' : 'value';
      if (budget < MIN_BUDGET_SECONDS) {
        findings.push({
          path: anchor,
          target: anchorTarget,
          severity: 'hint',
          message: `The livenessProbe of ${who} restarts it after only ${budget} s of failures`,
          detail:
            `failureThreshold ${failures.value} × periodSeconds ${period.value} = ${budget} s: a short hiccup is enough to restart the container. ` +
            `Give liveness at least ~${MIN_BUDGET_SECONDS} s by raising failureThreshold or periodSeconds.`,
          fixes: [patientFix(probePath, period.value, MIN_BUDGET_SECONDS)],
        });
        continue;
      }
      const readiness = asObject(container.container.readinessProbe);
      if (!readiness || hasNegativeTiming(readiness)) continue;
      const readinessBudget = probeField(readiness, 'failureThreshold').value * probeField(readiness, 'periodSeconds').value;
      if (budget >= readinessBudget) continue;
      findings.push({
        path: anchor,
        target: anchorTarget,
        severity: 'hint',
        message: `The livenessProbe of ${who} gives up after ${budget} s, sooner than readiness (${readinessBudget} s)`,
        detail:
          'A temporary overload that readiness would handle by pausing traffic restarts the container instead. ' +
          'Make liveness the more patient probe: raise its failureThreshold or periodSeconds.',
        fixes: [patientFix(probePath, period.value, readinessBudget)],
      });
    }
    return findings;
  },
};

/** Raises failureThreshold until failureThreshold × periodSeconds reaches `budget` seconds. */
function patientFix(probePath: FieldPath, period: number, budget: number): FixSpec {
  const failures = Math.ceil(budget / period);
  return {
    title: `Set failureThreshold to ${failures} (${failures * period} s of failures)`,
    intents: [{ op: 'set', path: [...probePath, 'failureThreshold'], value: failures }],
    preferred: true,
  };
}
