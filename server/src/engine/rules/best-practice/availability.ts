// Shared by the availability hints: replica counts and template labels of replicated workloads.
import { asInteger, asObject, getIn, type JsonObject } from '../../json';
import type { ObjectContext } from '../../rule-types';

export const REPLICATED = ['Deployment', 'StatefulSet'];

/** spec.replicas after defaulting (omitted → 1); undefined when it is not a number. */
export function replicasOf(object: JsonObject): { value: number; defaulted: boolean } | undefined {
  const raw = getIn(object, ['spec', 'replicas']);
  if (raw === undefined || raw === null) return { value: 1, defaulted: true };
  const value = asInteger(raw);
  return value === undefined ? undefined : { value, defaulted: false };
}

export function templateLabels(context: ObjectContext): JsonObject {
  return asObject(getIn(context.object, ['spec', 'template', 'metadata', 'labels'])) ?? {};
}
