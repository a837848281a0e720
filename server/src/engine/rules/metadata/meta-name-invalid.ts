// metadata.name (and generateName, namespace) of every built-in kind, in the format the API
// server checks for that kind (k8s/names.ts nameFormatOf: a DNS-1123 subdomain for most, a DNS
// label for Namespace and StatefulSet, a DNS-1035 label for Service up to 1.35, a path segment for
// RBAC kinds and the rest). CronJob names are at most 52 characters (the controller appends an
// 11-character suffix); "system-" PriorityClass names are reserved. Since 1.27 the API server
// also warns when a Pod or workload name is not a DNS label, because it becomes part of Pod
// hostnames. apimachinery ValidateObjectMeta and the name function each kind passes to it;
// batch ValidateCronJobCreate, scheduling ValidatePriorityClass, pod strategy WarningsOnCreate.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { asObject, asString, getIn, hasKey } from '../../json';
import { isServed } from '../../k8s/api-catalog';
import { deprecationFor } from '../../k8s/deprecation-table';
import { CLUSTER_SCOPED_KINDS, dns1123LabelErrors, nameErrors, nameFormatHint, nameFormatOf, show, toDnsLabel, type NameFormat } from '../../k8s/names';
import { quoted } from '../../k8s/phrasing';
import { POD_SPEC_KINDS } from '../../pod-specs';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const LABEL_WARNING_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'Job', 'CronJob'];
/** The two PriorityClasses Kubernetes defines itself; other "system-" names are reserved. */
const SYSTEM_PRIORITY_CLASSES = ['system-cluster-critical', 'system-node-critical'];

export const metaNameInvalid: Rule = {
  meta: {
    id: 'meta-name-invalid',
    defaultSeverity: 'error',
    category: 'metadata',
    summary: 'An object name, generateName or namespace is missing or not in the format its kind requires (or valid, but not the recommended DNS label).',
    parity: ['object-meta'],
  },
  checkObject(context) {
    // Custom resources: their names are the CRD's business (the API server checks a path segment).
    if (!isServed(context.env.kubernetesVersion, context.apiVersion, context.kind) && !deprecationFor(context.apiVersion, context.kind)) return [];
    // A list kind (`ConfigMapList`) has no name of its own; its items are objects checked on their own.
    if (context.kind.endsWith('List')) return [];
    const format = nameFormatOf(context.kind, atLeast(context.env.kubernetesVersion, '1.36'));
    const path = ['metadata', 'name'];
    const findings: RuleFinding[] = [...namespaceFindings(context)];
    const generateName = asString(getIn(context.object, ['metadata', 'generateName']));
    if (generateName) findings.push(...generateNameFindings(context.kind, generateName, format));
    const raw = getIn(context.object, path);
    if (raw === undefined || raw === null || raw === '') {
      // Static Pods: static-pod-name reports the missing name in kubelet terms. Other kinds than
      // Pods and workloads written without any metadata are often documentation fragments: a
      // missing name is reported for them only when they have a metadata block (labels, …).
      const fragment = !POD_SPEC_KINDS.includes(context.kind) && asObject(getIn(context.object, ['metadata'])) === undefined;
      if (generateName || fragment || (context.env.isStaticPodManifest && context.kind === 'Pod')) return findings;
      findings.push({
        path: hasKey(context.object, 'metadata') ? path : ['metadata'],
        target: 'key',
        message: `This ${context.kind} has no metadata.name, which the API server requires`,
        detail: `The API server rejects it ("metadata.name: Required value: name or generateName is required"). Add a name such as "my-app".`,
      });
      return findings;
    }
    const name = asString(raw);
    if (name === undefined) return findings; // wrong type: schema
    const errors = nameErrors(name, format);
    const fixes = renameFixes(name, format, context.kind === 'CronJob' ? 52 : 63);
    if (errors.length > 0) {
      findings.push({
        path,
        target: 'value',
        message: `${context.kind} name ${quoted(name)} is invalid; the API server rejects it`,
        detail: `The API server rejects ${context.kind} name ${show(name)}: ${errors.join('; ')}. ${context.kind} names allow ${nameFormatHint(format)}.`,
        fixes,
      });
      return findings;
    }
    if (context.kind === 'PriorityClass' && name.startsWith('system-') && !SYSTEM_PRIORITY_CLASSES.includes(name)) {
      findings.push({
        path,
        target: 'value',
        message: `PriorityClass name ${quoted(name)} uses the reserved "system-" prefix`,
        detail: `The API server rejects it: "priority class names with 'system-' prefix are reserved for system use only" (Kubernetes defines ${SYSTEM_PRIORITY_CLASSES.join(' and ')}). Choose another name.`,
      });
      return findings;
    }
    if (context.kind === 'CronJob' && name.length > 52) {
      findings.push({
        path,
        target: 'value',
        message: `CronJob name is ${name.length} characters; the API server allows at most 52`,
        detail: `The API server rejects CronJob name ${show(name)}: "must be no more than 52 characters", because each Job gets an 11-character suffix. Shorten it.`,
        fixes,
      });
      return findings;
    }
    if (LABEL_WARNING_KINDS.includes(context.kind) && dns1123LabelErrors(name).length > 0) {
      const use = context.kind === 'Pod' ? "this is used in the Pod's hostname" : 'this is used in Pod names and hostnames';
      findings.push({
        path,
        target: 'value',
        severity: 'warning',
        message: `${context.kind} name ${quoted(name)} is not a DNS label; the API server warns`,
        detail: `The name is valid, but not a DNS label (no dots, at most 63 characters); the API server warns "${use}, which can result in surprising behavior; a DNS label is recommended".`,
        fixes,
      });
    }
    return findings;
  },
};

/** The closest valid name: a DNS label for the DNS formats, the name without "/" and "%" for a path segment. */
function renameFixes(name: string, format: NameFormat, maxLength: number): FixSpec[] {
  let suggestion: string | undefined;
  if (format === 'path-segment') suggestion = name.replace(/[/%]/g, '-');
  else suggestion = toDnsLabel(name, maxLength);
  if (!suggestion || suggestion === name || nameErrors(suggestion, format).length > 0) return [];
  return [{ title: `Rename to "${suggestion}"`, intents: [{ op: 'set', path: ['metadata', 'name'], value: suggestion }], preferred: true }];
}

function generateNameFindings(kind: string, generateName: string, format: NameFormat): RuleFinding[] {
  // generateName is a prefix: the server appends five random characters, then checks the name.
  const errors = nameErrors(generateName, format, true);
  if (errors.length === 0) return [];
  return [
    {
      path: ['metadata', 'generateName'],
      target: 'value',
      message: `generateName ${quoted(generateName)} is invalid; the API server rejects it`,
      detail: `The API server rejects generateName ${show(generateName)}: ${errors.join('; ')}. ${kind} names allow ${nameFormatHint(format)}.`,
    },
  ];
}

/** A namespace is itself a name: a DNS label (on cluster-scoped kinds the API server drops it). */
function namespaceFindings(context: ObjectContext): RuleFinding[] {
  if (CLUSTER_SCOPED_KINDS.has(context.kind)) return [];
  const namespace = asString(getIn(context.object, ['metadata', 'namespace']));
  if (!namespace) return [];
  const errors = dns1123LabelErrors(namespace);
  if (errors.length === 0) return [];
  const suggestion = toDnsLabel(namespace);
  return [
    {
      path: ['metadata', 'namespace'],
      target: 'value',
      message: `Namespace ${quoted(namespace)} of this ${context.kind} is not a valid namespace name`,
      detail: `The API server rejects namespace ${show(namespace)}: ${errors.join('; ')}. Namespace names allow ${nameFormatHint('label')}.`,
      fixes: suggestion ? [{ title: `Use namespace "${suggestion}"`, intents: [{ op: 'set', path: ['metadata', 'namespace'], value: suggestion }], preferred: true }] : [],
    },
  ];
}
