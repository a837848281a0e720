// Values that only make sense inside this Pod spec: the port names a container declares (for a
// probe or hook port), the volume names (for a mount), the container names (where a container
// is named). The API accepts a wrong name in most of these places and fails at runtime, so the
// editor offers the names that exist.
// https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#use-a-named-port
import { asInteger, asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import { findPodSpec } from '../pod-specs';
import type { FieldPath } from '../types';

export interface ContextValue {
  value: string;
  detail: string;
  /** Sorts before generic values (a declared name beats a bare number). */
  preferred: boolean;
}

const PROBE_KEYS = new Set(['livenessProbe', 'readinessProbe', 'startupProbe']);
const CONTAINER_GROUPS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Context values for the field at `path` (from the document root) of an object of `kind`. */
export function contextValues(apiVersion: string | undefined, kind: string | undefined, object: JsonObject | undefined, path: FieldPath): ContextValue[] {
  if (!kind || !object) return [];
  const location = findPodSpec(apiVersion ?? '', kind, object);
  if (!location) return [];
  const { spec, specPath, metadataPath } = location;
  if (startsWith(path, [...metadataPath, 'annotations']) && path[path.length - 1] === DEFAULT_CONTAINER_ANNOTATION) {
    return containerNames(spec, ['containers']);
  }
  if (!startsWith(path, specPath)) return [];
  const rest = path.slice(specPath.length);
  const last = rest[rest.length - 1];
  const group = rest[0];
  const index = rest[1];
  const inContainer = typeof group === 'string' && CONTAINER_GROUPS.has(group) && typeof index === 'number';
  if (inContainer && last === 'port' && isHandlerPort(rest.slice(2))) {
    const container = asObject(getIn(spec, [group, index]));
    return container ? portValues(container, rest[rest.length - 2] === 'grpc') : [];
  }
  if (inContainer && last === 'name' && (rest[2] === 'volumeMounts' || rest[2] === 'volumeDevices') && rest.length === 5) {
    return volumeNames(kind, object, spec);
  }
  if (last === 'containerName' || (group === 'ephemeralContainers' && last === 'targetContainerName')) {
    return containerNames(spec, ['initContainers', 'containers']);
  }
  return [];
}

/** `livenessProbe.httpGet.port`, `lifecycle.preStop.tcpSocket.port`, … (below the container). */
function isHandlerPort(rest: FieldPath): boolean {
  const [owner, second, third] = rest;
  if (typeof owner !== 'string') return false;
  if (PROBE_KEYS.has(owner)) return rest.length === 3 && (second === 'httpGet' || second === 'tcpSocket' || second === 'grpc');
  return owner === 'lifecycle' && rest.length === 4 && (second === 'preStop' || second === 'postStart') && (third === 'httpGet' || third === 'tcpSocket');
}

/**
 * Declared names first (the kubelet looks a name up in this container only), then the numbers.
 * gRPC ports must be numbers: the API rejects a name there.
 */
function portValues(container: JsonObject, numbersOnly: boolean): ContextValue[] {
  const values: ContextValue[] = [];
  for (const { item } of objectItems(container.ports)) {
    const name = asString(item.name);
    const number = asInteger(item.containerPort);
    const protocol = asString(item.protocol) ?? 'TCP';
    if (name && !numbersOnly) values.push({ value: name, detail: `port ${number ?? '?'}/${protocol}`, preferred: true });
    if (number !== undefined) values.push({ value: String(number), detail: name ? `port "${name}"/${protocol}` : `containerPort/${protocol}`, preferred: numbersOnly });
  }
  return dedupe(values);
}

function volumeNames(kind: string, object: JsonObject, spec: JsonObject): ContextValue[] {
  const values: ContextValue[] = [];
  for (const { item } of objectItems(spec.volumes)) {
    const name = asString(item.name);
    if (name) values.push({ value: name, detail: `volume (${volumeSource(item)})`, preferred: true });
  }
  // A StatefulSet's claim templates become volumes of the same name in every Pod.
  // https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates
  if (kind === 'StatefulSet') {
    for (const { item } of objectItems(getIn(object, ['spec', 'volumeClaimTemplates']))) {
      const name = asString(getIn(item, ['metadata', 'name']));
      if (name) values.push({ value: name, detail: 'volumeClaimTemplate', preferred: true });
    }
  }
  return dedupe(values);
}

function volumeSource(volume: JsonObject): string {
  return Object.keys(volume).find((key) => key !== 'name') ?? 'emptyDir';
}

function containerNames(spec: JsonObject, groups: readonly string[]): ContextValue[] {
  const values: ContextValue[] = [];
  for (const group of groups) {
    for (const { item } of objectItems(spec[group])) {
      const name = asString(item.name);
      if (name) values.push({ value: name, detail: group === 'initContainers' ? 'init container' : 'container', preferred: true });
    }
  }
  return dedupe(values);
}

function dedupe(values: ContextValue[]): ContextValue[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value.value) ? false : (seen.add(value.value), true)));
}

function startsWith(path: FieldPath, prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
