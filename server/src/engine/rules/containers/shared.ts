// Small helpers shared by the container, port, volume, env and pod-policy rules.
import type { ContainerRef } from '../../containers';
import { asString, isObject, objectItems, type JsonObject } from '../../json';
import type { FieldPath } from '../../types';

/** Kinds whose Pod template the apps/v1 (and core RC) validation restricts to restartPolicy Always. */
export const REPLICATED_KINDS: readonly string[] = ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController'];
export const JOB_KINDS: readonly string[] = ['Job', 'CronJob'];

/** Every volume source a v1 Volume can carry (the JSON names). */
export const VOLUME_SOURCES: readonly string[] = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI', 'emptyDir',
  'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath', 'image', 'iscsi',
  'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd', 'scaleIO',
  'secret', 'storageos', 'vsphereVolume',
];

/** The source keys a volume sets (a present key with a null value still counts, as for kubectl). */
export function volumeSources(volume: JsonObject): string[] {
  return VOLUME_SOURCES.filter((key) => Object.prototype.hasOwnProperty.call(volume, key));
}

/** `container "web"`, `init container "migrate"`, `sidecar "log"`; the list index when unnamed. */
export function describeContainer(ref: ContainerRef): string {
  const kind = ref.group === 'initContainers' ? (ref.isSidecar ? 'sidecar container' : 'init container') : ref.group === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return ref.name ? `${kind} "${ref.name}"` : `${kind} ${ref.group}[${ref.index}]`;
}

/** A field path as the API server prints it: `spec.containers[0].name`. */
export function pathText(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text.length === 0 ? segment : `.${segment}`;
  }
  return text;
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

/** `true` only for a real YAML boolean true (a string "true" is a schema error, not ours). */
export function isTrue(value: unknown): boolean {
  return value === true;
}

export function objectOr(value: unknown): JsonObject | undefined {
  return isObject(value) ? value : undefined;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
