// Find references: from an object's name (or a reference to it) to every reference the
// workspace's objects make to it, namespace-aware; from a ConfigMap/Secret key reference to every
// reader of that key; from a Pod label to the selectors that select its Pods through it; from a
// selector entry to the Pod labels it matches.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import { asObject, asString, getIn, objectItems } from '../json';
import type { FieldPath } from '../types';
import { referencesOf, type ObjectReference } from '../k8s/object-references';
import { namedContainerPorts } from './definition';
import { nameTarget, namespacesMatch, targetOf, type NavObject, type NavTarget, type NavWorkspace } from './nav-model';
import { podLabelsOf, podSelectorsOf, selects } from './selection';
import { subjectAt, type NavSubject } from './subject';

/** What a set of references points at: one object identity. */
export interface ObjectIdentity {
  kind: string;
  name: string;
  namespace?: string;
  clusterScoped?: boolean;
}

export function identityOf(object: NavObject): ObjectIdentity | undefined {
  return object.name ? { kind: object.kind, name: object.name, namespace: object.namespace } : undefined;
}

function referenceIdentity(reference: ObjectReference, from: NavObject): ObjectIdentity {
  return { kind: reference.kind, name: reference.name, namespace: reference.namespace ?? from.namespace, clusterScoped: reference.clusterScoped };
}

/** Whether `reference`, made by `owner`, names the object `identity`. */
export function refersTo(reference: ObjectReference, owner: NavObject, identity: ObjectIdentity): boolean {
  if (reference.kind !== identity.kind || reference.name !== identity.name) return false;
  return reference.clusterScoped === true || identity.clusterScoped === true || namespacesMatch(reference.namespace ?? owner.namespace, identity.namespace);
}

/** A reference and the object that makes it. */
export interface MadeReference {
  owner: NavObject;
  reference: ObjectReference;
}

/** Every reference the objects make (read once per request: callers filter it per target). */
export function allReferences(objects: readonly NavObject[]): MadeReference[] {
  return objects.flatMap((owner) => referencesOf(owner.object, owner.apiVersion, owner.kind).map((reference) => ({ owner, reference })));
}

/** Every reference in the workspace to `identity`, one per owner and path. */
export function referencesTo(identity: ObjectIdentity, objects: readonly NavObject[], made: readonly MadeReference[] = allReferences(objects)): MadeReference[] {
  const found: MadeReference[] = [];
  const seen = new Map<NavObject, Set<string>>();
  for (const entry of made) {
    const { owner, reference } = entry;
    if (reference.role === 'servicePort' || !refersTo(reference, owner, identity)) continue;
    // A volume's ConfigMap and the keys its items read share one name path: one reference.
    const paths = seen.get(owner) ?? new Set<string>();
    const key = reference.path.join('\u0000');
    if (paths.has(key)) continue;
    paths.add(key);
    seen.set(owner, paths);
    found.push(entry);
  }
  return found;
}

/** The objects that define `identity` (every copy). */
export function declarationsOf(identity: ObjectIdentity, objects: readonly NavObject[]): NavObject[] {
  return objects.filter(
    (object) => object.kind === identity.kind && object.name === identity.name && (identity.clusterScoped === true || namespacesMatch(identity.namespace, object.namespace)),
  );
}

export function referencesAt(workspace: NavWorkspace, offset: number, includeDeclaration: boolean): NavTarget[] {
  const found = subjectAt(workspace, offset);
  return found ? referencesOfSubject(found.subject, workspace.objects, includeDeclaration) : [];
}

export function referencesOfSubject(subject: NavSubject, objects: readonly NavObject[], includeDeclaration: boolean): NavTarget[] {
  switch (subject.type) {
    case 'objectName': {
      const identity = identityOf(subject.object);
      return identity ? objectReferences(identity, objects, includeDeclaration) : [];
    }
    case 'reference': {
      const identity = referenceIdentity(subject.reference, subject.object);
      if (subject.part === 'key' && subject.reference.key !== undefined) return keyReferences(identity, subject.reference.key, objects, includeDeclaration);
      return objectReferences(identity, objects, includeDeclaration);
    }
    case 'dataKey': {
      const identity = identityOf(subject.object);
      return identity ? keyReferences(identity, subject.key, objects, includeDeclaration) : [];
    }
    case 'containerPort':
      return containerPortReferences(subject.object, subject.portName, subject.containerPath, objects, includeDeclaration);
    case 'podLabel':
      return labelReferences(subject.object, subject.label, objects, includeDeclaration);
    case 'selector': {
      const targets: NavTarget[] = [];
      for (const pods of objects) {
        if (!selects(subject.object, subject.selector, pods)) continue;
        const labels = podLabelsOf(pods);
        if (labels?.labels.has(subject.label)) targets.push(targetOf(pods, [...labels.path, subject.label], 'key'));
      }
      if (includeDeclaration) targets.unshift(targetOf(subject.object, subject.requirement.path, subject.requirement.fromMatchLabels ? 'key' : 'value'));
      return targets;
    }
    case 'targetPort':
      return objects.flatMap((pods) =>
        podSelectorsOf(subject.object).some((selector) => selects(subject.object, selector, pods)) ? namedContainerPorts(pods, subject.portName) : [],
      );
  }
}

function objectReferences(identity: ObjectIdentity, objects: readonly NavObject[], includeDeclaration: boolean): NavTarget[] {
  const targets = referencesTo(identity, objects).map(({ owner, reference }) => targetOf(owner, reference.path, 'value'));
  return includeDeclaration ? [...declarationsOf(identity, objects).map(nameTarget), ...targets] : targets;
}

/** The readers of one key of a ConfigMap or Secret (env keyRefs, volume items), and the key itself. */
function keyReferences(identity: ObjectIdentity, key: string, objects: readonly NavObject[], includeDeclaration: boolean): NavTarget[] {
  const targets: NavTarget[] = [];
  for (const { owner, reference } of referencesToKeys(identity, objects)) {
    if (reference.key === key && reference.keyPath) targets.push(targetOf(owner, reference.keyPath, 'value'));
  }
  if (!includeDeclaration) return targets;
  const declared = declarationsOf(identity, objects).flatMap((object) =>
    ['data', 'binaryData', 'stringData'].filter((field) => asObject(object.object[field])?.[key] !== undefined).map((field) => targetOf(object, [field, key], 'key')),
  );
  return [...declared, ...targets];
}

function referencesToKeys(identity: ObjectIdentity, objects: readonly NavObject[]): { owner: NavObject; reference: ObjectReference }[] {
  const found: { owner: NavObject; reference: ObjectReference }[] = [];
  for (const owner of objects) {
    for (const reference of referencesOf(owner.object, owner.apiVersion, owner.kind)) {
      if (reference.key !== undefined && refersTo(reference, owner, identity)) found.push({ owner, reference });
    }
  }
  return found;
}

/** The selector entries that select the Pods of `pods` and name `label`. */
function labelReferences(pods: NavObject, label: string, objects: readonly NavObject[], includeDeclaration: boolean): NavTarget[] {
  const targets: NavTarget[] = [];
  const labels = podLabelsOf(pods);
  if (includeDeclaration && labels) targets.push(targetOf(pods, [...labels.path, label], 'key'));
  for (const owner of objects) {
    for (const selector of podSelectorsOf(owner)) {
      // A workload's own selector selects its own template.
      if (owner !== pods && !selects(owner, selector, pods)) continue;
      if (owner === pods && selector.parsed.problems.length > 0) continue;
      for (const requirement of selector.parsed.requirements) {
        if (requirement.key !== label) continue;
        targets.push(requirement.fromMatchLabels ? targetOf(owner, requirement.path, 'key') : targetOf(owner, [...requirement.path, 'key'], 'value'));
      }
    }
  }
  return targets;
}

/** Probe and hook handlers that name a port (`port: http`), per container. */
const PORT_HANDLERS: readonly FieldPath[] = [
  ['livenessProbe', 'httpGet', 'port'],
  ['livenessProbe', 'tcpSocket', 'port'],
  ['readinessProbe', 'httpGet', 'port'],
  ['readinessProbe', 'tcpSocket', 'port'],
  ['startupProbe', 'httpGet', 'port'],
  ['startupProbe', 'tcpSocket', 'port'],
  ['lifecycle', 'postStart', 'httpGet', 'port'],
  ['lifecycle', 'postStart', 'tcpSocket', 'port'],
  ['lifecycle', 'preStop', 'httpGet', 'port'],
  ['lifecycle', 'preStop', 'tcpSocket', 'port'],
];

/**
 * The users of a container port's name: the container's own probes and hooks, and the targetPort
 * of every Service that selects the Pods.
 * https://kubernetes.io/docs/concepts/services-networking/service/#field-spec-ports
 */
function containerPortReferences(pods: NavObject, portName: string, containerPath: FieldPath, objects: readonly NavObject[], includeDeclaration: boolean): NavTarget[] {
  const targets: NavTarget[] = [];
  const container = asObject(getIn(pods.object, containerPath));
  if (includeDeclaration) {
    objectItems(container?.ports).forEach(({ item, index }) => {
      if (asString(item.name) === portName) targets.push(targetOf(pods, [...containerPath, 'ports', index, 'name'], 'value'));
    });
  }
  for (const handler of PORT_HANDLERS) if (getIn(container, handler) === portName) targets.push(targetOf(pods, [...containerPath, ...handler], 'value'));
  for (const service of objects) {
    if (service.kind !== 'Service' || !podSelectorsOf(service).some((selector) => selects(service, selector, pods))) continue;
    objectItems(getIn(service.object, ['spec', 'ports'])).forEach(({ item, index }) => {
      if (item.targetPort === portName) targets.push(targetOf(service, ['spec', 'ports', index, 'targetPort'], 'value'));
    });
  }
  return targets;
}
