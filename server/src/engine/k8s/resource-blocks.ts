// Where resource requirements live in a Pod spec: each container's `resources`, and (1.32+,
// PodLevelResources) the Pod-level `spec.resources`.
import { containersOf } from '../containers';
import { asObject, type JsonObject } from '../json';
import type { PodSpecContext } from '../rule-types';
import type { FieldPath } from '../types';
import { describeContainer } from './phrasing';

export interface ResourceBlock {
  /** Path of the `resources` mapping. */
  path: FieldPath;
  requests: JsonObject | undefined;
  limits: JsonObject | undefined;
  /** `container "app"`, or `the Pod` for spec.resources. */
  owner: string;
}

export function resourceBlocks(context: PodSpecContext): ResourceBlock[] {
  const blocks: ResourceBlock[] = [];
  const add = (resources: unknown, path: FieldPath, owner: string): void => {
    const object = asObject(resources);
    if (!object) return;
    blocks.push({ path, requests: asObject(object.requests), limits: asObject(object.limits), owner });
  };
  for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers']))
    add(ref.container.resources, [...ref.path, 'resources'], describeContainer(ref));
  add(context.spec.resources, [...context.specPath, 'resources'], 'the Pod');
  return blocks;
}

/** Native resources have no domain or a kubernetes.io domain (core helper IsNativeResource). */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Vendor resources such as nvidia.com/gpu: whole numbers, never overcommitted. */
export function isExtendedResource(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.');
}

export function isHugePages(name: string): boolean {
  return name.startsWith('hugepages-');
}
