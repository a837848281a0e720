// A postStart or preStop hook needs exactly one handler: exec, httpGet, tcpSocket or sleep. The
// API server rejects a hook with none ("must specify a handler type") and every handler after the
// first ("may not specify more than 1 handler type").
// On 1.29 the sleep action is alpha (PodLifecycleSleepAction, off by default): the API server
// drops the field, so a sleep-only hook ends up with no handler at all.
// https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-implementations
import { gracePeriod } from '../../defaults';
import { asInteger, asObject } from '../../json';
import { preStopSleep } from '../../k8s/hook-duration';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, extraHandlerFindings, handlersSet, hooksOf, type HookRef } from '../../k8s/probe-walk';
import type { PodSpecContext, Rule } from '../../rule-types';
import type { FixIntent, FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const lifecycleHandlerCount: Rule = {
  meta: {
    id: 'lifecycle-handler-count',
    defaultSeverity: 'error',
    category: 'lifecycle',
    summary: 'A postStart/preStop hook must have exactly one handler: exec, httpGet, tcpSocket or sleep.',
    parity: ['pod-lifecycle'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of hooksOf(context.spec, context.specPath)) {
      const handlers = handlersSet(ref.hook, true);
      const who = capitalize(describeOwner(ref.kind, ref.container));
      if (handlers.length === 0) {
        findings.push({
          path: ref.path,
          target: 'key',
          message: `${who} has no handler`,
          detail: `The API server rejects a hook without a handler ("Required value: must specify a handler type"). Add one of exec, httpGet${ref.kind === 'preStop' ? ', sleep' : ''}, or remove the hook.`,
          fixes: emptyHookFixes(context, ref),
        });
        continue;
      }
      if (handlers.length === 1) {
        if (handlers[0] === 'sleep' && !atLeast(context.env.kubernetesVersion, '1.30')) findings.push(alphaSleep(ref));
        continue;
      }
      findings.push(...extraHandlerFindings(ref.path, who, handlers));
    }
    return findings;
  },
};

function emptyHookFixes(context: PodSpecContext, ref: HookRef): FixSpec[] {
  const remove: FixSpec = { title: `Remove the empty ${ref.kind} hook`, intents: [{ op: 'delete', path: ref.path }], preferred: ref.kind === 'postStart' };
  if (ref.kind !== 'preStop') return [remove];
  const grace = gracePeriod(context.spec).value;
  if (grace < 1) return [remove];
  const delay = preStopSleep(context, Math.min(5, grace));
  return [{ title: `Add ${delay.label}`, intents: [{ op: 'insert', path: ref.path, key: delay.key, value: delay.value }], preferred: true }, remove];
}

function alphaSleep(ref: HookRef): RuleFinding {
  const seconds = asInteger(asObject(ref.hook.sleep)?.seconds);
  const path = [...ref.path, 'sleep'];
  const intents: FixIntent[] = [
    { op: 'rename', path, newKey: 'exec' },
    { op: 'set', path, value: { command: ['sleep', String(seconds)] } },
  ];
  return {
    path,
    target: 'key',
    severity: 'warning',
    message: `${capitalize(describeOwner(ref.kind, ref.container))} uses sleep, which is alpha and off on 1.29`,
    detail:
      'Before 1.30 the sleep action is behind the PodLifecycleSleepAction feature gate, off by default: the API server drops it, and the hook is then ' +
      'rejected for having no handler ("Required value: must specify a handler type"). Use exec with a sleep command, or target 1.30+ where sleep is on by default.',
    fixes: seconds === undefined ? [] : [{ title: `Replace with exec sleep ${seconds}`, intents, preferred: true }],
  };
}
