// Walks the containers of a Pod spec with their paths: init containers, app containers and
// ephemeral containers share names and most rules.
import { asString, objectItems, type JsonObject } from './json';
import type { FieldPath } from './types';

export type ContainerGroup = 'initContainers' | 'containers' | 'ephemeralContainers';

export interface ContainerRef {
  container: JsonObject;
  group: ContainerGroup;
  index: number;
  path: FieldPath;
  name: string | undefined;
  /** An init container with restartPolicy: Always (a native sidecar, 1.28+). */
  isSidecar: boolean;
}

export function containersOf(spec: JsonObject, specPath: FieldPath, groups: readonly ContainerGroup[] = ['initContainers', 'containers']): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const group of groups) {
    for (const { item, index } of objectItems(spec[group])) {
      refs.push({
        container: item,
        group,
        index,
        path: [...specPath, group, index],
        name: asString(item.name),
        isSidecar: group === 'initContainers' && item.restartPolicy === 'Always',
      });
    }
  }
  return refs;
}
