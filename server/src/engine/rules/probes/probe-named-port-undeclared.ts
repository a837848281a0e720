// A named probe port is resolved by the kubelet against the `name`s of the *same* container's
// ports (ports of other containers do not count). When no port has that name, every attempt
// errors ("strconv.Atoi: parsing "http": invalid syntax"), and the prober throws errored results
// away instead of counting them as failures. The API accepts the manifest; the damage is late:
// readiness never passes, liveness never fires, a startup probe never lets the container start.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#http-probes
import { asObject, asString } from '../../json';
import { declaredPorts } from '../../k8s/container-ports';
import { capitalize } from '../../k8s/phrasing';
import { describeOwner, handlerOwners, type HandlerOwner } from '../../k8s/probe-walk';
import { isValidPortName } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const CONSEQUENCE: Record<string, string> = {
  readinessProbe: 'every attempt errors and errored results are discarded, so the container never becomes Ready',
  livenessProbe: 'every attempt errors and errored results are discarded, so the probe never fails: liveness protection is silently off',
  startupProbe:
    'every attempt errors and errored results are discarded, so the container is never marked started: liveness and readiness never run and the Pod never becomes Ready',
  postStart: 'the hook fails every time ("couldn\'t find port"), and a failed postStart hook kills the container',
  preStop: 'the hook fails every time ("couldn\'t find port"), so the container gets no drain time before SIGTERM',
};

export const probeNamedPortUndeclared: Rule = {
  meta: {
    id: 'probe-named-port-undeclared',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'A probe or hook uses a named port that no port of the same container declares.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      // tcpSocket hooks never run at all (lifecycle-tcp-socket), so only httpGet counts there.
      const handlers = owner.isHook ? (['httpGet'] as const) : (['httpGet', 'tcpSocket'] as const);
      for (const handler of handlers) {
        const name = asString(asObject(owner.value[handler])?.port);
        if (name === undefined || !isValidPortName(name)) continue; // invalid names: probe-port-invalid
        const ports = declaredPorts(owner.container);
        if (ports.some((port) => port.name === name)) continue;
        findings.push(finding(owner, handler, name));
      }
    }
    return findings;
  },
};

function finding(owner: HandlerOwner, handler: string, name: string): RuleFinding {
  const path = [...owner.path, handler, 'port'];
  const ports = declaredPorts(owner.container).filter((port) => port.containerPort !== undefined);
  const fixes: FixSpec[] = [];
  for (const port of ports.slice(0, 4)) {
    if (port.name === undefined) {
      fixes.push({ title: `Name containerPort ${port.containerPort} "${name}"`, intents: [{ op: 'insert', path: port.path, key: 'name', value: name, after: 'containerPort' }] });
    } else {
      fixes.push({ title: `Use the declared port "${port.name}" (${port.containerPort})`, intents: [{ op: 'set', path, value: port.name }] });
    }
  }
  if (fixes.length === 1) fixes[0].preferred = true;
  const declared =
    ports.length === 0
      ? 'declares no ports'
      : `declares ${ports.map((port) => (port.name ? `"${port.name}" (${port.containerPort})` : `${port.containerPort} without a name`)).join(', ')}`;
  return {
    path,
    target: 'value',
    message: `${capitalize(describeOwner(owner.kind, owner.container))} uses undeclared port name "${name}"`,
    detail: `The container ${declared}. The API accepts this, but at runtime ${CONSEQUENCE[owner.kind]}. Add name: ${name} to the right containerPort, or use a declared name or the number.`,
    fixes,
  };
}
