// Where a Job spec lives (a Job's `spec`, a CronJob's `spec.jobTemplate.spec`) and the small
// readings the batch validation makes on it: completion mode, container names, index lists.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/
import { asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import type { ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';

export interface JobSpecRef {
  spec: JsonObject;
  /** Path of the Job spec from the object root. */
  path: FieldPath;
  /** True for a CronJob's job template (validated without a selector of its own). */
  inCronJob: boolean;
}

/** The Job spec of a Job or CronJob object; undefined when it is missing or not a mapping. */
export function jobSpecOf(context: ObjectContext): JobSpecRef | undefined {
  const inCronJob = context.kind === 'CronJob';
  const path: FieldPath = inCronJob ? ['spec', 'jobTemplate', 'spec'] : ['spec'];
  const spec = asObject(getIn(context.object, path));
  return spec ? { spec, path, inCronJob } : undefined;
}

/** Completion mode after defaulting ("" and omitted mean NonIndexed). */
export function isIndexed(spec: JsonObject): boolean {
  return asString(spec.completionMode) === 'Indexed';
}

/** Names of the containers and init containers of the Job's Pod template. */
export function templateContainerNames(spec: JsonObject): Set<string> {
  const names = new Set<string>();
  for (const group of ['containers', 'initContainers']) {
    for (const { item } of objectItems(getIn(spec, ['template', 'spec', group]))) {
      const name = asString(item.name);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

/** A parsed index list such as "0-2,5,7-9": the number of indexes, or why it is refused. */
export type IndexList = { ok: true; total: number } | { ok: false; error: string };

/**
 * Reads a comma-separated list of indexes and ranges, each below `completions`, in increasing
 * order, as the Job validation reads succeededIndexes. An empty list holds no index.
 */
export function parseIndexList(text: string, completions: number): IndexList {
  if (text.length === 0) return { ok: true, total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) return { ok: false, error: `the fragment "${interval}" has more than two parts separated by '-'` };
    const bounds: number[] = [];
    for (const limit of limits) {
      if (!/^[+-]?[0-9]+$/.test(limit)) return { ok: false, error: `cannot convert "${limit}" to an integer index` };
      const index = Number(limit);
      if (index >= completions) return { ok: false, error: `too large index: "${limit}" (completions is ${completions})` };
      bounds.push(index);
    }
    const [first, end = first] = bounds;
    if (bounds.length === 2 && first >= end) return { ok: false, error: `non-increasing order, previous: ${first}, current: ${end}` };
    if (last !== undefined && last >= first) return { ok: false, error: `non-increasing order, previous: ${last}, current: ${first}` };
    total += end - first + 1;
    last = end;
  }
  return { ok: true, total };
}
