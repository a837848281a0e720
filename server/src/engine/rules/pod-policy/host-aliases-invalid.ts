// spec.hostAliases become lines of the Pod's /etc/hosts: each ip must be an IP address and each
// hostname a DNS subdomain (lower case). The same ip twice is accepted with a warning (apply
// merges entries by ip). core/validation.go ValidateHostAliases; pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/tasks/network/customize-hosts-file-for-pods/
import { asArray, asString, hasKey, objectItems } from '../../json';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import { IP_MESSAGE, isValidIP } from '../../k8s/pod-formats';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const hostAliasesInvalid: Rule = {
  meta: {
    id: 'host-aliases-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A hostAliases entry has an ip that is not an IP address or a hostname that is not a valid DNS name.',
    parity: ['pod-dns-network'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    for (const { item, index } of objectItems(context.spec.hostAliases)) {
      const base = [...context.specPath, 'hostAliases', index];
      const ip = asString(item.ip);
      // Accepted, with a warning: apply may drop one of two entries with the same ip.
      if (ip !== undefined && seen.has(ip)) {
        findings.push({
          path: [...base, 'ip'],
          target: 'value',
          severity: 'warning',
          message: `hostAliases[${index}] repeats ip ${quoteShort(ip, 40)}`,
          detail: `The API server warns (duplicate ip "${ip}"): entries are merged by ip, so apply may drop one. List all hostnames of an address in one entry.`,
        });
      }
      if (ip !== undefined) seen.add(ip);
      // A missing ip is schema-required; an empty or malformed one is this rule's.
      if (hasKey(item, 'ip') && ip !== undefined && !isValidIP(ip)) {
        findings.push({
          path: [...base, 'ip'],
          target: 'value',
          message: `hostAliases[${index}].ip ${quoteShort(ip, 40)} is not an IP address`,
          detail: `The API server rejects it ("${IP_MESSAGE}").`,
        });
      }
      asArray(item.hostnames).forEach((raw, hostIndex) => {
        const hostname = asString(raw);
        if (hostname === undefined) return;
        const errors = dns1123SubdomainErrors(hostname);
        if (errors.length === 0) return;
        const path = [...base, 'hostnames', hostIndex];
        const lower = hostname.toLowerCase();
        const fixes: FixSpec[] =
          lower !== hostname && dns1123SubdomainErrors(lower).length === 0 ? [{ title: `Change to ${lower}`, intents: [{ op: 'set', path, value: lower }], preferred: true }] : [];
        findings.push({
          path,
          target: 'value',
          message: `hostAliases hostname ${quoteShort(hostname, 40)} is not a valid DNS name`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
          fixes,
        });
      });
    }
    return findings;
  },
};
