// An Ingress spec the API server rejects (networking ValidateIngressSpec, validateIngressRules,
// validateIngressTLS, validateIngressBackend; ValidateIngressCreate for the class annotation):
// no rules and no defaultBackend, a host that is an IP or a misplaced wildcard, an http rule
// without paths, a broken backend, TLS hosts or secret names that are not DNS names, an
// ingressClassName that is not a DNS subdomain or disagrees with the legacy class annotation.
// Path values are the business of ingress-path-invalid.
// https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource
import { asArray, asObject, asString, hasKey, objectItems } from '../../json';
import { ingressBackendProblems } from '../../k8s/ingress-backend';
import { isIpAddress } from '../../k8s/ip-address';
import { dns1123SubdomainErrors } from '../../k8s/names';
import { clipText, fitMessage, quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export const ingressSpecInvalid: Rule = {
  meta: {
    id: 'ingress-spec-invalid',
    defaultSeverity: 'error',
    category: 'networking',
    summary: 'An Ingress the API server rejects: no rules or default backend, an invalid host, backend, TLS entry or class name.',
    kinds: ['Ingress'],
    parity: ['ingress'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'networking.k8s.io/v1') return [];
    const spec = asObject(context.object.spec);
    const name = context.name ? `Ingress ${quoted(context.name, 20)}` : 'Ingress';
    const findings: RuleFinding[] = [];
    const add = (path: FieldPath, target: 'key' | 'value', problem: string, detail: string): void => {
      findings.push({ path, target, message: fitMessage(`${name}: ${problem}`, `${name}: ${problem}`), detail });
    };
    const rules = asArray(spec?.rules);
    const defaultBackend = asObject(spec?.defaultBackend);
    if (rules.length === 0 && !defaultBackend && (spec?.defaultBackend === undefined || spec.defaultBackend === null)) {
      add(
        spec && hasKey(spec, 'rules') ? ['spec', 'rules'] : ['spec'],
        'key',
        'an Ingress needs rules or a defaultBackend',
        'The API server rejects it (spec: Invalid value: either `defaultBackend` or `rules` must be specified). Add a rule with a host and paths, or a defaultBackend.',
      );
    }
    if (defaultBackend) {
      for (const problem of ingressBackendProblems(defaultBackend, ['spec', 'defaultBackend'])) add(problem.path, problem.target, problem.problem, problem.detail);
    }
    for (const { item: rule, index } of objectItems(spec?.rules)) {
      const host = asString(rule.host);
      if (host) {
        const error = hostProblem(host);
        if (error)
          add(
            ['spec', 'rules', index, 'host'],
            'value',
            `host "${clipText(host, 24)}" ${error.short}`,
            `The API server rejects it (spec.rules[${index}].host: Invalid value: "${host}": ${error.long}).`,
          );
      }
      const http = asObject(rule.http);
      if (!http) continue;
      const paths = http.paths;
      if (Array.isArray(paths) && paths.length === 0) {
        add(
          ['spec', 'rules', index, 'http', 'paths'],
          'key',
          'an http rule needs at least one path',
          `The API server rejects it (spec.rules[${index}].http.paths: Required value). Add a path, or remove http.`,
        );
      }
      for (const { item: path, index: pathIndex } of objectItems(paths)) {
        const backend = asObject(path.backend);
        if (!backend) continue; // missing: schema-required
        for (const problem of ingressBackendProblems(backend, ['spec', 'rules', index, 'http', 'paths', pathIndex, 'backend']))
          add(problem.path, problem.target, problem.problem, problem.detail);
      }
    }
    for (const { item: tls, index } of objectItems(spec?.tls)) {
      asArray(tls.hosts).forEach((raw, hostIndex) => {
        if (typeof raw !== 'string') return;
        const errors = raw.includes('*') ? wildcardErrors(raw) : dns1123SubdomainErrors(raw);
        if (errors.length === 0) return;
        add(
          ['spec', 'tls', index, 'hosts', hostIndex],
          'value',
          `TLS host "${clipText(raw, 24)}" is not a valid DNS name`,
          `The API server rejects it (spec.tls[${index}].hosts[${hostIndex}]: ${errors.join('; ')}).`,
        );
      });
      const secretName = asString(tls.secretName);
      const errors = secretName ? dns1123SubdomainErrors(secretName) : [];
      if (secretName && errors.length > 0) {
        add(
          ['spec', 'tls', index, 'secretName'],
          'value',
          `TLS secretName "${clipText(secretName, 24)}" is not a Secret name`,
          `The API server rejects it (spec.tls[${index}].secretName: ${errors.join('; ')}).`,
        );
      }
    }
    const className = asString(spec?.ingressClassName);
    if (className !== undefined) {
      const errors = dns1123SubdomainErrors(className);
      if (errors.length > 0)
        add(
          ['spec', 'ingressClassName'],
          'value',
          `ingressClassName "${clipText(className, 24)}" is not a DNS subdomain`,
          `The API server rejects it (spec.ingressClassName: ${errors.join('; ')}).`,
        );
      const annotation = asString(asObject(asObject(context.object.metadata)?.annotations)?.[CLASS_ANNOTATION]);
      if (annotation !== undefined && annotation !== className) {
        add(
          ['metadata', 'annotations', CLASS_ANNOTATION],
          'value',
          'the ingress.class annotation differs from ingressClassName',
          `The API server rejects a new Ingress whose annotation ("${annotation}") does not match \`ingressClassName\` ("${className}"). Remove the deprecated annotation.`,
        );
      }
    }
    return findings;
  },
};

/** Why a rule host is rejected, or undefined. */
function hostProblem(host: string): { short: string; long: string } | undefined {
  if (isIpAddress(host)) return { short: 'is an IP address, not a DNS name', long: 'must be a DNS name, not an IP address' };
  const errors = host.includes('*') ? wildcardErrors(host) : dns1123SubdomainErrors(host);
  if (errors.length === 0) return undefined;
  return { short: host.includes('*') ? 'is not a valid wildcard host (*.example.com)' : 'is not a valid DNS name', long: errors.join('; ') };
}

/** A wildcard host is `*.` followed by a DNS subdomain (upstream IsWildcardDNS1123Subdomain). */
function wildcardErrors(host: string): string[] {
  const errors: string[] = [];
  if (host.length > 253) errors.push('must be no more than 253 characters');
  if (!host.startsWith('*.') || dns1123SubdomainErrors(host.slice(2)).length > 0) {
    errors.push(
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
    );
  }
  return errors;
}
