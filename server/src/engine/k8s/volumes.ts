// The volumes of a Pod spec: which source a volume uses, and the volumes by name.
import { asString, objectItems, type JsonObject } from '../json';

/** Every volume source a v1 Volume can carry (the JSON names). */
export const VOLUME_SOURCES: readonly string[] = [
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'fc',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'hostPath',
  'image',
  'iscsi',
  'nfs',
  'persistentVolumeClaim',
  'photonPersistentDisk',
  'portworxVolume',
  'projected',
  'quobyte',
  'rbd',
  'scaleIO',
  'secret',
  'storageos',
  'vsphereVolume',
];

/** The source keys a volume sets (a present key with a null value still counts, as for kubectl). */
export function volumeSources(volume: JsonObject): string[] {
  return VOLUME_SOURCES.filter((key) => Object.prototype.hasOwnProperty.call(volume, key));
}

export interface NamedVolume {
  volume: JsonObject;
  index: number;
  name: string;
}

/** The Pod's volumes by name (first definition wins, as in the API server's map). */
export function volumesByName(spec: JsonObject): Map<string, NamedVolume> {
  const byName = new Map<string, NamedVolume>();
  for (const { item, index } of objectItems(spec.volumes)) {
    const name = asString(item.name);
    if (name !== undefined && !byName.has(name)) byName.set(name, { volume: item, index, name });
  }
  return byName;
}
