// Every ObjectMeta an object carries: its own, its Pod template's, and a CronJob's Job template's.
import { asObject, getIn, type JsonObject } from '../json';
import { templatePathFor } from '../pod-specs';
import type { ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';

export interface MetadataBlock {
  path: FieldPath;
  metadata: JsonObject;
  /** True for Pod template metadata (the labels Pods will carry). */
  isPodTemplate: boolean;
}

/** Kinds from before apps/v1 that still carry a Pod template at spec.template (PetSet). */
const LEGACY_TEMPLATE_PATHS: Record<string, FieldPath> = { PetSet: ['spec', 'template'] };

export function metadataBlocks(context: ObjectContext): MetadataBlock[] {
  const blocks: MetadataBlock[] = [];
  const add = (path: FieldPath, isPodTemplate: boolean): void => {
    const metadata = asObject(getIn(context.object, path));
    if (metadata) blocks.push({ path, metadata, isPodTemplate });
  };
  add(['metadata'], context.kind === 'Pod');
  if (context.kind === 'CronJob') add(['spec', 'jobTemplate', 'metadata'], false);
  const template = templatePathFor(context.apiVersion, context.kind, context.object) ?? LEGACY_TEMPLATE_PATHS[context.kind];
  // [] is an object shaped like a template (a Knative Revision): its own metadata, added above.
  if (template && template.length > 0) add([...template, 'metadata'], true);
  return blocks;
}
