// tcpSocket is still in the LifecycleHandler type for backward compatibility, and the API server
// accepts it, but the kubelet has no way to run it: the hook fails every time ("Cannot run
// handler: invalid handler"). A failed postStart kills the container (a crash loop); a failed
// preStop gives the app no drain time before SIGTERM.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#LifecycleHandler
import { gracePeriod } from '../../defaults';
import { asInteger, asObject } from '../../json';
import { resolvePort } from '../../k8s/container-ports';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, handlersSet, hooksOf } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const lifecycleTcpSocket: Rule = {
  meta: {
    id: 'lifecycle-tcp-socket',
    defaultSeverity: 'error',
    category: 'lifecycle',
    summary: 'A tcpSocket lifecycle hook is accepted by the API but can never run; the hook always fails.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const grace = gracePeriod(context.spec).value;
    for (const ref of hooksOf(context.spec, context.specPath)) {
      const handlers = handlersSet(ref.hook, true);
      if (handlers.length !== 1 || handlers[0] !== 'tcpSocket') continue; // several handlers: lifecycle-handler-count
      const path = [...ref.path, 'tcpSocket'];
      const replace = (key: string, value: unknown): FixSpec['intents'] => [
        { op: 'rename', path, newKey: key },
        { op: 'set', path, value },
      ];
      const fixes: FixSpec[] = [];
      let consequence: string;
      if (ref.kind === 'preStop') {
        consequence = 'the preStop hook fails on every shutdown (FailedPreStopHook) and the app gets SIGTERM with no drain time';
        const seconds = Math.min(5, grace);
        if (seconds >= 1 && atLeast(context.env.kubernetesVersion, '1.30')) {
          fixes.push({ title: `Replace with sleep: {seconds: ${seconds}}`, intents: replace('sleep', { seconds }), preferred: true });
        }
        if (seconds >= 1)
          fixes.push({ title: `Replace with exec sleep ${seconds}`, intents: replace('exec', { command: ['sleep', String(seconds)] }), preferred: fixes.length === 0 });
      } else {
        consequence = 'the postStart hook fails every time (FailedPostStartHook), and a failed postStart kills the container, so it crash-loops';
        const port = resolvePort(ref.container, asObject(ref.hook.tcpSocket)?.port) ?? asInteger(asObject(ref.hook.tcpSocket)?.port);
        if (port !== undefined) {
          fixes.push({
            title: `Replace with an exec that waits for port ${port}`,
            intents: replace('exec', { command: ['sh', '-c', `until nc -z 127.0.0.1 ${port}; do sleep 1; done`] }),
          });
        }
      }
      fixes.push({ title: `Remove the ${ref.kind} hook`, intents: [{ op: 'delete', path: ref.path }], preferred: ref.kind === 'postStart' });
      findings.push({
        path,
        target: 'key',
        message: `${capitalize(describeOwner(ref.kind, ref.container))} uses tcpSocket, which the kubelet cannot run`,
        detail: `The API accepts a tcpSocket hook, but the kubelet cannot run it ("Cannot run handler: invalid handler"): ${consequence}. Use ${ref.kind === 'preStop' ? 'sleep, exec or httpGet' : 'exec or httpGet'} instead.`,
        fixes,
      });
    }
    return findings;
  },
};
