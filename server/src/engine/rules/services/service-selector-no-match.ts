// A Service whose selector matches none of the Pods or workloads defined next to it. The API
// accepts it; the Service simply has no endpoints, and clients get connection errors. Usually a
// label typo (`app: web` vs `app: webapp`). Only reported when the file defines some Pods or
// workloads: a file of Services alone says nothing about where the Pods come from. Across files
// (the CLI's input set, the editor's workspace): a workload of another file that the Service
// selects settles it; a file of Services whose namespace has workloads elsewhere, none selected,
// gets an info (a warning with workspaceIsComplete), since Pods may still come from outside.
// https://kubernetes.io/docs/concepts/services-networking/service/#services-without-selectors
import { asObject, getIn } from '../../json';
import { describeObject, namespaceOf, podTargets, sameNamespace, selectsTarget, services, type PodTarget } from '../../k8s/file-objects';
import { describeLabels, isValidLabel, labelMap, mapSelectorMatches, parseLabelSelector } from '../../k8s/label-selector';
import { certaintyNote } from '../../k8s/reference-check';
import { mayHaveOperatorPods, runPodTargets, runWorkloadSelected } from '../../k8s/run-pod-labels';
import type { CheckEnvironment, FileRuleFinding, ObjectContext, Rule } from '../../rule-types';
import type { FixIntent, FixSpec } from '../../types';

export const serviceSelectorNoMatch: Rule = {
  meta: {
    id: 'service-selector-no-match',
    defaultSeverity: 'warning',
    category: 'services',
    summary: 'A Service selector matches none of the Pods or workload templates defined in the same file.',
  },
  checkFile(context) {
    const targets = podTargets(context);
    if (targets.length === 0 && context.env.runObjects === undefined) return [];
    const findings: FileRuleFinding[] = [];
    for (const service of services(context)) {
      const spec = asObject(service.object.spec);
      if (!spec || spec.type === 'ExternalName') continue;
      const selector = labelMap(spec.selector);
      if (selector.size === 0) continue;
      const nearby = targets.filter((target) => sameNamespace(service, target.object));
      if (nearby.some((target) => selectsTarget(selector, target))) continue;
      const [first] = selector;
      if (first && runWorkloadSelected(context, namespaceOf(service), first[0], first[1], (labels) => mapSelectorMatches(selector, labels))) continue;
      const elsewhere = runPodTargets(context, namespaceOf(service));
      if (elsewhere.some((target) => selectsTarget(selector, target))) continue;
      if (nearby.length === 0) {
        if (elsewhere.length > 0 && !mayHaveOperatorPods(context)) findings.push(acrossFiles(service, selector, elsewhere, context.env));
        continue;
      }
      const closest = nearest(selector, nearby);
      findings.push({
        documentIndex: service.documentIndex,
        objectIndex: service.objectIndex,
        path: ['spec', 'selector'],
        target: 'key',
        message: `${describeObject(service)} selects no Pod in this file`,
        detail:
          `It selects ${describeLabels(selector)}, but no Pod or workload template in this file carries those labels ` +
          `(${describeObject(closest.object)} has ${describeLabels(closest.labels)}). Unless Pods defined elsewhere match, the Service has no endpoints.`,
        fixes: nearby.length === 1 ? selectFix(spec.selector, selector, nearby[0]) : [],
      });
    }
    return findings;
  },
};

/** No workload of the run's other files in the Service's namespace carries the selected labels. */
function acrossFiles(service: ObjectContext, selector: Map<string, string>, elsewhere: PodTarget[], env: CheckEnvironment): FileRuleFinding {
  const closest = nearest(selector, elsewhere);
  return {
    documentIndex: service.documentIndex,
    objectIndex: service.objectIndex,
    path: ['spec', 'selector'],
    target: 'key',
    message: `${describeObject(service)} selects no Pod of the workloads found`,
    detail:
      `It selects ${describeLabels(selector)}, but none of the ${elsewhere.length} workload${elsewhere.length === 1 ? '' : 's'} of its namespace in the other files checked with it carries those labels ` +
      `(${describeObject(closest.object)} has ${describeLabels(closest.labels)}); the Service gets no endpoints from them. ${certaintyNote(env)}`,
    // Less sure than inside one file: info, unless the run is declared complete (then the rule's own warning).
    severity: env.workspaceIsComplete ? 'warning' : 'info',
  };
}

/** The target sharing the most selector entries, to show next to the selector. */
function nearest(selector: Map<string, string>, targets: PodTarget[]): PodTarget {
  let best = targets[0];
  let bestScore = -1;
  for (const target of targets) {
    let score = 0;
    for (const [key, value] of selector) score += target.labels.get(key) === value ? 2 : target.labels.has(key) ? 1 : 0;
    if (score > bestScore) {
      best = target;
      bestScore = score;
    }
  }
  return best;
}

/** Rewrites the selector, entry by entry, to labels the target's Pods carry. */
function selectFix(raw: unknown, current: Map<string, string>, target: PodTarget): FixSpec[] {
  const wanted = podLabels(target);
  if (wanted.size === 0 || !asObject(raw)) return [];
  const intents: FixIntent[] = [];
  for (const key of current.keys()) if (!wanted.has(key)) intents.push({ op: 'delete', path: ['spec', 'selector', key] });
  for (const [key, value] of wanted) {
    if (current.get(key) === value) continue;
    intents.push(current.has(key) ? { op: 'set', path: ['spec', 'selector', key], value } : { op: 'insert', path: ['spec', 'selector'], key, value });
  }
  if (intents.length === 0) return [];
  return [{ title: `Select the Pods of ${describeObject(target.object)} (${describeLabels(wanted)})`, intents, preferred: true }];
}

/**
 * The labels to select the target's Pods by. The Pods carry the Pod (template) labels, not the
 * workload's selector: when the two disagree the workload is itself rejected
 * (workload-selector-mismatch), and the template is what the Pods would get. Of the template
 * labels, those the workload selects on are the stable ones (a `version` label changes with
 * every release), so only they are used when the template has them all. Invalid labels are left
 * out: the selector would be rejected with them, and it selects the Pods without them.
 */
function podLabels(target: PodTarget): Map<string, string> {
  const labels = new Map([...target.labels].filter(([key, value]) => isValidLabel(key, value)));
  const keys = target.object.kind === 'Pod' ? [] : ownSelectorKeys(target);
  if (keys.length > 0 && keys.every((key) => labels.has(key))) return new Map(keys.map((key) => [key, labels.get(key) ?? '']));
  return labels;
}

/** The label keys a workload selects its Pods by: its matchLabels (or an RC's map selector). */
function ownSelectorKeys(target: PodTarget): string[] {
  const object = target.object.object;
  if (target.object.kind === 'ReplicationController') return [...labelMap(getIn(object, ['spec', 'selector'])).keys()];
  const path = target.object.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'selector'] : ['spec', 'selector'];
  return [...(parseLabelSelector(object, path)?.matchLabels.keys() ?? [])];
}
