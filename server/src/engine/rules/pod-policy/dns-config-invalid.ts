// spec.dnsConfig entries the API server rejects: nameservers that are not IP addresses, search
// domains that are not DNS subdomains (a trailing dot is fine; from 1.33, with relaxed search
// validation, '_' and a lone '.' are accepted too), a search list longer than 2048 characters,
// and options without a name. Counts (3 nameservers, 32 searches) are
// dns-policy-none-requires-config's. core/validation.go validatePodDNSConfig.
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
import { asArray, asObject, asString, objectItems } from '../../json';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import { dnsSubdomainWithUnderscoreErrors, IP_MESSAGE, isValidIP } from '../../k8s/pod-formats';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';
import { atLeast } from '../../versions';

export const dnsConfigInvalid: Rule = {
  meta: {
    id: 'dns-config-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'dnsConfig has a nameserver that is not an IP, an invalid or too long search list, or an option without a name.',
    parity: ['pod-dns-network'],
  },
  checkPodSpec(context) {
    const config = asObject(context.spec.dnsConfig);
    if (!config) return [];
    const findings: RuleFinding[] = [];
    const base = [...context.specPath, 'dnsConfig'];
    asArray(config.nameservers).forEach((raw, index) => {
      const server = asString(raw);
      if (server === undefined || isValidIP(server)) return;
      findings.push({
        path: [...base, 'nameservers', index],
        target: 'value',
        message: `dnsConfig nameserver ${quoteShort(server, 40)} is not an IP address`,
        detail: `The API server rejects it ("${IP_MESSAGE}"). Nameservers are resolver addresses, not host names.`,
      });
    });
    const relaxed = atLeast(context.env.kubernetesVersion, '1.33');
    const searches = asArray(config.searches).map((raw) => asString(raw));
    searches.forEach((search, index) => {
      if (search === undefined) return;
      if (relaxed && search === '.') return;
      const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
      const errors = relaxed ? dnsSubdomainWithUnderscoreErrors(trimmed) : dns1123SubdomainErrors(trimmed);
      if (errors.length === 0) return;
      const relaxedWouldPass = !relaxed && dnsSubdomainWithUnderscoreErrors(trimmed).length === 0;
      findings.push({
        path: [...base, 'searches', index],
        target: 'value',
        message: `dnsConfig search domain ${quoteShort(search, 40)} is not a valid DNS name`,
        detail: `The API server rejects it: ${errors.join('; ')}.${relaxedWouldPass ? ' Kubernetes 1.33+ accepts "_" in search domains.' : ' Use lower-case domain names such as svc.cluster.local.'}`,
      });
    });
    const listLength = searches.map((search) => search ?? '').join(' ').length;
    if (listLength > 2048) {
      findings.push({
        path: [...base, 'searches'],
        target: 'key',
        message: `dnsConfig search list is ${listLength} characters long; at most 2048 are allowed`,
        detail: 'The API server rejects it ("must not have more than 2048 characters (including spaces) in the search list").',
      });
    }
    for (const { item, index } of objectItems(config.options)) {
      const name = asString(item.name);
      if (name !== undefined && name !== '') continue;
      findings.push({
        path: [...base, 'options', index],
        target: 'key',
        message: `dnsConfig options[${index}] has no name`,
        detail: 'The API server rejects it ("options[' + index + ']: Required value: must not be empty"). Set name (for example ndots) and, if needed, value.',
      });
    }
    return findings;
  },
};
