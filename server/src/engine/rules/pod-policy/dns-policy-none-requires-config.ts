// dnsPolicy: None gives the Pod no DNS settings at all, so dnsConfig must supply at least one
// nameserver ("must provide `dnsConfig` when `dnsPolicy` is None"); dnsConfig allows at most 3
// nameservers and 32 search domains. core/validation.go validatePodDNSConfig.
// https://kubernetes.io/docs/concepts/services-networking/dns-pod-service/#pod-dns-config
import { asArray, asObject, asString, hasKey } from '../../json';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const dnsPolicyNoneRequiresConfig: Rule = {
  meta: {
    id: 'dns-policy-none-requires-config',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'dnsPolicy: None without dnsConfig nameservers, or dnsConfig over its limits.',
    parity: ['pod-dns-network'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const policyPath = [...context.specPath, 'dnsPolicy'];
    const configPath = [...context.specPath, 'dnsConfig'];
    const config = asObject(context.spec.dnsConfig);
    const nameservers = asArray(config?.nameservers);
    if (asString(context.spec.dnsPolicy) === 'None') {
      const fixes = [{ title: 'Use dnsPolicy: ClusterFirst (cluster DNS)', intents: [{ op: 'set' as const, path: policyPath, value: 'ClusterFirst' }] }];
      if (!config) {
        // The API server names the missing dnsConfig, which is placed on the spec key.
        findings.push({
          path: configPath,
          target: 'key',
          message: 'dnsPolicy None needs a dnsConfig, and there is none',
          detail:
            'dnsPolicy None gives the Pod no DNS configuration of its own; the API server rejects it without dnsConfig ("must provide `dnsConfig` when `dnsPolicy` is None"). Add dnsConfig with at least one nameserver.',
          fixes,
        });
      } else if (nameservers.length === 0) {
        findings.push({
          path: hasKey(config, 'nameservers') ? [...configPath, 'nameservers'] : configPath,
          target: 'key',
          message: 'dnsPolicy None needs at least one nameserver in dnsConfig',
          detail: 'The API server rejects it ("must provide at least one DNS nameserver when `dnsPolicy` is None").',
          fixes,
        });
      }
    }
    if (nameservers.length > 3) {
      findings.push({
        path: [...configPath, 'nameservers'],
        target: 'key',
        message: `dnsConfig lists ${nameservers.length} nameservers; at most 3 are allowed`,
        detail: 'The API server rejects more than 3 ("must not have more than 3 nameservers"), the resolver limit.',
      });
    }
    const searches = asArray(config?.searches);
    if (searches.length > 32) {
      findings.push({
        path: [...configPath, 'searches'],
        target: 'key',
        message: `dnsConfig lists ${searches.length} search domains; at most 32 are allowed`,
        detail: 'The API server rejects more than 32 ("must not have more than 32 search paths").',
      });
    }
    return findings;
  },
};
