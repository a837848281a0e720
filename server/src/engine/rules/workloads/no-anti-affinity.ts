// Several replicas without a podAntiAffinity term or a topology spread constraint that applies to
// their own Pods may all land on one node, and go down together with it. A term only keeps the
// replicas apart when it has a topologyKey, its labelSelector selects the Pods' own labels, and
// its namespaces include the Pods' namespace; otherwise it spreads them from other Pods, or from
// nothing. Availability advice, off by default.
// https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
// https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../../json';
import { describeObject, namespaceOf } from '../../k8s/file-objects';
import { describeLabels, describeRequirement, failedRequirements, labelMap, parseLabelSelector, requirementMatches } from '../../k8s/label-selector';
import { capitalize } from '../../k8s/phrasing';
import { REPLICATED, describeReplicas, replicaRange, replicasLocation, type ReplicaRange } from '../../k8s/replicas';
import type { FileRuleFinding, PodSpecContext, Rule } from '../../rule-types';
import type { FieldPath } from '../../types';

/** Every namespace carries this label with its own name (since 1.21), so a namespaceSelector on it can be judged. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export const noAntiAffinity: Rule = {
  meta: {
    id: 'no-anti-affinity',
    defaultSeverity: 'hint',
    category: 'workloads',
    summary: 'A multi-replica Deployment or StatefulSet does not spread its own Pods across nodes.',
    kinds: REPLICATED,
    enabledByDefault: false,
  },
  checkFile(context) {
    const findings: FileRuleFinding[] = [];
    for (const pod of context.podSpecs) {
      if (!REPLICATED.includes(pod.kind)) continue;
      const range = replicaRange(pod, context);
      if (!range || range.max < 2) continue;
      const finding = judge(pod, range);
      if (finding) findings.push({ documentIndex: pod.documentIndex, objectIndex: pod.objectIndex, ...finding });
    }
    return findings;
  },
};

interface Verdict {
  path: FieldPath;
  target: 'key' | 'value';
  message: string;
  detail: string;
}

function judge(pod: PodSpecContext, range: ReplicaRange): Verdict | undefined {
  const labels = labelMap(pod.podMetadata?.labels);
  const namespace = namespaceOf(pod);
  const antiAffinity = asObject(getIn(pod.spec, ['affinity', 'podAntiAffinity']));
  const constraints = objectItems(pod.spec.topologySpreadConstraints);
  const termReasons = antiAffinity ? antiAffinityTerms(antiAffinity).map((term) => termProblem(term, labels, namespace)) : [];
  const spreadReasons = constraints.map(({ item }) => spreadProblem(item, labels));
  if ([...termReasons, ...spreadReasons].some((reason) => reason === undefined)) return undefined;

  const replicas = describeReplicas(range);
  const advice = `Add a topologySpreadConstraint (topologyKey kubernetes.io/hostname) or a preferred podAntiAffinity term whose labelSelector selects the Pods' own labels (${describeLabels(labels)}).`;
  if (antiAffinity || constraints.length > 0) {
    const field = antiAffinity ? 'podAntiAffinity' : 'topologySpreadConstraints';
    const reason = antiAffinity ? (termReasons[0] ?? 'it has no required or preferred term') : spreadReasons[0];
    return {
      path: antiAffinity ? [...pod.specPath, 'affinity', 'podAntiAffinity'] : [...pod.specPath, 'topologySpreadConstraints'],
      target: 'key',
      message: `${describeObject(pod)}: ${field} does not keep its ${range.max} replicas apart`,
      detail: `${capitalize(replicas)}, but this ${field} does not keep them apart: ${reason}. The scheduler may put them all on one node, which then takes them all down. ${advice}`,
    };
  }
  return {
    ...replicasLocation(range),
    message: `${describeObject(pod)}: nothing spreads its ${range.max} replicas across nodes`,
    detail: `${capitalize(replicas)}, but nothing keeps them apart: the scheduler may put them all on one node, which then takes them all down. ${advice}`,
  };
}

/** The PodAffinityTerms of podAntiAffinity, required and preferred. */
function antiAffinityTerms(antiAffinity: JsonObject): JsonObject[] {
  const required = objectItems(antiAffinity.requiredDuringSchedulingIgnoredDuringExecution).map(({ item }) => item);
  const preferred = objectItems(antiAffinity.preferredDuringSchedulingIgnoredDuringExecution).flatMap(({ item }) => {
    const term = asObject(item.podAffinityTerm);
    return term ? [term] : [];
  });
  return [...required, ...preferred];
}

/** Why a podAntiAffinity term does not spread the workload's own Pods; undefined when it does. */
function termProblem(term: JsonObject, labels: ReadonlyMap<string, string>, namespace: string | undefined): string | undefined {
  if (!asString(term.topologyKey)) return 'a term has no topologyKey';
  const selection = selectionProblem(term, labels, 'a term');
  if (selection !== undefined) return selection;
  // mismatchLabelKeys adds `key notin (<own value>)`: the term then avoids other Pods, never its own.
  const mismatch = asArray(term.mismatchLabelKeys).find((key): key is string => typeof key === 'string' && labels.has(key));
  if (mismatch) return `a term lists "${mismatch}" in mismatchLabelKeys, so it only repels Pods with another ${mismatch}`;
  return namespaceProblem(term, namespace);
}

/** Why a topology spread constraint does not count the workload's own Pods; undefined when it does. */
function spreadProblem(constraint: JsonObject, labels: ReadonlyMap<string, string>): string | undefined {
  if (!asString(constraint.topologyKey)) return 'a constraint has no topologyKey';
  return selectionProblem(constraint, labels, 'a constraint');
}

/**
 * A null labelSelector matches no Pods. matchLabelKeys only adds `key in (<own value>)`, which the
 * own Pods always pass, so the labelSelector alone decides.
 */
function selectionProblem(owner: JsonObject, labels: ReadonlyMap<string, string>, what: string): string | undefined {
  const selector = parseLabelSelector(owner, ['labelSelector']);
  if (!selector) return `${what} has no labelSelector, so it matches no Pods`;
  // A selector the API server rejects is reported by the schema and selector rules; do not pile on.
  if (selector.problems.length > 0) return undefined;
  const failed = failedRequirements(selector, labels);
  if (failed.length === 0) return undefined;
  return `${what} selects ${failed.map(describeRequirement).join(', ')}, and the Pods are labelled ${describeLabels(labels)}`;
}

/**
 * A term looks at Pods of the namespaces it lists plus those its namespaceSelector selects (an
 * empty selector: every namespace); with neither, at the Pod's own namespace. A workload without
 * metadata.namespace may be applied anywhere, so a list cannot be held against it. Of a
 * namespace's labels only kubernetes.io/metadata.name is known here.
 */
function namespaceProblem(term: JsonObject, namespace: string | undefined): string | undefined {
  const listed = asArray(term.namespaces).filter((item): item is string => typeof item === 'string' && item !== '');
  const hasSelector = asObject(term.namespaceSelector) !== undefined;
  if ((listed.length === 0 && !hasSelector) || namespace === undefined || listed.includes(namespace)) return undefined;
  if (hasSelector) {
    const selector = parseLabelSelector(term, ['namespaceSelector']);
    const known = new Map([[NAMESPACE_NAME_LABEL, namespace]]);
    const decisive = selector?.requirements.filter((requirement) => requirement.key === NAMESPACE_NAME_LABEL) ?? [];
    if (decisive.every((requirement) => requirementMatches(requirement, known))) return undefined;
  }
  const scope = listed.length > 0 ? `namespaces ${listed.join(', ')}` : 'the namespaces its namespaceSelector selects';
  return `a term only looks at Pods in ${scope}, and the Pods are in ${namespace}`;
}
