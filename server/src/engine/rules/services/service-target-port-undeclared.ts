// A Service forwards to `targetPort` (defaulting to `port`) on the Pods it selects. A named
// targetPort must be the name of a port of those Pods, or the endpoints controller leaves them out
// and the Service has no endpoints. A number always reaches the Pod, but when the Pods declare
// other ports only, the traffic usually goes where nothing listens. Ports named by listening flags
// in the container's command line (`--port 8080`) count as declared. When the Pods declare no port
// at all, nothing confirms a numeric targetPort: that is an info, not silence. The selected Pods
// may sit in other files of the run (the CLI's input set, the editor's workspace).
// https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
import { containersOf } from '../../containers';
import { asInteger, asObject, asString, objectItems } from '../../json';
import { describeObject, namespaceOf, podTargets, sameNamespace, selectsTarget, services, type PodTarget } from '../../k8s/file-objects';
import { labelMap } from '../../k8s/label-selector';
import { commandLinePorts } from '../../k8s/listen-ports';
import { isValidPortName, isValidPortNumber } from '../../port-values';
import { runPodTargets } from '../../k8s/run-pod-labels';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FixSpec } from '../../types';

interface DeclaredPort {
  number: number;
  name?: string;
  protocol: string;
}

export const serviceTargetPortUndeclared: Rule = {
  meta: {
    id: 'service-target-port-undeclared',
    defaultSeverity: 'warning',
    category: 'services',
    summary: 'A Service targetPort that none of the Pods it selects in this file declares (number or name).',
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    const targets = podTargets(context);
    for (const service of services(context)) {
      const spec = asObject(service.object.spec);
      if (!spec || spec.type === 'ExternalName') continue;
      const selector = labelMap(spec.selector);
      if (selector.size === 0) continue;
      const selected = [
        ...targets.filter((target) => sameNamespace(service, target.object) && selectsTarget(selector, target)),
        ...runPodTargets(context, namespaceOf(service)).filter((target) => selectsTarget(selector, target)),
      ];
      if (selected.length === 0) continue;
      const declared = selected.flatMap(declaredPorts);
      const owners = selected.map((target) => describeObject(target.object)).join(', ');
      for (const { item: port, index } of objectItems(spec.ports)) {
        const protocol = asString(port.protocol) ?? 'TCP';
        // targetPort 0 or "" is defaulted to port, like an omitted one.
        const written = port.targetPort !== undefined && port.targetPort !== null;
        const hasTarget = written && port.targetPort !== 0 && port.targetPort !== '';
        const target = hasTarget ? port.targetPort : port.port;
        const path = ['spec', 'ports', index, hasTarget ? 'targetPort' : 'port'];
        const candidates = declared.filter((candidate) => candidate.protocol === protocol);
        const number = asInteger(target);
        const name = asString(target);
        if (number !== undefined) {
          // Out-of-range numbers are rejected at apply (service-target-port-invalid reports a targetPort).
          if (!isValidPortNumber(number)) continue;
          if (candidates.some((candidate) => candidate.number === number)) continue;
          if (declared.length === 0) {
            // containerPort is informational: with no ports declared at all nothing contradicts the Service either.
            findings.push({
              documentIndex: service.documentIndex,
              objectIndex: service.objectIndex,
              path,
              target: 'value',
              severity: 'info',
              message: `${describeObject(service)}: nothing in its Pods confirms ${hasTarget ? 'targetPort' : 'port'} ${number}`,
              detail:
                `The Pods it selects (${owners}) declare no ports and name none in their command line. ` +
                `Traffic goes to port ${number} whether or not the app listens there; declare it as a containerPort so readers and tools can check it.`,
            });
            continue;
          }
          const list = [...new Set(candidates.map((candidate) => candidate.number))];
          findings.push({
            documentIndex: service.documentIndex,
            objectIndex: service.objectIndex,
            path,
            target: 'value',
            message: `${describeObject(service)}: ${hasTarget ? 'targetPort' : 'port'} ${number} is not a port its Pods declare`,
            detail:
              `${hasTarget ? 'targetPort' : 'port (targetPort defaults to it)'} ${number}: the Pods it selects ` +
              `(${owners}) declare ${list.length > 0 ? `containerPort ${list.join(', ')}` : `no ${protocol} port`} only. Unless the app also listens on ${number}, ` +
              `connections are refused. Point targetPort at the container's port.`,
            fixes: targetPortFix(list.length === 1 ? list[0] : undefined, written, index),
          });
        } else if (name !== undefined && isValidPortName(name) && declared.length > 0) {
          // (Invalid names, quoted numbers among them, are rejected at apply: service-target-port-invalid.)
          if (candidates.some((candidate) => candidate.name === name)) continue;
          const named = [...new Set(candidates.filter((candidate) => candidate.name).map((candidate) => candidate.name as string))];
          const only = candidates.length === 1 ? (candidates[0].name ?? candidates[0].number) : undefined;
          findings.push({
            documentIndex: service.documentIndex,
            objectIndex: service.objectIndex,
            path,
            target: 'value',
            message: `${describeObject(service)}: no container of its Pods has a port named "${name}"`,
            detail:
              `The Pods it selects (${owners}) have no port "${name}"` +
              `${named.length > 0 ? ` (they have ${named.join(', ')})` : ''}: the endpoints controller leaves those Pods out and the Service gets no endpoints. ` +
              `Name the container port "${name}" or use its name or number here.`,
            fixes: targetPortFix(only, written, index),
          });
        }
      }
    }
    return findings;
  },
};

function declaredPorts(target: PodTarget): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  if (!target.spec) return ports;
  for (const container of containersOf(target.spec, target.specPath)) {
    // Regular init containers exit before the Pod serves; sidecars keep running.
    if (container.group === 'initContainers' && !container.isSidecar) continue;
    for (const { item } of objectItems(container.container.ports)) {
      const number = asInteger(item.containerPort);
      if (number === undefined) continue;
      ports.push({ number, name: asString(item.name), protocol: asString(item.protocol) ?? 'TCP' });
    }
    for (const number of commandLinePorts(container)) ports.push({ number, protocol: 'TCP' });
  }
  return ports;
}

function targetPortFix(value: string | number | undefined, written: boolean, index: number): FixSpec[] {
  if (value === undefined) return [];
  const intent = written
    ? { op: 'set' as const, path: ['spec', 'ports', index, 'targetPort'], value }
    : { op: 'insert' as const, path: ['spec', 'ports', index], key: 'targetPort', value, after: 'port' };
  return [{ title: `Set targetPort to ${value}`, intents: [intent], preferred: true }];
}
