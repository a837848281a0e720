// metadata.name of Pods and workloads: a DNS-1123 subdomain (StatefulSet: a DNS label; CronJob:
// at most 52 characters, the controller appends an 11-character suffix). Since 1.27 the API
// server also warns when a Pod or workload name is not a DNS label, because it becomes part of
// Pod hostnames. core ValidatePodName, apps ValidateStatefulSetName, batch ValidateCronJobCreate,
// pod strategy WarningsOnCreate.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/
import { asString, getIn, hasKey } from '../../json';
import { dns1123LabelErrors, dns1123SubdomainErrors, show, toDnsLabel } from '../../k8s/names';
import { quoted } from '../../k8s/phrasing';
import { trimCharsEnd } from '../../k8s/trim-chars';
import { POD_SPEC_KINDS } from '../../pod-specs';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const LABEL_WARNING_KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'ReplicationController', 'Job', 'CronJob'];

export const metaNameInvalid: Rule = {
  meta: {
    id: 'meta-name-invalid',
    defaultSeverity: 'error',
    category: 'metadata',
    summary: 'The name of a Pod or workload is missing or invalid (or valid, but not the recommended DNS label).',
    kinds: POD_SPEC_KINDS,
  },
  checkObject(context) {
    const path = ['metadata', 'name'];
    const raw = getIn(context.object, path);
    if (raw === undefined || raw === null || raw === '') {
      const generateName = asString(getIn(context.object, ['metadata', 'generateName']));
      if (generateName) return generateNameFindings(generateName);
      // Static Pods: static-pod-name reports the missing name in kubelet terms.
      if (context.env.isStaticPodManifest && context.kind === 'Pod') return [];
      return [
        {
          path: hasKey(context.object, 'metadata') ? path : ['metadata'],
          target: 'key',
          message: `This ${context.kind} has no metadata.name, which the API server requires`,
          detail: `The API server rejects it ("metadata.name: Required value: name or generateName is required"). Add a name such as "my-app".`,
        },
      ];
    }
    const name = asString(raw);
    if (name === undefined) return []; // wrong type: schema
    const findings: RuleFinding[] = [];
    const isLabelKind = context.kind === 'StatefulSet';
    const errors = isLabelKind ? dns1123LabelErrors(name) : dns1123SubdomainErrors(name);
    const suggestion = toDnsLabel(name, context.kind === 'CronJob' ? 52 : 63);
    const fixes: FixSpec[] = suggestion && suggestion !== name ? [{ title: `Rename to "${suggestion}"`, intents: [{ op: 'set', path, value: suggestion }], preferred: true }] : [];
    if (errors.length > 0) {
      findings.push({
        path,
        target: 'value',
        message: `${context.kind} name ${quoted(name)} is invalid; the API server rejects it`,
        detail: `The API server rejects ${context.kind} name ${show(name)}: ${errors.join('; ')}. Use lower-case letters, digits and "-"${isLabelKind ? ' (no dots: StatefulSet names are DNS labels)' : ''}.`,
        fixes,
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

function generateNameFindings(generateName: string): RuleFinding[] {
  // generateName is a prefix: a trailing '-' is fine, the server appends random characters.
  const stem = trimCharsEnd(generateName, '-');
  const errors = dns1123SubdomainErrors(stem + 'a'.repeat(generateName.length - stem.length));
  if (errors.length === 0) return [];
  return [
    {
      path: ['metadata', 'generateName'],
      target: 'value',
      message: `generateName ${quoted(generateName)} is invalid; the API server rejects it`,
      detail: `The API server rejects generateName ${show(generateName)}: ${errors.join('; ')}.`,
    },
  ];
}
