// httpGet.port and tcpSocket.port (in probes and lifecycle hooks) are int-or-string: a number must
// be 1–65535, a string must be a valid port name (IANA service name: ≤ 15 characters of a-z,
// 0-9 and '-', at least one letter). So a quoted number ("8080") is read as a *name* and
// rejected, and so is an upper-case name like HTTP.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#Probe
import { asInteger, asObject, asString } from '../../json';
import { declaredPorts } from '../../k8s/container-ports';
import { quoteShort } from '../../k8s/phrasing';
import { describeOwner, handlerOwners, type HandlerOwner } from '../../k8s/probe-walk';
import { PORT_RANGE_MESSAGE, isValidPortName, isValidPortNumber, portNameErrors, quotedPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const probePortInvalid: Rule = {
  meta: {
    id: 'probe-port-invalid',
    defaultSeverity: 'error',
    category: 'probes',
    summary: 'A probe or hook port must be a number 1–65535 or a valid lower-case port name (quoted numbers are names).',
    parity: ['pod-probes', 'pod-lifecycle'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const owner of handlerOwners(context.spec, context.specPath)) {
      for (const handler of ['httpGet', 'tcpSocket'] as const) {
        const action = asObject(owner.value[handler]);
        if (!action) continue;
        const finding = checkPort(owner, handler, action.port);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function checkPort(owner: HandlerOwner, handler: string, port: unknown): RuleFinding | undefined {
  const path = [...owner.path, handler, 'port'];
  const where = `${handler}.port of ${describeOwner(owner.kind, owner.container)}`;
  const number = asInteger(port);
  if (number !== undefined) {
    if (isValidPortNumber(number)) return undefined;
    return {
      path,
      target: 'value',
      message: `${where} is ${number}, outside 1–65535`,
      detail: `The API server rejects it ("${PORT_RANGE_MESSAGE}"). Use the port the application listens on.`,
    };
  }
  const name = asString(port);
  if (name === undefined || isValidPortName(name)) return undefined; // other types: schema-type
  const errors = portNameErrors(name);
  const quoted = quotedPortNumber(name);
  if (quoted !== undefined) {
    return {
      path,
      target: 'value',
      message: `${where} is the string "${name}", not a number`,
      detail: `The API reads a string as a port name and rejects this one ("${errors.join('; ')}"). Write the number without quotes: port: ${quoted}.`,
      fixes: [{ title: `Unquote the port (${quoted})`, intents: [{ op: 'set', path, value: quoted }], preferred: true, safe: true }],
    };
  }
  const fixes: FixSpec[] = [];
  const lower = name.toLowerCase();
  if (lower !== name && isValidPortName(lower)) {
    // The probe resolves names against containerPort names exactly, so rename both together.
    const matching = declaredPorts(owner.container).filter((declared) => declared.name === name);
    fixes.push({
      title: matching.length > 0 ? `Use "${lower}" here and on the containerPort named "${name}"` : `Use "${lower}"`,
      intents: [{ op: 'set', path, value: lower }, ...matching.map((declared) => ({ op: 'set' as const, path: [...declared.path, 'name'], value: lower }))],
      preferred: true,
    });
  }
  return {
    path,
    target: 'value',
    message: `${where} is ${quoteShort(name, 16)}, an invalid name`,
    detail: `The API server rejects it ("${errors.join('; ')}"). Port names are at most 15 lower-case letters, digits and '-', with at least one letter; rename it (and the matching containerPort name) or use the port number.`,
    fixes,
  };
}
