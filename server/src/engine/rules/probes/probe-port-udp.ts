// httpGet, tcpSocket and grpc probes always connect over TCP. A named port is resolved by the
// kubelet against the container's port names without looking at the protocol (pkg/probe/util.go
// findPortByName), so a probe on a port declared only for UDP (or SCTP) connects to that number
// over TCP, where the container declares nothing. The API accepts it; the probe then fails unless
// the application happens to listen on the same number over TCP as well.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-tcp-liveness-probe
import { asInteger, asObject, asString } from '../../json';
import { declaredPorts, type DeclaredPort } from '../../k8s/container-ports';
import { capitalize, quoteShort } from '../../k8s/phrasing';
import { describeOwner, handlerOwners, type HandlerOwner } from '../../k8s/probe-walk';
import { isValidPortName, isValidPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const CONSEQUENCE: Record<string, string> = {
  readinessProbe: 'the container never becomes Ready',
  livenessProbe: 'the kubelet restarts the container over and over',
  startupProbe: 'the container is killed before it is ever marked started',
  postStart: 'the hook fails, and a failed postStart hook kills the container',
  preStop: 'the hook fails, so the container gets no drain time before SIGTERM',
};

export const probePortUdp: Rule = {
  meta: {
    id: 'probe-port-udp',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'A TCP-based probe or hook (httpGet, tcpSocket, grpc) targets a port the container declares only for UDP or SCTP.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      // tcpSocket hooks never run (lifecycle-tcp-socket) and hooks have no grpc.
      const handlers = owner.isHook ? (['httpGet'] as const) : (['httpGet', 'tcpSocket', 'grpc'] as const);
      for (const handler of handlers) {
        const action = asObject(owner.value[handler]);
        if (!action) continue;
        const finding = check(owner, handler, action.port, asString(action.host));
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function check(owner: HandlerOwner, handler: string, port: unknown, host: string | undefined): RuleFinding | undefined {
  const ports = declaredPorts(owner.container);
  const name = asString(port);
  let number = asInteger(port);
  if (number !== undefined) {
    // Out of range: probe-port-invalid. Another host: its ports are not this container's.
    if (!isValidPortNumber(number) || host) return undefined;
  } else {
    // Invalid names: probe-port-invalid; names that resolve to nothing: probe-named-port-undeclared.
    if (name === undefined || !isValidPortName(name) || handler === 'grpc') return undefined;
    number = ports.find((declared) => declared.name === name)?.containerPort;
    if (number === undefined) return undefined;
  }
  const same = ports.filter((declared) => declared.containerPort === number);
  if (same.length === 0 || same.some((declared) => declared.protocol === 'TCP')) return undefined;
  const protocols = [...new Set(same.map((declared) => declared.protocol))].join('/');
  const path = [...owner.path, handler, 'port'];
  const what = name !== undefined ? `${protocols}-only port ${quoteShort(name, 15)} (${number})` : `${protocols}-only port ${number}`;
  return {
    path,
    target: 'value',
    message: `${capitalize(describeOwner(owner.kind, owner.container))} targets ${what} over TCP`,
    detail:
      `${handler} always connects over TCP${name !== undefined ? ', and the kubelet resolves port names without looking at the protocol' : ''}: it connects to TCP ${number}, which the container does not declare. ` +
      `Unless the app also listens there, ${CONSEQUENCE[owner.kind]}. Point the ${owner.isHook ? 'hook' : 'probe'} at a TCP port, or use an exec probe for a UDP-only service.`,
    fixes: tcpFix(ports, handler, path),
  };
}

/** With exactly one declared TCP port, offer to probe it instead (by name where it has one). */
function tcpFix(ports: DeclaredPort[], handler: string, path: (string | number)[]): FixSpec[] {
  const tcp = ports.filter((declared): declared is DeclaredPort & { containerPort: number } => declared.protocol === 'TCP' && declared.containerPort !== undefined);
  if (tcp.length !== 1) return [];
  const [only] = tcp;
  const value = handler !== 'grpc' && only.name !== undefined && isValidPortName(only.name) ? only.name : only.containerPort;
  return [{ title: `Use the TCP port ${typeof value === 'string' ? `"${value}" (${only.containerPort})` : value}`, intents: [{ op: 'set', path, value }], preferred: true }];
}
