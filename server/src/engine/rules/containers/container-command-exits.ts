// A container whose command finishes at once (`echo SUCCESS`) under restartPolicy Always — the
// default — is restarted every time it exits; after a few restarts the kubelet backs off and the
// Pod shows CrashLoopBackOff. One-shot work belongs in a Pod with restartPolicy Never/OnFailure,
// or in a Job.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy
import { containersOf } from '../../containers';
import { restartPolicy } from '../../defaults';
import { asArray, asString, hasKey } from '../../json';
import { isOneShot } from '../../k8s/one-shot-command';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import { JOB_KINDS } from '../../k8s/workload-kinds';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const containerCommandExits: Rule = {
  meta: {
    id: 'container-command-exits',
    defaultSeverity: 'warning',
    category: 'containers',
    summary: 'A container runs a command that exits at once under restartPolicy Always, so it crash-loops.',
  },
  checkPodSpec(context) {
    if (JOB_KINDS.includes(context.kind)) return []; // Jobs: job-restart-policy
    const policy = restartPolicy(context.spec);
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      if (ref.group === 'initContainers' && !ref.isSidecar) continue; // init containers are meant to exit
      const own = asString(ref.container.restartPolicy);
      if (ref.group === 'containers' && (own === 'Never' || own === 'OnFailure')) continue; // per-container rule (1.35+)
      if (!ref.isSidecar && policy.value !== 'Always') continue;
      if (!Array.isArray(ref.container.command)) continue; // omitted: the image's entrypoint is unknown
      const argv = [...asArray(ref.container.command), ...asArray(ref.container.args)];
      if (!argv.every((arg): arg is string => typeof arg === 'string') || !isOneShot(argv)) continue;
      const shown = argv.join(' ');
      const fixes: FixSpec[] = [];
      const why = ref.isSidecar
        ? 'A sidecar (restartPolicy: Always on the init container) is restarted whenever it exits'
        : `restartPolicy ${policy.defaulted ? 'defaults to' : 'is'} Always, so the kubelet restarts the container every time it exits`;
      if (context.kind === 'Pod' && !ref.isSidecar) {
        const policyPath = [...context.specPath, 'restartPolicy'];
        const set = (value: string): FixSpec['intents'] =>
          policy.defaulted && !hasKey(context.spec, 'restartPolicy')
            ? [{ op: 'insert', path: context.specPath, key: 'restartPolicy', value }]
            : [{ op: 'set', path: policyPath, value }];
        fixes.push({ title: 'Set restartPolicy: Never (run once)', intents: set('Never'), preferred: true });
        fixes.push({ title: 'Set restartPolicy: OnFailure (retry only on failure)', intents: set('OnFailure') });
      }
      const advice =
        context.kind === 'Pod' ? 'For one-shot work set restartPolicy: Never or OnFailure, or use a Job' : `A ${context.kind} keeps its Pods running; run one-shot work as a Job`;
      findings.push({
        path: [...ref.path, 'command'],
        target: 'key',
        message: `${capitalize(describeContainer(ref))} will crash-loop: ${quoteShort(shown, 30)} exits at once`,
        detail: `${why}, and the Pod ends in CrashLoopBackOff. ${advice}, or give the container a command that keeps running.`,
        fixes,
      });
    }
    return findings;
  },
};
