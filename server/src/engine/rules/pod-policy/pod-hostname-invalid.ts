// spec.hostname and spec.subdomain become the Pod's DNS name (<hostname>.<subdomain>.<namespace>
// .svc…), so each must be a DNS label: lower case, at most 63 characters, no dots.
// core/validation.go ValidatePodSpec (ValidateDNS1123Label on hostname and subdomain).
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-hostname-and-subdomain-field
import { asString } from '../../json';
import { dns1123LabelErrors, toDnsLabel } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const podHostnameInvalid: Rule = {
  meta: {
    id: 'pod-hostname-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'spec.hostname or spec.subdomain is not a DNS label (lower case, at most 63 characters, no dots).',
    parity: ['pod-dns-network'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const field of ['hostname', 'subdomain'] as const) {
      const value = asString(context.spec[field]);
      if (value === undefined || value === '') continue;
      const errors = dns1123LabelErrors(value);
      if (errors.length === 0) continue;
      const path = [...context.specPath, field];
      const suggestion = toDnsLabel(value);
      const fixes: FixSpec[] = suggestion ? [{ title: `Change to ${suggestion}`, intents: [{ op: 'set', path, value: suggestion }] }] : [];
      findings.push({
        path,
        target: 'value',
        message: `spec.${field} ${quoteShort(value, 40)} is not a valid DNS label`,
        detail: `The API server rejects it: ${errors.join('; ')}.`,
        fixes,
      });
    }
    return findings;
  },
};
