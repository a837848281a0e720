// The kubelet runs a preStop hook only when the grace period is > 0. With
// terminationGracePeriodSeconds: 0 the hook never runs on a normal delete: the container gets
// SIGTERM at once and SIGKILL 2 seconds later, and whatever the hook was meant to do (drain,
// deregister, flush) is skipped.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
import { gracePeriod } from '../../defaults';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, handlersSet, hooksOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const shutdownPrestopZeroGrace: Rule = {
  meta: {
    id: 'shutdown-prestop-zero-grace',
    defaultSeverity: 'warning',
    category: 'shutdown',
    summary: 'A preStop hook with terminationGracePeriodSeconds: 0 never runs.',
  },
  checkPodSpec(context) {
    const grace = gracePeriod(context.spec);
    if (grace.defaulted || grace.value !== 0) return [];
    const gracePath = [...context.specPath, 'terminationGracePeriodSeconds'];
    const findings: RuleFinding[] = [];
    for (const ref of hooksOf(context.spec, context.specPath)) {
      if (ref.kind !== 'preStop' || handlersSet(ref.hook, true).length === 0) continue;
      findings.push({
        path: ref.path,
        target: 'key',
        message: `${capitalize(describeOwner(ref.kind, ref.container))} never runs: terminationGracePeriodSeconds is 0`,
        detail:
          'The kubelet runs preStop only with a grace period above 0; with 0 the container gets SIGTERM at once and SIGKILL 2 s later. ' +
          'Give the Pod a grace period that covers the hook, or remove the hook.',
        fixes: [
          { title: 'Remove terminationGracePeriodSeconds: 0 (use the default 30)', intents: [{ op: 'delete', path: gracePath }] },
          { title: 'Remove the preStop hook', intents: [{ op: 'delete', path: ref.path }] },
        ],
      });
    }
    return findings;
  },
};
