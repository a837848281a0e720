// A numeric probe port does not have to be declared: the kubelet connects to the Pod IP (or the
// node, with hostNetwork) on that number regardless. A probe on a port the container does not
// list is still worth a note: it is often a typo or a port that moved.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
import { asInteger, asObject, asString } from '../../json';
import { declaredPorts } from '../../k8s/container-ports';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, probesOf } from '../../k8s/probe-walk';
import { isValidPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probeNumericPortUndeclared: Rule = {
  meta: {
    id: 'probe-numeric-port-undeclared',
    defaultSeverity: 'info',
    category: 'probes',
    summary: 'A probe checks a port number the container does not declare in its ports (works, but often a typo).',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const hostNetwork = context.spec.hostNetwork === true;
    for (const ref of probesOf(context.spec, context.specPath)) {
      for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
        const action = asObject(ref.probe[handler]);
        const port = asInteger(action?.port);
        if (!action || port === undefined || !isValidPortNumber(port)) continue;
        if (asString(action.host)) continue; // probing another host: its ports are not ours to declare
        const ports = declaredPorts(ref.container);
        if (ports.some((declared) => declared.containerPort === port)) continue;
        const listed = ports.filter((declared) => declared.containerPort !== undefined).map((declared) => declared.containerPort);
        // A container that declares no ports at all has nothing to mistype against: many images
        // simply leave ports undeclared (they are documentation), so only a mismatch is a finding.
        if (listed.length === 0) continue;
        const has = `declares only ${listed.join(', ')}`;
        const network = hostNetwork ? ` With hostNetwork: true the Pod uses the node's network, so this is port ${port} on the node (a host port).` : '';
        findings.push({
          path: [...ref.path, handler, 'port'],
          target: 'value',
          message: `${capitalize(describeOwner(ref.kind, ref.container))} checks undeclared port ${port}`,
          detail: `${handler}.port ${port} is not a declared containerPort: the container ${has}. The probe works anyway, but check it is the port the application listens on; declaring it documents it.${network}`,
          fixes: [{ title: `Declare containerPort ${port}`, intents: [{ op: 'append', path: [...ref.container.path, 'ports'], value: { containerPort: port } }] }],
        });
      }
    }
    return findings;
  },
};
