// Every reference one object makes to another by name: the ConfigMaps, Secrets and claims its Pods
// mount or read, its ServiceAccount and PriorityClass, an Ingress's Services, an HPA's target, a
// RoleBinding's role and subjects, a StatefulSet's governing Service. Paths run from the object's
// root to the value that names the target, so the cross-file rules (rules/references/) and the
// editor's navigation point at the same place. Namespaces follow the API server: a namespaced
// target lives in the referring object's namespace unless the reference names one; a cluster-scoped
// target (PriorityClass, ClusterRole) has none.
// https://kubernetes.io/docs/concepts/configuration/configmap/#using-configmaps
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import { findPodSpec } from '../pod-specs';
import type { FieldPath } from '../types';

export type ReferenceRole =
  | 'configMap'
  | 'secret'
  | 'configMapKey'
  | 'secretKey'
  | 'claim'
  | 'serviceAccount'
  | 'priorityClass'
  | 'service'
  | 'servicePort'
  | 'scaleTarget'
  | 'roleRef'
  | 'subject'
  | 'governingService'
  | 'imagePullSecret';

export interface ObjectReference {
  /** Kind of the target (for scale targets and role refs: as the reference writes it). */
  kind: string;
  name: string;
  /** Namespace the target is looked up in; undefined for cluster-scoped targets or an unwritten namespace. */
  namespace?: string;
  /** A key of a ConfigMap or Secret the reference reads. */
  key?: string;
  /** Path from the object root to the value naming the target. */
  path: FieldPath;
  role: ReferenceRole;
  /** `optional: true`: the Pod starts without the target (or key). */
  optional?: boolean;
  /** An Ingress backend's port: a number or a port name. */
  port?: string | number;
  /** Path to the value that names `key` (a key reference) or `port` (a servicePort reference). */
  keyPath?: FieldPath;
  /** apiVersion the reference names (scale targets). */
  apiVersion?: string;
  /** True when the target is cluster-scoped (PriorityClass, ClusterRole). */
  clusterScoped?: boolean;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** Volume sources that name a Secret through `secretRef.name` (legacy in-tree plugins). */
const SECRET_REF_VOLUMES = ['cephfs', 'rbd', 'iscsi', 'flexVolume', 'scaleIO', 'storageos'] as const;

/** The references `object` makes; namespace from `metadata.namespace` (undefined when not written). */
export function referencesOf(object: JsonObject, apiVersion: string, kind: string): ObjectReference[] {
  const namespace = asString(getIn(object, ['metadata', 'namespace'])) || undefined;
  const refs: ObjectReference[] = [];
  const pod = podSpecOf(object, apiVersion, kind);
  if (pod) podSpecReferences(pod.spec, pod.path, namespace, refs);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (kind === 'Ingress' && (group === 'networking.k8s.io' || group === 'extensions')) ingressReferences(object, namespace, refs);
  if (kind === 'HorizontalPodAutoscaler' && group === 'autoscaling') scaleTarget(object, ['spec', 'scaleTargetRef'], namespace, refs);
  if (kind === 'VerticalPodAutoscaler' && group === 'autoscaling.k8s.io') scaleTarget(object, ['spec', 'targetRef'], namespace, refs);
  if ((kind === 'RoleBinding' || kind === 'ClusterRoleBinding') && group === 'rbac.authorization.k8s.io') bindingReferences(object, kind, namespace, refs);
  if (kind === 'StatefulSet' && group === 'apps') {
    const serviceName = asString(getIn(object, ['spec', 'serviceName']));
    if (serviceName) refs.push({ kind: 'Service', name: serviceName, namespace, path: ['spec', 'serviceName'], role: 'governingService' });
  }
  if (kind === 'ServiceAccount' && apiVersion === 'v1') {
    for (const { item, index } of objectItems(object.imagePullSecrets)) {
      const name = asString(item.name);
      if (name) refs.push({ kind: 'Secret', name, namespace, path: ['imagePullSecrets', index, 'name'], role: 'imagePullSecret' });
    }
  }
  return refs;
}

/** The Pod spec of a Pod, a workload template, or an Argo Rollout's template. */
function podSpecOf(object: JsonObject, apiVersion: string, kind: string): { spec: JsonObject; path: FieldPath } | undefined {
  if (kind === 'Rollout' && apiVersion.startsWith('argoproj.io/')) {
    const spec = asObject(getIn(object, ['spec', 'template', 'spec']));
    return spec ? { spec, path: ['spec', 'template', 'spec'] } : undefined;
  }
  const found = findPodSpec(apiVersion, kind, object);
  return found ? { spec: found.spec, path: found.specPath } : undefined;
}

function podSpecReferences(spec: JsonObject, at: FieldPath, namespace: string | undefined, refs: ObjectReference[]): void {
  for (const list of CONTAINER_LISTS) {
    for (const { item: container, index } of objectItems(spec[list])) {
      const base = [...at, list, index];
      for (const { item: env, index: envIndex } of objectItems(container.env)) {
        const from = asObject(env.valueFrom);
        if (!from) continue;
        keyRef(from.configMapKeyRef, [...base, 'env', envIndex, 'valueFrom', 'configMapKeyRef'], 'ConfigMap', 'configMapKey', namespace, refs);
        keyRef(from.secretKeyRef, [...base, 'env', envIndex, 'valueFrom', 'secretKeyRef'], 'Secret', 'secretKey', namespace, refs);
      }
      for (const { item: source, index: sourceIndex } of objectItems(container.envFrom)) {
        named(source.configMapRef, [...base, 'envFrom', sourceIndex, 'configMapRef'], 'name', 'ConfigMap', 'configMap', namespace, refs);
        named(source.secretRef, [...base, 'envFrom', sourceIndex, 'secretRef'], 'name', 'Secret', 'secret', namespace, refs);
      }
    }
  }
  for (const { item: volume, index } of objectItems(spec.volumes)) {
    const base = [...at, 'volumes', index];
    withItems(volume.configMap, [...base, 'configMap'], 'name', 'ConfigMap', namespace, refs);
    withItems(volume.secret, [...base, 'secret'], 'secretName', 'Secret', namespace, refs);
    for (const { item: source, index: sourceIndex } of objectItems(getIn(volume, ['projected', 'sources']))) {
      const sourceBase = [...base, 'projected', 'sources', sourceIndex];
      withItems(source.configMap, [...sourceBase, 'configMap'], 'name', 'ConfigMap', namespace, refs);
      withItems(source.secret, [...sourceBase, 'secret'], 'name', 'Secret', namespace, refs);
    }
    const claimName = asString(getIn(volume, ['persistentVolumeClaim', 'claimName']));
    if (claimName) refs.push({ kind: 'PersistentVolumeClaim', name: claimName, namespace, path: [...base, 'persistentVolumeClaim', 'claimName'], role: 'claim' });
    named(getIn(volume, ['csi', 'nodePublishSecretRef']), [...base, 'csi', 'nodePublishSecretRef'], 'name', 'Secret', 'secret', namespace, refs);
    named(volume.azureFile, [...base, 'azureFile'], 'secretName', 'Secret', 'secret', namespace, refs);
    for (const plugin of SECRET_REF_VOLUMES) named(getIn(volume, [plugin, 'secretRef']), [...base, plugin, 'secretRef'], 'name', 'Secret', 'secret', namespace, refs);
  }
  // `serviceAccount` is the deprecated alias; the API server copies one into the other.
  const account = asString(spec.serviceAccountName) ? 'serviceAccountName' : asString(spec.serviceAccount) ? 'serviceAccount' : undefined;
  if (account) refs.push({ kind: 'ServiceAccount', name: asString(spec[account]) ?? '', namespace, path: [...at, account], role: 'serviceAccount' });
  const priorityClass = asString(spec.priorityClassName);
  if (priorityClass) refs.push({ kind: 'PriorityClass', name: priorityClass, path: [...at, 'priorityClassName'], role: 'priorityClass', clusterScoped: true });
  for (const { item, index } of objectItems(spec.imagePullSecrets)) {
    const name = asString(item.name);
    if (name) refs.push({ kind: 'Secret', name, namespace, path: [...at, 'imagePullSecrets', index, 'name'], role: 'imagePullSecret' });
  }
}

function isOptional(source: JsonObject): boolean | undefined {
  return source.optional === true ? true : undefined;
}

/** `{ name, key, optional }` of an env var's configMapKeyRef / secretKeyRef. */
function keyRef(value: unknown, path: FieldPath, kind: string, role: ReferenceRole, namespace: string | undefined, refs: ObjectReference[]): void {
  const source = asObject(value);
  const name = asString(source?.name);
  if (!source || !name) return;
  const key = asString(source.key);
  refs.push({ kind, name, namespace, path: [...path, 'name'], role, optional: isOptional(source), ...(key ? { key, keyPath: [...path, 'key'] } : {}) });
}

/** A `{ <field>: name }` reference (envFrom, a Secret of a volume plugin). */
function named(value: unknown, path: FieldPath, field: string, kind: string, role: ReferenceRole, namespace: string | undefined, refs: ObjectReference[]): void {
  const source = asObject(value);
  const name = asString(source?.[field]);
  if (!source || !name) return;
  refs.push({ kind, name, namespace, path: [...path, field], role, optional: isOptional(source) });
}

/** A configMap / secret volume (or projected source) and the keys its `items` read. */
function withItems(value: unknown, path: FieldPath, field: string, kind: 'ConfigMap' | 'Secret', namespace: string | undefined, refs: ObjectReference[]): void {
  const source = asObject(value);
  const name = asString(source?.[field]);
  if (!source || !name) return;
  const optional = isOptional(source);
  refs.push({ kind, name, namespace, path: [...path, field], role: kind === 'ConfigMap' ? 'configMap' : 'secret', optional });
  for (const { item, index } of objectItems(source.items)) {
    const key = asString(item.key);
    if (key)
      refs.push({
        kind,
        name,
        namespace,
        key,
        path: [...path, field],
        keyPath: [...path, 'items', index, 'key'],
        role: kind === 'ConfigMap' ? 'configMapKey' : 'secretKey',
        optional,
      });
  }
}

function ingressReferences(object: JsonObject, namespace: string | undefined, refs: ObjectReference[]): void {
  const backend = (value: unknown, path: FieldPath): void => {
    const source = asObject(value);
    if (!source) return;
    // networking.k8s.io/v1: { service: { name, port: { number | name } } }; v1beta1: { serviceName, servicePort }.
    const service = asObject(source.service);
    const name = asString(service ? service.name : source.serviceName);
    if (!name) return;
    const namePath = service ? [...path, 'service', 'name'] : [...path, 'serviceName'];
    const portObject = asObject(service?.port);
    const portPath = service ? (portObject?.number !== undefined ? [...path, 'service', 'port', 'number'] : [...path, 'service', 'port', 'name']) : [...path, 'servicePort'];
    const rawPort = service ? (portObject?.number ?? portObject?.name) : source.servicePort;
    const port = typeof rawPort === 'number' || (typeof rawPort === 'string' && rawPort !== '') ? rawPort : undefined;
    refs.push({ kind: 'Service', name, namespace, path: namePath, role: 'service', ...(port !== undefined ? { port } : {}) });
    if (port !== undefined) refs.push({ kind: 'Service', name, namespace, path: portPath, role: 'servicePort', port, keyPath: portPath });
  };
  const spec = asObject(object.spec);
  if (!spec) return;
  backend(spec.defaultBackend, ['spec', 'defaultBackend']);
  backend(spec.backend, ['spec', 'backend']);
  for (const { item: rule, index } of objectItems(spec.rules)) {
    for (const { item: entry, index: pathIndex } of objectItems(getIn(rule, ['http', 'paths'])))
      backend(entry.backend, ['spec', 'rules', index, 'http', 'paths', pathIndex, 'backend']);
  }
  for (const { item: tls, index } of objectItems(spec.tls)) {
    const secretName = asString(tls.secretName);
    if (secretName) refs.push({ kind: 'Secret', name: secretName, namespace, path: ['spec', 'tls', index, 'secretName'], role: 'secret' });
  }
}

function scaleTarget(object: JsonObject, path: FieldPath, namespace: string | undefined, refs: ObjectReference[]): void {
  const target = asObject(getIn(object, path));
  const kind = asString(target?.kind);
  const name = asString(target?.name);
  if (!target || !kind || !name) return;
  const apiVersion = asString(target.apiVersion);
  refs.push({ kind, name, namespace, path: [...path, 'name'], role: 'scaleTarget', ...(apiVersion ? { apiVersion } : {}) });
}

function bindingReferences(object: JsonObject, kind: string, namespace: string | undefined, refs: ObjectReference[]): void {
  const roleRef = asObject(object.roleRef);
  const roleKind = asString(roleRef?.kind);
  const roleName = asString(roleRef?.name);
  if (roleKind && roleName) {
    const clusterScoped = roleKind === 'ClusterRole';
    refs.push({ kind: roleKind, name: roleName, ...(clusterScoped ? { clusterScoped } : { namespace }), path: ['roleRef', 'name'], role: 'roleRef' });
  }
  asArray(object.subjects).forEach((value, index) => {
    const subject = asObject(value);
    if (!subject || subject.kind !== 'ServiceAccount') return;
    const name = asString(subject.name);
    if (!name) return;
    // A RoleBinding's ServiceAccount subject without a namespace is in the binding's namespace.
    const subjectNamespace = asString(subject.namespace) || (kind === 'RoleBinding' ? namespace : undefined);
    refs.push({ kind: 'ServiceAccount', name, namespace: subjectNamespace, path: ['subjects', index, 'name'], role: 'subject' });
  });
}
