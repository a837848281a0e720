// Which Services of the same file send traffic to a workload's Pods, and which containers serve
// that traffic. Used by the rollout rules (readiness, preStop), which matter most for Pods behind
// a Service. A Service selects Pods whose labels contain every key/value of spec.selector, in
// the Service's namespace; ExternalName Services and Services without a selector select nothing.
// https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
import type { ContainerRef } from '../containers';
import { asArray, asInteger, asObject, asString, getIn, isObject, objectItems, type JsonObject, type JsonValue } from '../json';
import type { FileContext, ObjectContext, PodSpecContext } from '../rule-types';
import { isKindCollision } from './api-catalog';
import { declaredPorts } from './container-ports';
import { customPodTemplate } from './custom-pod-templates';
import { probedContainers } from './probe-walk';

/** Kinds that run long-lived replicas behind Services and roll out new Pods. */
export const ROLLOUT_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet'];

/**
 * Whether the object rolls out long-lived replicas: a built-in rollout kind, or a custom resource
 * whose controller does the same (an Argo Rollout replaces Pods like a Deployment).
 */
export function rollsOut(object: ObjectContext): boolean {
  const custom = customPodTemplate(object.apiVersion, object.kind);
  if (custom) return custom.rollsOut;
  return ROLLOUT_KINDS.includes(object.kind) && !isKindCollision(object.apiVersion, object.kind);
}

function namespaceOf(object: JsonObject): string | undefined {
  return asString(getIn(object, ['metadata', 'namespace'])) || undefined;
}

function scalarText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Services of the file whose selector matches the Pod template's labels. */
export function servicesSelecting(file: FileContext, podSpec: PodSpecContext): ObjectContext[] {
  const labels = asObject(podSpec.podMetadata?.labels) ?? {};
  const podNamespace = namespaceOf(podSpec.object);
  return file.objects.filter((candidate) => {
    // Only the core Service: Knative's serving.knative.dev Service selects nothing.
    if (candidate.kind !== 'Service' || candidate.apiVersion !== 'v1') return false;
    const spec = asObject(candidate.object.spec);
    if (!spec || spec.type === 'ExternalName') return false;
    const selector = asObject(spec.selector);
    if (!selector || Object.keys(selector).length === 0) return false;
    const serviceNamespace = namespaceOf(candidate.object);
    // An omitted namespace means "the namespace kubectl applies to": assume they match.
    if (serviceNamespace && podNamespace && serviceNamespace !== podNamespace) return false;
    return Object.entries(selector).every(([key, value]) => {
      const want = scalarText(value);
      return want !== undefined && scalarText(labels[key]) === want;
    });
  });
}

/** The targetPorts of a Service (targetPort defaults to port). */
function targetPorts(service: ObjectContext): (number | string)[] {
  const ports: (number | string)[] = [];
  for (const { item } of objectItems(getIn(service.object, ['spec', 'ports']))) {
    const target = item.targetPort ?? item.port;
    const number = asInteger(target);
    const name = asString(target);
    if (number !== undefined) ports.push(number);
    else if (name !== undefined) ports.push(/^\d+$/.test(name) ? Number(name) : name);
  }
  return ports;
}

/**
 * The app containers that serve a Service's traffic: those declaring a targetPort, else those
 * declaring any port, else the first app container.
 */
export function servingContainers(podSpec: PodSpecContext, services: readonly ObjectContext[]): ContainerRef[] {
  const apps = probedContainers(podSpec.spec, podSpec.specPath).filter((ref) => ref.group === 'containers');
  const targets = services.flatMap(targetPorts);
  const matched = apps.filter((ref) =>
    declaredPorts(ref).some((port) => targets.some((target) => (typeof target === 'number' ? port.containerPort === target : port.name === target))),
  );
  if (matched.length > 0) return matched;
  const withPorts = apps.filter((ref) => asArray(ref.container.ports).some(isObject));
  if (withPorts.length > 0) return withPorts;
  return apps.slice(0, 1);
}

export function serviceNames(services: readonly ObjectContext[]): string {
  return services.map((service) => `"${service.name ?? 'unnamed'}"`).join(', ');
}
