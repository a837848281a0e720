// What the API server checks on each entry of a Service's `ports` (core validation
// ValidateService / validateServicePort): a name on every port when there are several, names
// that are DNS labels and unique, `port` 1–65535, no two ports with the same port and protocol,
// no nodePort on a ClusterIP Service and no nodePort used twice, appProtocol a qualified name.
// targetPort has its own rule (service-target-port-invalid). The nodePort range is the
// cluster's choice (--service-node-port-range, 30000-32767 by default) and is not checked here.
// https://kubernetes.io/docs/concepts/services-networking/service/#multi-port-services
import { asInteger, asString, objectItems } from '../../json';
import { dns1123LabelErrors, qualifiedNameErrors, toDnsLabel } from '../../k8s/names';
import { clipText } from '../../k8s/phrasing';
import { portProtocol, serviceView } from '../../k8s/service-spec';
import { PORT_RANGE_MESSAGE, isValidPortNumber } from '../../port-values';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const servicePortInvalid: Rule = {
  meta: {
    id: 'service-port-invalid',
    defaultSeverity: 'error',
    category: 'services',
    summary: 'A Service port the API server rejects: missing, invalid or duplicate name, port outside 1–65535, duplicate port, misplaced nodePort.',
    kinds: ['Service'],
    parity: ['service'],
  },
  checkObject(context) {
    const view = serviceView(context);
    if (!view) return [];
    const findings: RuleFinding[] = [];
    const ports = objectItems(view.spec.ports);
    const several = ports.length > 1;
    const names = new Set<string>();
    const portKeys = new Set<string>();
    const nodePortKeys = new Set<string>();
    for (const { item: port, index } of ports) {
      const base = ['spec', 'ports', index];
      const field = `spec.ports[${index}]`;
      const name = asString(port.name) ?? '';
      if (name === '' && several) {
        findings.push({
          path: [...base, port.name === undefined ? 'port' : 'name'],
          target: 'key',
          message: `${view.name}: ports[${index}] needs a name when a Service has several ports`,
          detail: `The API server rejects it (${field}.name: Required value). Give every port a unique name, e.g. http, https, metrics.`,
        });
      } else if (name !== '') {
        const errors = dns1123LabelErrors(name);
        if (errors.length > 0) {
          const fixed = toDnsLabel(name);
          const fixes: FixSpec[] =
            fixed && fixed !== name ? [{ title: `Rename the port to "${fixed}"`, intents: [{ op: 'set', path: [...base, 'name'], value: fixed }], preferred: true }] : [];
          findings.push({
            path: [...base, 'name'],
            target: 'value',
            message: `${view.name}: port name "${clipText(name, 24)}" is not a DNS label`,
            detail: `The API server rejects it (${field}.name: Invalid value: "${name}": ${errors.join('; ')}). Port names are lower-case letters, digits and '-' (at most 63). Update references to the old name (Ingress backends) too.`,
            fixes,
          });
        }
        if (names.has(name)) {
          findings.push({
            path: [...base, 'name'],
            target: 'value',
            message: `${view.name}: port name "${clipText(name, 24)}" is used twice`,
            detail: `The API server rejects it (${field}.name: Duplicate value: "${name}"). Each port of a Service needs its own name.`,
          });
        }
        names.add(name);
      }
      const number = asInteger(port.port);
      if (number !== undefined && !isValidPortNumber(number)) {
        findings.push({
          path: [...base, 'port'],
          target: 'value',
          message: `${view.name}: port ${number} is not a port number (1-65535)`,
          detail: `The API server rejects it (${field}.port: Invalid value: ${number}: ${PORT_RANGE_MESSAGE}).`,
        });
      } else if (number !== undefined) {
        const key = `${portProtocol(port)}/${number}`;
        if (portKeys.has(key)) {
          findings.push({
            path: base,
            target: 'key',
            message: `${view.name}: port ${number}/${portProtocol(port)} is defined twice`,
            detail: `The API server rejects it (${field}: Duplicate value: the same port and protocol appear on an earlier entry). Merge the entries or use another port.`,
          });
        }
        portKeys.add(key);
      }
      findings.push(...nodePortFindings(port.nodePort, portProtocol(port), view.type, base, field, view.name, nodePortKeys));
      const appProtocol = asString(port.appProtocol);
      if (appProtocol !== undefined) {
        const errors = qualifiedNameErrors(appProtocol);
        if (errors.length > 0) {
          findings.push({
            path: [...base, 'appProtocol'],
            target: 'value',
            message: `${view.name}: appProtocol "${clipText(appProtocol, 24)}" is not a valid protocol name`,
            detail: `The API server rejects it (${field}.appProtocol: Invalid value: "${appProtocol}": ${errors.join('; ')}). Use a name like http, h2c or kubernetes.io/ws.`,
          });
        }
      }
    }
    return findings;
  },
};

function nodePortFindings(raw: unknown, protocol: string, type: string, base: (string | number)[], field: string, service: string, seen: Set<string>): RuleFinding[] {
  const nodePort = asInteger(raw);
  if (nodePort === undefined || nodePort === 0) return [];
  const path = [...base, 'nodePort'];
  if (type === 'ClusterIP') {
    return [
      {
        path,
        target: 'key',
        message: `${service}: nodePort is not allowed on a ClusterIP Service`,
        detail: `The API server rejects it (${field}.nodePort: Forbidden: may not be used when \`type\` is 'ClusterIP'). Remove nodePort, or make the Service type NodePort or LoadBalancer.`,
        fixes: [{ title: 'Remove nodePort', intents: [{ op: 'delete', path }], preferred: true }],
      },
    ];
  }
  if (nodePort < 0 || nodePort > 65535) {
    // Any cluster's node port range lies inside 1-65535, so the allocator refuses these everywhere.
    return [
      {
        path,
        target: 'value',
        message: `${service}: nodePort ${nodePort} is not a port number`,
        detail: `The API server cannot allocate it (${field}.nodePort: Invalid value: ${nodePort}: provided port is not in the valid range). Node ports come from the cluster's range (30000-32767 by default); omit nodePort to get one.`,
      },
    ];
  }
  const key = `${protocol}/${nodePort}`;
  if (seen.has(key)) {
    return [
      {
        path,
        target: 'value',
        message: `${service}: nodePort ${nodePort}/${protocol} is used twice`,
        detail: `The API server rejects it (${field}.nodePort: Duplicate value: ${nodePort}). Each port needs its own node port; omit nodePort to let the cluster pick one.`,
      },
    ];
  }
  seen.add(key);
  return [];
}
