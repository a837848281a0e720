// What PersistentVolume and PersistentVolumeClaim rules share: the volume source fields of a
// PersistentVolumeSpec (exactly one must be set), access-mode rules, the "no '..' element"
// path rule, and the storage size reading. Names follow the v1 API.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#types-of-persistent-volumes
import { asArray, asString, type JsonObject } from '../json';
import { dns1123SubdomainErrors } from './names';
import { clipText } from './phrasing';
import { isNegative, parseQuantity } from './quantity';

export const PV_SOURCES: readonly string[] = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
];

/** The source fields a PV spec sets, in the order the API server checks them. */
export function pvSources(spec: JsonObject): string[] {
  return PV_SOURCES.filter((key) => spec[key] !== undefined && spec[key] !== null);
}

/** ReadWriteOncePod next to another access mode (the API server refuses the mix). */
export function mixesReadWriteOncePod(accessModes: unknown): boolean {
  const modes = asArray(accessModes).filter((mode): mode is string => typeof mode === 'string');
  const known = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];
  return modes.includes('ReadWriteOncePod') && modes.some((mode) => known.includes(mode));
}

/** True when a path has a `..` element (upstream validatePathNoBacksteps). */
export function hasBackstep(path: string): boolean {
  return path.split('/').includes('..');
}

/** 'missing' | 'unparsed' (left to schema-format) | 'not-positive' | 'ok' for a storage size. */
export function storageSizeState(raw: unknown): 'missing' | 'unparsed' | 'not-positive' | 'ok' {
  if (raw === undefined || raw === null) return 'missing';
  const quantity = parseQuantity(raw);
  if (!quantity) return 'unparsed';
  return isNegative(quantity) || quantity.numerator === 0n ? 'not-positive' : 'ok';
}

/** A storageClassName that is not a DNS subdomain (PVs and PVCs alike): message and detail, or undefined. */
export function storageClassNameProblem(spec: JsonObject): { message: string; detail: string } | undefined {
  const className = asString(spec.storageClassName);
  const errors = className ? dns1123SubdomainErrors(className) : [];
  if (!className || errors.length === 0) return undefined;
  return {
    message: `storageClassName "${clipText(className, 24)}" is not a DNS subdomain`,
    detail: `The API server rejects it (spec.storageClassName: ${errors.join('; ')}).`,
  };
}
