// The Pod labels of the workloads of a namespace, from the file's objects and the run's
// (run-objects.ts): what a selector in one file (PodDisruptionBudget, NetworkPolicy, Service) may
// match in another. A workload's Pods carry its Pod template's labels (a Pod its own).
// https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates
import { asObject, getIn, type JsonObject } from '../json';
import { templatePathFor } from '../pod-specs';
import type { FileContext, ObjectContext } from '../rule-types';
import type { FieldPath } from '../types';
import { namespaceOf, type PodTarget } from './file-objects';
import { labelMap } from './label-selector';
import { runNamespacesMatch, runObjectsOfKind } from './run-lookup';
import { runExclusion } from '../run-exclusion';
import type { RunObject } from '../run-objects';

/** Where each Pod-creating kind keeps its Pod metadata. */
const POD_METADATA: Record<string, FieldPath> = {
  Pod: ['metadata'],
  Deployment: ['spec', 'template', 'metadata'],
  StatefulSet: ['spec', 'template', 'metadata'],
  DaemonSet: ['spec', 'template', 'metadata'],
  ReplicaSet: ['spec', 'template', 'metadata'],
  ReplicationController: ['spec', 'template', 'metadata'],
  Job: ['spec', 'template', 'metadata'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
  Rollout: ['spec', 'template', 'metadata'],
};

export interface PodLabels {
  labels: Map<string, string>;
  /** `Deployment "web"` (and the file when it is another); a function, since most are never shown. */
  describe: () => string;
}

function isPodCreating(kind: string, apiVersion: string): boolean {
  if (!(kind in POD_METADATA)) return false;
  return kind === 'Rollout' ? apiVersion.startsWith('argoproj.io/') : true;
}

/** A workload of the run with its Pod labels (undefined: not readable, an Argo Rollout's workloadRef). */
interface RunWorkload {
  run: RunObject;
  labels: Map<string, string> | undefined;
  spec: JsonObject | undefined;
  specPath: FieldPath;
}

/** The run's workloads, read once per run array (run-objects.ts keeps the array per run and file). */
const workloadsByRun = new WeakMap<readonly RunObject[], RunWorkload[]>();

function runWorkloads(objects: readonly RunObject[] | undefined): RunWorkload[] {
  if (!objects || objects.length === 0) return [];
  let workloads = workloadsByRun.get(objects);
  if (workloads) return workloads;
  // One file's view of a run: the run's workloads (read once per run), less that file's own.
  const exclusion = runExclusion(objects);
  if (exclusion) {
    workloads = allRunWorkloads(exclusion.base).filter((workload) => exclusion.keeps(workload.run));
    workloadsByRun.set(objects, workloads);
    return workloads;
  }
  return allRunWorkloads(objects);
}

const allWorkloadsByRun = new WeakMap<readonly RunObject[], RunWorkload[]>();

function allRunWorkloads(objects: readonly RunObject[]): RunWorkload[] {
  let workloads = allWorkloadsByRun.get(objects);
  if (!workloads) {
    workloads = [];
    for (const kind of Object.keys(POD_METADATA)) {
      for (const run of runObjectsOfKind(objects, kind)) {
        if (!isPodCreating(run.kind, run.apiVersion)) continue;
        const templatePath = kind === 'Pod' ? [] : (templatePathFor(run.apiVersion, kind, run.object) ?? ['spec', 'template']);
        const specPath = [...templatePath, 'spec'];
        const unreadable = kind === 'Rollout' && !asObject(getIn(run.object, ['spec', 'template']));
        workloads.push({
          run,
          labels: unreadable ? undefined : labelMap(asObject(getIn(run.object, POD_METADATA[kind]))?.labels),
          spec: asObject(getIn(run.object, specPath)),
          specPath,
        });
      }
    }
    allWorkloadsByRun.set(objects, workloads);
  }
  return workloads;
}

/** The run's workloads by Pod label (`key\u0000value`), once per run array. */
const byLabelByRun = new WeakMap<readonly RunObject[], Map<string, RunWorkload[]>>();

function workloadsLabelled(objects: readonly RunObject[] | undefined, key: string, value: string): RunWorkload[] {
  if (!objects || objects.length === 0) return [];
  // The label index is built once per run; a file's view drops that file's own workloads.
  const exclusion = runExclusion(objects);
  const found = labelIndexOf(exclusion ? exclusion.base : objects).get(`${key}\u0000${value}`) ?? [];
  return exclusion ? found.filter((workload) => exclusion.keeps(workload.run)) : found;
}

function labelIndexOf(objects: readonly RunObject[]): Map<string, RunWorkload[]> {
  let byLabel = byLabelByRun.get(objects);
  if (!byLabel) {
    byLabel = new Map();
    for (const workload of allRunWorkloads(objects)) {
      for (const [labelKey, labelValue] of workload.labels ?? []) {
        const entry = `${labelKey}\u0000${labelValue}`;
        const list = byLabel.get(entry);
        if (list) list.push(workload);
        else byLabel.set(entry, [workload]);
      }
    }
    byLabelByRun.set(objects, byLabel);
  }
  return byLabel;
}

/**
 * Whether a workload of the run in `namespace` carries `key: value` and passes `matches` — a
 * quick answer from a label index to "does the selector select anything elsewhere" (most do), so
 * the full list is built only for a selector that selects nothing.
 */
export function runWorkloadSelected(
  context: FileContext,
  namespace: string | undefined,
  key: string,
  value: string,
  matches: (labels: ReadonlyMap<string, string>) => boolean,
): boolean {
  return workloadsLabelled(context.env.runObjects, key, value).some(
    (workload) => workload.labels !== undefined && runNamespacesMatch(workload.run.namespace, namespace) && matches(workload.labels),
  );
}

/**
 * The Pod labels of every workload that may run in `namespace` (unwritten namespaces may match
 * any). Undefined when one of them has Pod labels that cannot be read (an Argo Rollout that
 * refers to another workload's template): a selector cannot be judged then.
 */
export function namespacePodLabels(context: FileContext, namespace: string | undefined): PodLabels[] | undefined {
  const result: PodLabels[] = [];
  for (const object of context.objects) {
    if (!isPodCreating(object.kind, object.apiVersion) || !runNamespacesMatch(namespaceOf(object), namespace)) continue;
    if (object.kind === 'Rollout' && !asObject(getIn(object.object, ['spec', 'template']))) return undefined;
    result.push({ labels: labelMap(asObject(getIn(object.object, POD_METADATA[object.kind]))?.labels), describe: () => `${object.kind} "${object.name ?? ''}"` });
  }
  for (const { run, labels } of runWorkloads(context.env.runObjects)) {
    if (!runNamespacesMatch(run.namespace, namespace)) continue;
    if (!labels) return undefined;
    result.push({ labels, describe: () => `${run.kind} "${run.name ?? ''}" in ${run.filePath}` });
  }
  return result;
}

/**
 * Pods may come from an operator: the run defines CustomResourceDefinitions, or the file holds a
 * custom resource (an Alertmanager, a Postgres cluster). Their Pods carry labels no template in the
 * run shows, so a selector that matches no known workload may still match them.
 */
export function mayHaveOperatorPods(context: FileContext): boolean {
  if (runObjectsOfKind(context.env.runObjects, 'CustomResourceDefinition').length > 0) return true;
  return context.objects.some((object) => {
    if (object.kind === 'CustomResourceDefinition') return true;
    const slash = object.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
    return group.includes('.') && !group.endsWith('.k8s.io') && group !== 'argoproj.io';
  });
}

/**
 * The Pods and workload templates of the run's other files as PodTargets (file-objects.ts), for
 * the Service rules that look at what a Service selects, in `namespace` (undefined: any). Their
 * object contexts are not in this file (documentIndex -1): findings and fixes never point at them.
 */
export function runPodTargets(context: FileContext, namespace: string | undefined): PodTarget[] {
  const targets: PodTarget[] = [];
  for (const { run, labels, spec, specPath } of runWorkloads(context.env.runObjects)) {
    if (!labels || (!spec && labels.size === 0) || !runNamespacesMatch(run.namespace, namespace)) continue;
    const object: ObjectContext = { env: context.env, object: run.object, apiVersion: run.apiVersion, kind: run.kind, name: run.name, documentIndex: -1, objectIndex: -1 };
    targets.push({ object, labels, spec, specPath });
  }
  return targets;
}
