// Go to definition: from a selector to the objects whose Pods it selects, from a reference
// (configMapKeyRef, claimName, serviceAccountName, an Ingress backend, a StatefulSet's
// serviceName…) to the object it names (or the ConfigMap/Secret key, the Service port), from a
// Service's named targetPort to the container ports of that name in the Pods it selects.
// https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
import { asInteger, asObject, asString, getIn, objectItems } from '../json';
import type { ObjectReference } from '../k8s/object-references';
import { containersOf } from '../containers';
import { findPodSpec } from '../pod-specs';
import { nameTarget, namespacesMatch, targetOf, type NavObject, type NavTarget, type NavWorkspace } from './nav-model';
import { selectedBy, selects } from './selection';
import { subjectAt, type NavSubject } from './subject';

/** The fields of a ConfigMap or Secret whose keys it defines. */
const KEYED_FIELDS = ['data', 'binaryData', 'stringData'] as const;

/** The objects a reference made by `from` names (namespace-aware; every copy, as overlays may hold several). */
export function referencedObjects(reference: ObjectReference, from: NavObject, objects: readonly NavObject[]): NavObject[] {
  const namespace = reference.namespace ?? from.namespace;
  return objects.filter(
    (candidate) => candidate.kind === reference.kind && candidate.name === reference.name && (reference.clusterScoped === true || namespacesMatch(namespace, candidate.namespace)),
  );
}

/** Where the definition of the subject at `offset` is: none when the cursor is on nothing navigable. */
export function definitionAt(workspace: NavWorkspace, offset: number): NavTarget[] {
  const found = subjectAt(workspace, offset);
  return found ? definitionOf(found.subject, workspace.objects) : [];
}

export function definitionOf(subject: NavSubject, objects: readonly NavObject[]): NavTarget[] {
  switch (subject.type) {
    case 'reference':
      return referenceDefinition(subject.reference, subject.part, subject.object, objects);
    case 'selector':
      return objects.filter((candidate) => selects(subject.object, subject.selector, candidate)).map(nameTarget);
    case 'targetPort':
      return selectedBy(subject.object, objects).flatMap((pods) => namedContainerPorts(pods, subject.portName));
    default:
      return [];
  }
}

function referenceDefinition(reference: ObjectReference, part: 'name' | 'key' | 'port', from: NavObject, objects: readonly NavObject[]): NavTarget[] {
  const targets = referencedObjects(reference, from, objects);
  if (part === 'key' && reference.key !== undefined) {
    const key = reference.key;
    const keyed = targets.flatMap((target) =>
      KEYED_FIELDS.filter((field) => asObject(target.object[field])?.[key] !== undefined).map((field) => targetOf(target, [field, key], 'key')),
    );
    if (keyed.length > 0) return keyed;
  }
  if (part === 'port' && reference.port !== undefined) {
    const ports = targets.flatMap((service) => servicePorts(service, reference.port as string | number));
    if (ports.length > 0) return ports;
  }
  return targets.map(nameTarget);
}

/** A Service's port by name (`ports[].name`) or number (`ports[].port`). */
function servicePorts(service: NavObject, port: string | number): NavTarget[] {
  const targets: NavTarget[] = [];
  for (const { item, index } of objectItems(getIn(service.object, ['spec', 'ports']))) {
    if (typeof port === 'string' && asString(item.name) === port) targets.push(targetOf(service, ['spec', 'ports', index, 'name'], 'value'));
    if (typeof port === 'number' && asInteger(item.port) === port) targets.push(targetOf(service, ['spec', 'ports', index, 'port'], 'value'));
  }
  return targets;
}

/** The `ports[].name` entries called `portName` in the containers of the object's Pods. */
export function namedContainerPorts(pods: NavObject, portName: string): NavTarget[] {
  const location = findPodSpec(pods.apiVersion, pods.kind, pods.object);
  if (!location) return [];
  const targets: NavTarget[] = [];
  for (const container of containersOf(location.spec, location.specPath)) {
    for (const { item, index } of objectItems(container.container.ports)) {
      if (asString(item.name) === portName) targets.push(targetOf(pods, [...container.path, 'ports', index, 'name'], 'value'));
    }
  }
  return targets;
}
