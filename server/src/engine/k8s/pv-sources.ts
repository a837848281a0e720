// What PersistentVolume and PersistentVolumeClaim rules share: the volume source fields of a
// PersistentVolumeSpec (exactly one must be set), access-mode rules, the "no '..' element"
// path rule, and the storage size reading. Names follow the v1 API.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#types-of-persistent-volumes
import { asArray, type JsonObject } from '../json';
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
