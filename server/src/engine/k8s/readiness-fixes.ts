// Quick fixes that add a readinessProbe to a container. When the container already has a liveness
// probe, the readiness probe copies its handler — the app's health endpoint is usually the right
// first answer to "can I serve?" — with readiness-appropriate timing: checked every 5 s and taken
// out of rotation after 3 failures (15 s), sooner than a restart would come. Failing readiness
// only removes the Pod from Service endpoints; it never restarts the container.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-readiness-probes
import type { ContainerRef } from '../containers';
import { asObject, type JsonObject } from '../json';
import type { FixSpec } from '../types';
import { firstTcpPort } from './container-ports';
import { singleHandler } from './probe-walk';

const READINESS_PERIOD_SECONDS = 5;
const READINESS_FAILURE_THRESHOLD = 3;

export function addReadinessFixes(container: ContainerRef, suffix = ''): FixSpec[] {
  const fixes: FixSpec[] = [];
  const liveness = asObject(container.container.livenessProbe);
  const handler = liveness ? singleHandler(liveness, false) : undefined;
  if (liveness && handler) {
    const readiness: JsonObject = { [handler.name]: handler.value, periodSeconds: READINESS_PERIOD_SECONDS, failureThreshold: READINESS_FAILURE_THRESHOLD };
    if (liveness.timeoutSeconds !== undefined) readiness.timeoutSeconds = liveness.timeoutSeconds;
    fixes.push({
      title: `Add a readinessProbe modelled on the livenessProbe (${handler.name}, every ${READINESS_PERIOD_SECONDS} s, out after ${READINESS_FAILURE_THRESHOLD} failures)${suffix}`,
      intents: [{ op: 'insert', path: container.path, key: 'readinessProbe', value: readiness, after: 'livenessProbe' }],
      preferred: true,
    });
  }
  const port = firstTcpPort(container);
  if (port !== undefined) {
    fixes.push({
      title: `Add a tcpSocket readinessProbe on port ${port}${suffix}`,
      intents: [{ op: 'insert', path: container.path, key: 'readinessProbe', value: { tcpSocket: { port } } }],
    });
  }
  return fixes;
}
