// The API server accepts, but warns about, the same containerPort/protocol declared twice in a
// Pod ("duplicate port definition", "overlapping port definition", "dangerously ambiguous port
// definition") and about hostIP without hostPort. pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/reference/using-api/api-concepts/#warnings
import { containersOf } from '../../containers';
import { asInteger, asString, objectItems } from '../../json';
import { capitalize, describeContainer, pathText } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

interface Declared {
  path: FieldPath;
  hostIP: string;
  hostPort: number;
  /** The entry's `name`, if it has one: a probe, hook or Service may refer to it. */
  name: string | undefined;
}

export const portDuplicateDefinition: Rule = {
  meta: {
    id: 'port-duplicate-definition',
    defaultSeverity: 'warning',
    category: 'ports',
    summary: 'The same containerPort/protocol is declared twice in the Pod, or hostIP is set without hostPort (API warnings).',
    parity: ['pod-ports'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const byPort = new Map<string, Declared[]>();
    const relative = (path: FieldPath): string => pathText(path.slice(context.specPath.length));
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      for (const { item, index } of objectItems(ref.container.ports)) {
        const path = [...ref.path, 'ports', index];
        const containerPort = asInteger(item.containerPort);
        const hostIP = asString(item.hostIP) ?? '';
        const hostPort = asInteger(item.hostPort) ?? 0;
        if (hostIP !== '' && hostPort === 0) {
          findings.push({
            path: [...path, 'hostIP'],
            target: 'key',
            message: `${capitalize(describeContainer(ref))}: hostIP is set without hostPort on ${relative(path)}`,
            detail: 'The API server warns "hostIP set without hostPort", and the hostIP has no effect. Add a hostPort or remove hostIP.',
            fixes: [{ title: 'Remove hostIP', intents: [{ op: 'delete', path: [...path, 'hostIP'] }] }],
          });
        }
        if (containerPort === undefined) continue;
        // Only an omitted (or empty) protocol defaults to TCP; a non-string one (`.nan`) is a
        // schema error, and guessing TCP for it would invent a duplicate.
        const protocol = item.protocol === undefined || item.protocol === null ? 'TCP' : asString(item.protocol);
        if (protocol === undefined) continue;
        const key = `${containerPort}/${protocol || 'TCP'}`;
        const name = item.name === undefined || item.name === null || item.name === '' ? undefined : String(item.name);
        const others = byPort.get(key) ?? [];
        for (const other of others) {
          let kind: string | undefined;
          if (hostIP === other.hostIP && hostPort === other.hostPort) kind = 'duplicate';
          else if (hostPort === 0 || other.hostPort === 0) kind = 'overlapping';
          else if (hostPort === other.hostPort && (hostIP === '') !== (other.hostIP === '')) kind = 'dangerously ambiguous';
          // Equal non-zero host ports are already a host-port-conflict error.
          if (!kind || (kind === 'duplicate' && hostPort !== 0)) continue;
          findings.push({
            path: [...path, 'containerPort'],
            target: 'value',
            message: `Port ${key} is declared twice (${relative(other.path)} and ${relative(path)})`,
            detail: `The API server warns "${kind} port definition". Declare each port once in the Pod; Services and probes only need one declaration.`,
            fixes: kind === 'duplicate' ? removeFix({ path, hostIP, hostPort, name }, other, relative) : undefined,
          });
          break;
        }
        byPort.set(key, [...others, { path, hostIP, hostPort, name }]);
      }
    }
    return findings;
  },
};

/**
 * Removes the declaration that carries no `name`. A probe or hook resolves a named port against
 * its own container's ports only, and a Service targetPort by name against the Pod's, so
 * removing a named entry could leave a reference dangling. Both named: no fix (pick by hand).
 */
function removeFix(entry: Declared, other: Declared, relative: (path: FieldPath) => string): FixSpec[] | undefined {
  // The same name on the other entry of the same container keeps every reference resolvable.
  const sameContainer = pathText(entry.path.slice(0, -1)) === pathText(other.path.slice(0, -1));
  if (entry.name === undefined || (sameContainer && entry.name === other.name)) {
    return [{ title: 'Remove this duplicate port entry', intents: [{ op: 'delete', path: entry.path }] }];
  }
  if (other.name === undefined) {
    return [{ title: `Remove the unnamed declaration at ${relative(other.path)}`, intents: [{ op: 'delete', path: other.path }] }];
  }
  return undefined;
}
