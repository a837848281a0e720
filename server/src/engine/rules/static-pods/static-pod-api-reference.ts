// A static Pod is started by the kubelet alone, so it cannot refer to other API objects
// (ServiceAccounts, Secrets, ConfigMaps, claims…). From 1.34 the kubelet refuses the whole manifest
// (`static pods may not reference <resource>`, PreventStaticPodAPIReferences); before that the Pod
// may start but NodeRestriction rejects its mirror Pod and the kubelet is not allowed to read the
// referenced object. https://kubernetes.io/docs/concepts/workloads/pods/#static-pods
import { containersOf } from '../../containers';
import { asObject, asString, getIn, objectItems, type JsonObject } from '../../json';
import { capitalize, clipText, describeContainer } from '../../k8s/phrasing';
import { firstPodSpec } from '../../k8s/static-pod-manifest';
import type { FileRuleFinding, Rule } from '../../rule-types';
import type { FieldPath, FixSpec, KubernetesVersion } from '../../types';
import { atLeast } from '../../versions';

interface Reference {
  path: FieldPath;
  /** What is referenced, for the message ("Secret \"tls\"", "the ServiceAccount \"x\""). */
  what: string;
  /** Plural resource the kubelet names (`static pods may not reference <resource>`). */
  resource: string;
  /** What to do instead, when there is more to say than removing the reference. */
  advice?: string;
  fixes: FixSpec[];
}

const PRE_134_ALLOWED = new Set(['csidrivers', 'endpoints']);

const FILE_ADVICE = 'Put the data in files on the node and mount them with a hostPath volume.';

/**
 * In-tree volume sources that are fine on their own but may name a Secret for credentials
 * (azureFile and csi are refused as a whole, see API_VOLUME_SOURCES).
 */
const SECRET_REF_SOURCES: Record<string, string> = {
  cephfs: 'secretRef',
  cinder: 'secretRef',
  flexVolume: 'secretRef',
  rbd: 'secretRef',
  scaleIO: 'secretRef',
  iscsi: 'secretRef',
  storageos: 'secretRef',
};

/** Volume sources that need the API themselves, with the resource the kubelet names. */
const API_VOLUME_SOURCES: Record<string, string> = {
  secret: 'secrets',
  configMap: 'configmaps',
  csi: 'csidrivers',
  glusterfs: 'endpoints',
  persistentVolumeClaim: 'persistentvolumeclaims',
  ephemeral: 'persistentvolumeclaims',
  azureFile: 'secrets',
};

const PROJECTED_SOURCES: Record<string, string> = {
  secret: 'secrets',
  configMap: 'configmaps',
  serviceAccountToken: 'serviceaccounts',
  clusterTrustBundle: 'clustertrustbundles',
  podCertificate: 'podcertificates',
};

export const staticPodApiReference: Rule = {
  meta: {
    id: 'static-pod-api-reference',
    defaultSeverity: 'error',
    category: 'static-pods',
    summary: 'A static Pod refers to an API object (ServiceAccount, Secret, ConfigMap, claim…); the kubelet cannot honour it.',
    staticPodOnly: true,
  },
  checkFile(context) {
    const pod = firstPodSpec(context);
    if (!pod) return [];
    const version = context.env.kubernetesVersion;
    // Before 1.34 only NodeRestriction (and the Node authorizer) stood in the way, and they never
    // looked at CSI drivers or glusterfs endpoints: those worked in static Pods.
    const refs = collectReferences(pod.spec, pod.specPath).filter((reference) => atLeast(version, '1.34') || !PRE_134_ALLOWED.has(reference.resource));
    return refs.map((reference): FileRuleFinding => ({
      documentIndex: pod.documentIndex,
      path: reference.path,
      target: 'key',
      message: `${capitalize(clipText(reference.what, 64))}: not allowed in a static Pod`,
      detail: `${capitalize(consequence(reference.resource, version))}${reference.advice ? ` ${reference.advice}` : ''}`,
      fixes: reference.fixes,
    }));
  },
};

function collectReferences(spec: JsonObject, specPath: FieldPath): Reference[] {
  const refs: Reference[] = [];
  const remove = (path: FieldPath, title: string): FixSpec[] => [{ title, intents: [{ op: 'delete', path }], preferred: true }];
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const name = asString(spec[field]);
    if (!name) continue;
    refs.push({
      path: [...specPath, field],
      what: `${field} names the ServiceAccount "${name}"`,
      resource: 'serviceaccounts',
      fixes: remove([...specPath, field], `Remove ${field}`),
    });
  }
  if (objectItems(spec.imagePullSecrets).length > 0) {
    refs.push({
      path: [...specPath, 'imagePullSecrets'],
      what: 'imagePullSecrets names a Secret',
      resource: 'secrets',
      advice: 'Configure registry credentials in the container runtime or a kubelet image credential provider instead.',
      fixes: remove([...specPath, 'imagePullSecrets'], 'Remove imagePullSecrets'),
    });
  }
  for (const container of containersOf(spec, specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
    const label = describeContainer(container);
    for (const { item, index } of objectItems(container.container.envFrom)) {
      for (const [field, kind, resource] of [
        ['secretRef', 'Secret', 'secrets'],
        ['configMapRef', 'ConfigMap', 'configmaps'],
      ] as const) {
        const name = asString(getIn(item, [field, 'name']));
        if (!asObject(item[field])) continue;
        refs.push({
          path: [...container.path, 'envFrom', index, field],
          what: `envFrom of ${label} loads the ${kind}${name ? ` "${name}"` : ''}`,
          resource,
          advice: FILE_ADVICE,
          fixes: remove([...container.path, 'envFrom', index], 'Remove this envFrom entry'),
        });
      }
    }
    for (const { item, index } of objectItems(container.container.env)) {
      for (const [field, kind, resource] of [
        ['secretKeyRef', 'Secret', 'secrets'],
        ['configMapKeyRef', 'ConfigMap', 'configmaps'],
      ] as const) {
        if (!asObject(getIn(item, ['valueFrom', field]))) continue;
        const name = asString(getIn(item, ['valueFrom', field, 'name']));
        const variable = asString(item.name) ?? String(index);
        refs.push({
          path: [...container.path, 'env', index, 'valueFrom', field],
          what: `env ${variable} of ${label} reads the ${kind}${name ? ` "${name}"` : ''}`,
          resource,
          advice: 'Read the value from a file on a hostPath volume instead (many images accept a *_FILE variable).',
          fixes: remove([...container.path, 'env', index], `Remove env ${variable}`),
        });
      }
    }
  }
  if (objectItems(spec.resourceClaims).length > 0) {
    refs.push({
      path: [...specPath, 'resourceClaims'],
      what: 'spec.resourceClaims asks for ResourceClaims',
      resource: 'resourceclaims',
      fixes: [],
    });
  }
  for (const { item: volume, index } of objectItems(spec.volumes)) refs.push(...volumeReferences(volume, [...specPath, 'volumes', index]));
  return refs;
}

function volumeReferences(volume: JsonObject, path: FieldPath): Reference[] {
  const refs: Reference[] = [];
  const volumeName = asString(volume.name) ?? 'volume';
  for (const [source, resource] of Object.entries(API_VOLUME_SOURCES)) {
    const body = asObject(volume[source]);
    if (!body) continue;
    const refName = asString(body.secretName) ?? asString(body.name) ?? asString(body.claimName);
    refs.push({
      path: [...path, source],
      what: `volume "${volumeName}" is ${source === 'ephemeral' ? 'an' : 'a'} ${source} volume${refName ? ` ("${refName}")` : ''}`,
      resource,
      advice: source === 'ephemeral' ? 'Use an emptyDir for scratch space.' : FILE_ADVICE,
      fixes: [replaceVolumeSource(path, source, source === 'ephemeral' ? { emptyDir: {} } : hostPathFor(refName ?? volumeName))],
    });
  }
  for (const [source, field] of Object.entries(SECRET_REF_SOURCES)) {
    const ref = asObject(getIn(volume, [source, field]));
    if (!ref) continue;
    const secret = asString(ref.name);
    refs.push({
      path: [...path, source, field],
      what: `volume "${volumeName}" (${source}) uses the Secret${secret ? ` "${secret}"` : ''} in ${field}`,
      resource: 'secrets',
      fixes: [],
    });
  }
  const projected = objectItems(getIn(volume, ['projected', 'sources']));
  const forbidden = projected.filter(({ item }) => Object.keys(PROJECTED_SOURCES).some((key) => item[key] !== undefined));
  for (const { item, index } of forbidden) {
    const key = Object.keys(PROJECTED_SOURCES).find((candidate) => item[candidate] !== undefined) ?? 'secret';
    const allForbidden = forbidden.length === projected.length;
    refs.push({
      path: [...path, 'projected', 'sources', index, key],
      what: `projected volume "${volumeName}" includes a ${key} source`,
      resource: PROJECTED_SOURCES[key],
      advice: FILE_ADVICE,
      // When every source needs the API, the volume is replaced; otherwise the source is dropped.
      fixes: allForbidden
        ? [replaceVolumeSource(path, 'projected', hostPathFor(volumeName))]
        : [{ title: `Remove the ${key} source`, intents: [{ op: 'delete', path: [...path, 'projected', 'sources', index] }], preferred: true }],
    });
  }
  return refs;
}

function hostPathFor(name: string): JsonObject {
  return { hostPath: { path: `/etc/kubernetes/${name}`, type: 'Directory' } };
}

function replaceVolumeSource(path: FieldPath, source: string, replacement: JsonObject): FixSpec {
  const [key, value] = Object.entries(replacement)[0];
  const title = key === 'emptyDir' ? 'Replace with an emptyDir volume' : `Replace with a hostPath volume (${String(getIn(value, ['path']))})`;
  return {
    title,
    intents: [
      { op: 'delete', path: [...path, source] },
      { op: 'insert', path, key, value },
    ],
    preferred: true,
  };
}

function consequence(resource: string, version: KubernetesVersion): string {
  if (atLeast(version, '1.34')) {
    return `the kubelet (1.34+, PreventStaticPodAPIReferences) refuses the whole manifest: static pods may not reference ${resource}.`;
  }
  if (resource === 'clustertrustbundles') return `the kubelet refuses the manifest: static pods may not use ClusterTrustBundle projected volume sources.`;
  if (resource === 'resourceclaims') return `the kubelet refuses the manifest: static pods may not use ResourceClaims.`;
  const noun = resource === 'serviceaccounts' ? 'a service account' : resource.split(' ')[0];
  const runtime =
    resource === 'serviceaccounts'
      ? 'the Pod runs, but it never shows up in the API'
      : 'without a mirror Pod the kubelet is not allowed to read the object, so the Pod cannot start';
  return `on Kubernetes ${version} NodeRestriction rejects the mirror Pod (node "<node>" can not create pods that reference ${noun}): ${runtime}. (From 1.34 the kubelet refuses the manifest outright.)`;
}
