// When the liveness and readiness probes of a container check the very same thing, every
// failure of that check (a slow dependency, an overload) both takes the Pod out of Service
// endpoints and restarts it. Readiness should answer "can I take traffic now?", liveness "is
// this process stuck for good?". Named ports are compared by the port they resolve to.
// Sharing one endpoint is a common and sound pattern when liveness is the more patient probe
// (it fails only after readiness has long taken the Pod out of endpoints): then it is not reported.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
import type { ContainerRef } from '../../containers';
import { asObject, asString, type JsonObject } from '../../json';
import { probeField } from '../../defaults';
import { resolvePort } from '../../k8s/container-ports';
import { describeContainer } from '../../k8s/phrasing';
import { probedContainers, singleHandler } from '../../k8s/probe-walk';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const probesIdentical: Rule = {
  meta: {
    id: 'probes-identical',
    defaultSeverity: 'warning',
    category: 'probes',
    summary: 'The liveness and readiness probes of a container check exactly the same thing.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const container of probedContainers(context.spec, context.specPath)) {
      const liveness = asObject(container.container.livenessProbe);
      const readiness = asObject(container.container.readinessProbe);
      if (!liveness || !readiness) continue;
      const a = target(container, liveness);
      const b = target(container, readiness);
      if (a === undefined || a.key !== b?.key) continue;
      const restartAfter = failureWindow(liveness);
      const unreadyAfter = failureWindow(readiness);
      if (restartAfter > unreadyAfter) continue;
      const when =
        restartAfter === unreadyAfter
          ? `after ${restartAfter}s of failures the Pod is taken out of Service endpoints and restarted at the same time`
          : `the container is restarted after ${restartAfter}s of failures, before readiness takes it out of endpoints (${unreadyAfter}s)`;
      findings.push({
        path: [...container.path, 'livenessProbe'],
        target: 'key',
        message: `The liveness and readiness probes of ${describeContainer(container)} run the same ${a.handler} check`,
        detail:
          `Both check ${a.label}, and liveness is not more patient: ${when}. ` +
          'Give liveness a cheaper check that only tests the process itself, or a higher failureThreshold than readiness.',
      });
    }
    return findings;
  },
};

/** Seconds of consecutive failures before the probe acts (failureThreshold × periodSeconds, defaulted). */
function failureWindow(probe: JsonObject): number {
  return probeField(probe, 'failureThreshold').value * probeField(probe, 'periodSeconds').value;
}

/** What a probe checks, as a comparable key and a readable label. */
function target(container: ContainerRef, probe: JsonObject): { key: string; label: string; handler: string } | undefined {
  const handler = singleHandler(probe, false);
  if (!handler) return undefined;
  const action = handler.value;
  const resolved = resolvePort(container, action.port);
  const port = resolved !== undefined ? String(resolved) : JSON.stringify(action.port ?? null);
  switch (handler.name) {
    case 'httpGet': {
      const path = asString(action.path) || '/';
      const scheme = asString(action.scheme) || 'HTTP';
      const host = asString(action.host) ?? '';
      return { key: JSON.stringify(['httpGet', scheme, host, port, path]), label: `httpGet ${path} on port ${String(action.port)}`, handler: 'httpGet' };
    }
    case 'tcpSocket':
      return { key: JSON.stringify(['tcpSocket', asString(action.host) ?? '', port]), label: `tcpSocket port ${String(action.port)}`, handler: 'tcpSocket' };
    case 'grpc':
      return { key: JSON.stringify(['grpc', port, asString(action.service) ?? '']), label: `grpc port ${String(action.port)}`, handler: 'grpc' };
    case 'exec':
      return { key: JSON.stringify(['exec', action.command ?? null]), label: `the same exec command`, handler: 'exec' };
    default:
      return undefined;
  }
}
