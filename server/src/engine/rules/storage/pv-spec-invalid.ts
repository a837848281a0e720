// A PersistentVolume the API server rejects (core ValidatePersistentVolumeSpec): no access
// modes or ReadWriteOncePod mixed with others, a capacity that is missing, holds other
// resources than storage or is not positive, no volume source or more than one, a local volume
// without node affinity (or node affinity without `required`), a hostPath or local path that
// is empty or climbs with '..', a hostPath of '/' with the Recycle policy, and a
// storageClassName that is not a DNS subdomain. Enum values are schema-enum's; the deprecated
// Recycle policy itself is pv-reclaim-recycle's.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistent-volumes
import { asArray, asObject, asString, hasKey, type JsonObject } from '../../json';
import { clipText, fitMessage, quoted } from '../../k8s/phrasing';
import { hasBackstep, mixesReadWriteOncePod, pvSources, storageClassNameProblem, storageSizeState } from '../../k8s/pv-sources';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

type Add = (path: FieldPath, target: 'key' | 'value', problem: string, detail: string) => void;

export const pvSpecInvalid: Rule = {
  meta: {
    id: 'pv-spec-invalid',
    defaultSeverity: 'error',
    category: 'storage',
    summary: 'A PersistentVolume the API server rejects: access modes, capacity, volume source count, local node affinity or path problems.',
    kinds: ['PersistentVolume'],
    parity: ['persistent-volume'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'v1') return [];
    const spec = asObject(context.object.spec);
    const name = context.name ? `PersistentVolume ${quoted(context.name, 20)}` : 'PersistentVolume';
    const findings: RuleFinding[] = [];
    const add: Add = (path, target, problem, detail) => findings.push({ path, target, message: fitMessage(`${name}: ${problem}`, `${name}: ${problem}`), detail });
    if (!spec) {
      add([], 'key', 'a PersistentVolume needs a spec', 'The API server rejects it: spec.accessModes, spec.capacity and a volume source are required.');
      return findings;
    }
    checkAccessModes(spec, add);
    checkCapacity(spec, add);
    checkSources(spec, add);
    checkMountOptionsAnnotation(spec, asObject(asObject(context.object.metadata)?.annotations), add);
    const className = storageClassNameProblem(spec);
    if (className) add(['spec', 'storageClassName'], 'value', className.message, className.detail);
    return findings;
  },
};

function checkAccessModes(spec: JsonObject, add: Add): void {
  const modes = spec.accessModes;
  if (modes !== undefined && modes !== null && !Array.isArray(modes)) return; // schema-type
  if (asArray(modes).length === 0) {
    add(
      hasKey(spec, 'accessModes') ? ['spec', 'accessModes'] : ['spec'],
      'key',
      'accessModes is required',
      'The API server rejects it (spec.accessModes: Required value). List how nodes may mount it, e.g. [ReadWriteOnce].',
    );
  } else if (mixesReadWriteOncePod(modes)) {
    add(
      ['spec', 'accessModes'],
      'key',
      'ReadWriteOncePod cannot be mixed with other modes',
      'The API server rejects it (spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes).',
    );
  }
}

function checkCapacity(spec: JsonObject, add: Add): void {
  const capacity = asObject(spec.capacity);
  if (spec.capacity !== undefined && spec.capacity !== null && !capacity) return; // schema-type
  if (!capacity || Object.keys(capacity).length === 0) {
    add(
      capacity ? ['spec', 'capacity'] : ['spec'],
      'key',
      'capacity.storage is required',
      'The API server rejects it (spec.capacity: Required value). Set capacity: {storage: 10Gi}.',
    );
    return;
  }
  for (const key of Object.keys(capacity)) {
    if (key === 'storage') continue;
    add(
      ['spec', 'capacity', key],
      'key',
      `capacity key "${clipText(key, 24)}" is not storage`,
      'The API server rejects it (spec.capacity: Unsupported value: supported values: "storage").',
    );
  }
  const state = storageSizeState(capacity.storage);
  if (state === 'missing') {
    add(
      ['spec', 'capacity'],
      'key',
      'capacity.storage is required',
      'The API server rejects it (spec.capacity: Unsupported value: supported values: "storage"). Set capacity: {storage: 10Gi}.',
    );
  } else if (state === 'not-positive') {
    add(
      ['spec', 'capacity', 'storage'],
      'value',
      'capacity.storage must be greater than zero',
      'The API server rejects it (spec.capacity[storage]: Invalid value: must be greater than zero).',
    );
  }
}

function checkSources(spec: JsonObject, add: Add): void {
  const sources = pvSources(spec);
  if (sources.length === 0) {
    add(
      ['spec'],
      'key',
      'a PersistentVolume needs a volume source (csi, nfs, hostPath, local, ...)',
      'The API server rejects it (spec: Required value: must specify a volume type).',
    );
    return;
  }
  for (const extra of sources.slice(1)) {
    add(
      ['spec', extra],
      'key',
      `more than one volume source (${sources[0]} and ${extra})`,
      `The API server rejects it (spec.${extra}: Forbidden: may not specify more than 1 volume type). Keep only the source that backs this volume.`,
    );
  }
  const first = sources[0];
  if (first === 'nfs') checkNfs(asObject(spec.nfs), add);
  if (first === 'hostPath' || first === 'local') {
    const source = asObject(spec[first]);
    const path = asString(source?.path);
    if (source && path !== undefined) {
      if (path === '') add(['spec', first, 'path'], 'value', `${first}.path is empty`, `The API server rejects it (spec.${first}.path: Required value).`);
      else if (hasBackstep(path))
        add(
          ['spec', first, 'path'],
          'value',
          `${first}.path "${clipText(path, 24)}" contains '..'`,
          `The API server rejects it (spec.${first}.path: Invalid value: "${path}": must not contain '..').`,
        );
      if (first === 'hostPath' && isRoot(path) && spec.persistentVolumeReclaimPolicy === 'Recycle') {
        add(
          ['spec', 'persistentVolumeReclaimPolicy'],
          'value',
          "the Recycle policy is not allowed for a hostPath of '/'",
          "The API server rejects it (spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/').",
        );
      }
    }
  }
  const affinity = spec.nodeAffinity;
  if (affinity !== undefined && affinity !== null) {
    const required = asObject(affinity)?.required;
    if (asObject(affinity) && (required === undefined || required === null)) {
      add(
        ['spec', 'nodeAffinity'],
        'key',
        'nodeAffinity needs required node constraints',
        'The API server rejects it (spec.nodeAffinity.required: Required value: must specify required node constraints).',
      );
    }
  } else if (first === 'local') {
    add(
      ['spec', 'nodeAffinity'],
      'key',
      'a local volume needs nodeAffinity',
      'The API server rejects it (spec.nodeAffinity: Required value: Local volume requires node affinity). Pin it with nodeAffinity.required to the node whose disk it is.',
    );
  }
}

/** The path cleans to '/' (upstream path.Clean), e.g. '/', '//' or '/./'. */
function isRoot(path: string): boolean {
  return path.startsWith('/') && path.split('/').every((part) => part === '' || part === '.');
}

/** An NFS source needs a server and an absolute export path (upstream validateNFSVolumeSource). */
function checkNfs(nfs: JsonObject | undefined, add: Add): void {
  if (!nfs) return;
  if (nfs.server === '')
    add(['spec', 'nfs', 'server'], 'value', 'nfs.server is empty', 'The API server rejects it (spec.nfs.server: Required value). Set the NFS server host name or IP.');
  const path = asString(nfs.path);
  if (path === undefined) return; // missing or not a string: schema
  if (path === '')
    add(['spec', 'nfs', 'path'], 'value', 'nfs.path is empty', 'The API server rejects it (spec.nfs.path: Required value). Set the exported path, e.g. /exports/data.');
  else if (!path.startsWith('/')) {
    add(
      ['spec', 'nfs', 'path'],
      'value',
      `nfs.path "${clipText(path, 24)}" is not absolute`,
      `The API server rejects it (spec.nfs.path: Invalid value: "${path}": must be an absolute path).`,
    );
  }
}

// Sources whose plugins take mount options; for the others the API server refuses the legacy
// mount-options annotation (pkg/volume/validation checkMountOption).
const MOUNT_OPTION_SOURCES = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'nfs',
  'rbd',
  'quobyte',
  'iscsi',
  'cinder',
  'cephfs',
  'azureFile',
  'vsphereVolume',
  'azureDisk',
  'photonPersistentDisk',
];
const MOUNT_OPTIONS_ANNOTATION = 'volume.beta.kubernetes.io/mount-options';

function checkMountOptionsAnnotation(spec: JsonObject, annotations: JsonObject | undefined, add: Add): void {
  if (!annotations || annotations[MOUNT_OPTIONS_ANNOTATION] === undefined) return;
  const sources = pvSources(spec);
  if (sources.length === 0 || sources.some((source) => MOUNT_OPTION_SOURCES.includes(source))) return;
  add(
    ['metadata', 'annotations', MOUNT_OPTIONS_ANNOTATION],
    'key',
    `mount options are not supported for ${sources[0]} volumes`,
    `The API server rejects the ${MOUNT_OPTIONS_ANNOTATION} annotation here (Forbidden: may not specify mount options for this volume type). Remove it.`,
  );
}
