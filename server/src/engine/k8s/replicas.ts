// Shared by the availability hints: how many replicas a workload runs (spec.replicas, or the
// HorizontalPodAutoscaler of the file that scales it) and the labels of its Pods.
import { asInteger, asObject, asString, getIn, type JsonObject } from '../json';
import type { FileContext, ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';
import { describeObject, sameNamespace } from './file-objects';
import { labelMap } from './label-selector';

export const REPLICATED = ['Deployment', 'StatefulSet'];

/** spec.replicas after defaulting (omitted → 1); undefined when it is not a number. */
export function replicasOf(object: JsonObject): { value: number; defaulted: boolean } | undefined {
  const raw = getIn(object, ['spec', 'replicas']);
  if (raw === undefined || raw === null) return { value: 1, defaulted: true };
  const value = asInteger(raw);
  return value === undefined ? undefined : { value, defaulted: false };
}

export interface Autoscaler {
  object: ObjectContext;
  min: number;
  /** minReplicas was omitted: the API server defaults it to 1. */
  minDefaulted: boolean;
  max: number;
}

/** How many replicas a workload runs: fixed by spec.replicas, or between an HPA's bounds. */
export interface ReplicaRange {
  min: number;
  max: number;
  /** spec.replicas is omitted (1 unless an autoscaler sets it). */
  defaulted: boolean;
  autoscaler?: Autoscaler;
}

/**
 * The HorizontalPodAutoscaler of the file whose scaleTargetRef names the workload. The HPA
 * controller owns spec.replicas of its target and keeps it within minReplicas (default 1) and
 * maxReplicas, whatever the manifest says. Undefined when no HPA targets the workload; null when
 * one does but its minReplicas is not a number (nothing can be said about the replicas then).
 * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling
 */
export function autoscalerOf(workload: ObjectContext, context: FileContext): Autoscaler | undefined | null {
  for (const object of autoscalers(context)) {
    const target = asObject(getIn(object.object, ['spec', 'scaleTargetRef']));
    if (!target || asString(target.kind) !== workload.kind || !workload.name || asString(target.name) !== workload.name) continue;
    if (!sameNamespace(object, workload)) continue;
    const rawMin = getIn(object.object, ['spec', 'minReplicas']);
    const minDefaulted = rawMin === undefined || rawMin === null;
    const min = minDefaulted ? 1 : asInteger(rawMin);
    if (min === undefined) return null;
    const max = asInteger(getIn(object.object, ['spec', 'maxReplicas'])) ?? min;
    return { object, min, minDefaulted, max: Math.max(min, max) };
  }
  return undefined;
}

/** The file's HPAs, found once per file (three rules ask for every workload of it). */
const AUTOSCALERS = new WeakMap<FileContext, ObjectContext[]>();

function autoscalers(context: FileContext): ObjectContext[] {
  let found = AUTOSCALERS.get(context);
  if (!found) {
    found = context.objects.filter((object) => object.kind === 'HorizontalPodAutoscaler' && object.apiVersion.startsWith('autoscaling/'));
    AUTOSCALERS.set(context, found);
  }
  return found;
}

/** The replica range of a workload; undefined when a count is not a number. */
export function replicaRange(workload: ObjectContext, context: FileContext): ReplicaRange | undefined {
  const replicas = replicasOf(workload.object);
  const autoscaler = autoscalerOf(workload, context);
  if (autoscaler === null) return undefined;
  if (autoscaler) return { min: autoscaler.min, max: autoscaler.max, defaulted: replicas?.defaulted ?? false, autoscaler };
  if (!replicas) return undefined;
  return { min: replicas.value, max: replicas.value, defaulted: replicas.defaulted };
}

/** "3 replicas" / "up to 10 replicas (HorizontalPodAutoscaler "web")". */
export function describeReplicas(range: ReplicaRange): string {
  return range.autoscaler ? `up to ${range.max} replicas (${describeObject(range.autoscaler.object)})` : `${range.max} replicas`;
}

/**
 * Where to report a multi-replica hint: spec.replicas when it sets the count, the workload's spec
 * when it is omitted or an autoscaler overrides it.
 */
export function replicasLocation(range: ReplicaRange): { path: FieldPath; target: 'key' | 'value' } {
  return range.defaulted || range.autoscaler ? { path: ['spec'], target: 'key' } : { path: ['spec', 'replicas'], target: 'value' };
}

/** Labels of the workload's Pods (its template's labels). */
export function templateLabels(context: ObjectContext): Map<string, string> {
  return labelMap(getIn(context.object, ['spec', 'template', 'metadata', 'labels']));
}
