// Names a Pod spec refers to must be valid names of the objects they refer to:
// serviceAccountName (or the deprecated serviceAccount standing in for it), nodeName,
// priorityClassName and runtimeClassName are DNS subdomains (lower
// case, at most 253 characters). Whether the object exists is left to the cluster. A Pod created
// with nodeName may not carry scheduling gates ("cannot be set until all schedulingGates have
// been cleared"). core/validation.go ValidatePodSpec, ValidatePodCreate.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
import { asArray, asString, hasKey } from '../../json';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const FIELDS = {
  serviceAccountName: 'ServiceAccount',
  nodeName: 'Node',
  priorityClassName: 'PriorityClass',
  runtimeClassName: 'RuntimeClass',
} as const;

export const podReferenceNameInvalid: Rule = {
  meta: {
    id: 'pod-reference-name-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'serviceAccountName, nodeName, priorityClassName or runtimeClassName is not a valid object name, or nodeName is set with scheduling gates.',
    parity: ['pod-policy', 'pod-scheduling'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    // The deprecated serviceAccount is read as serviceAccountName when that is empty.
    const fields: [string, string][] = Object.entries(FIELDS);
    if (!asString(context.spec.serviceAccountName)) fields.push(['serviceAccount', 'ServiceAccount']);
    for (const [field, kind] of fields) {
      const value = asString(context.spec[field]);
      // An empty string means "not set" for all but runtimeClassName, which is a pointer.
      if (value === undefined || (value === '' && field !== 'runtimeClassName')) continue;
      const errors = dns1123SubdomainErrors(value);
      if (errors.length === 0) continue;
      const path = [...context.specPath, field];
      const lower = value.toLowerCase();
      const fixes: FixSpec[] = lower !== value && dns1123SubdomainErrors(lower).length === 0 ? [{ title: `Change to ${lower}`, intents: [{ op: 'set', path, value: lower }] }] : [];
      findings.push({
        path,
        target: 'value',
        message: `spec.${field} ${quoteShort(value, 30)} is not a valid ${kind} name`,
        detail: `The API server rejects it: ${errors.join('; ')}.`,
        fixes,
      });
    }
    const nodeName = asString(context.spec.nodeName);
    if (
      !context.isTemplate &&
      !context.env.isStaticPodManifest &&
      context.kind === 'Pod' &&
      nodeName &&
      asArray(context.spec.schedulingGates).length > 0 &&
      hasKey(context.spec, 'schedulingGates')
    ) {
      findings.push({
        path: [...context.specPath, 'nodeName'],
        target: 'key',
        message: 'spec.nodeName cannot be set while the Pod has scheduling gates',
        detail: 'The API server rejects it ("cannot be set until all schedulingGates have been cleared"). Remove nodeName, or the schedulingGates.',
      });
    }
    return findings;
  },
};
