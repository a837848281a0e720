// A probe needs exactly one handler (exec, httpGet, tcpSocket or grpc). The API server rejects
// a probe with none ("must specify a handler type") and every handler after the first, in the
// order exec, httpGet, tcpSocket, grpc ("may not specify more than 1 handler type").
// Probes have no `sleep` handler (that is lifecycle-only; the schema reports it as unknown).
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
import { firstTcpPort } from '../../k8s/container-ports';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, extraHandlerFindings, handlersSet, probesOf, type ProbeRef } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const probeHandlerCount: Rule = {
  meta: {
    id: 'probe-handler-count',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'A probe must have exactly one handler: exec, httpGet, tcpSocket or grpc.',
    parity: ['pod-probes'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of probesOf(context.spec, context.specPath)) {
      const handlers = handlersSet(ref.probe, false);
      if (handlers.length === 0) {
        findings.push({
          path: ref.path,
          target: 'key',
          message: `${capitalize(describeOwner(ref.kind, ref.container))} has no handler`,
          detail: 'The API server rejects a probe without a handler ("Required value: must specify a handler type"). Add one of exec, httpGet, tcpSocket or grpc.',
          fixes: skeletonFixes(ref),
        });
        continue;
      }
      if (handlers.length > 1) findings.push(...extraHandlerFindings(ref.path, capitalize(describeOwner(ref.kind, ref.container)), handlers));
    }
    return findings;
  },
};

function skeletonFixes(ref: ProbeRef): FixSpec[] {
  const port = firstTcpPort(ref.container) ?? 8080;
  return [
    { title: `Add an httpGet handler (GET / on port ${port})`, intents: [{ op: 'insert', path: ref.path, key: 'httpGet', value: { path: '/', port } }] },
    { title: `Add a tcpSocket handler (port ${port})`, intents: [{ op: 'insert', path: ref.path, key: 'tcpSocket', value: { port } }] },
  ];
}
