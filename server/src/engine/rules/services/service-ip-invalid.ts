// The addresses a Service spells out, checked as the API server does (core validation
// ValidateServiceClusterIPsRelatedFields, ValidateService's externalIPs and source-range checks,
// and the IP-family initialisation of the Service registry): clusterIP and clusterIPs agree and
// hold IPs ("None" only alone), at most one IP per family and families that match ipFamilies,
// no SingleStack policy with two families, externalIPs that are usable addresses, and
// loadBalancerSourceRanges that are CIDRs.
// https://kubernetes.io/docs/concepts/services-networking/dual-stack/#services
import { asArray, asObject, asString } from '../../json';
import { CIDR_MESSAGE, parseCidr } from '../../k8s/cidr';
import { parseIp, specialIpProblem } from '../../k8s/ip-address';
import { clipText, fitMessage } from '../../k8s/phrasing';
import { serviceView, type ServiceView } from '../../k8s/service-spec';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export const serviceIpInvalid: Rule = {
  meta: {
    id: 'service-ip-invalid',
    defaultSeverity: 'error',
    category: 'services',
    summary: 'A Service clusterIP(s), ipFamilies, externalIPs or loadBalancerSourceRanges value the API server rejects.',
    kinds: ['Service'],
    parity: ['service'],
  },
  checkObject(context) {
    const view = serviceView(context);
    if (!view) return [];
    const findings = [...externalIpFindings(view), ...sourceRangeFindings(view, asObject(asObject(context.object.metadata)?.annotations))];
    if (view.type !== 'ExternalName') findings.push(...clusterIpFindings(view));
    return findings;
  },
};

function problem(view: ServiceView, path: FieldPath, text: string, detail: string, target: 'key' | 'value' = 'value'): RuleFinding {
  return { path, target, message: fitMessage(`${view.name}: ${text}`, `${view.name}: ${text}`), detail };
}

function clusterIpFindings(view: ServiceView): RuleFinding[] {
  const { spec } = view;
  const findings: RuleFinding[] = [];
  const clusterIP = asString(spec.clusterIP) ?? '';
  const written = asArray(spec.clusterIPs);
  const listed = written.length > 0;
  if (clusterIP !== '' && listed && written[0] !== clusterIP) {
    return [
      problem(
        view,
        ['spec', 'clusterIPs', 0],
        `clusterIPs[0] must equal clusterIP "${clipText(clusterIP, 24)}"`,
        'The API server rejects it (spec.clusterIPs: Invalid value: first value must match `clusterIP`). Write only one of the two, or make the first clusterIPs entry the clusterIP.',
      ),
    ];
  }
  const families: string[] = [];
  let invalid = false;
  view.clusterIPs.forEach((ip, index) => {
    const path = listed ? ['spec', 'clusterIPs', index] : ['spec', 'clusterIP'];
    if (ip === 'None' && index === 0) {
      if (view.clusterIPs.length > 1) {
        invalid = true;
        findings.push(problem(view, path, '"None" must be the only clusterIPs value', "The API server rejects it (spec.clusterIPs: 'None' must be the first and only value)."));
      }
      return;
    }
    const parsed = parseIp(ip);
    if (!parsed) {
      invalid = true;
      findings.push(
        problem(
          view,
          path,
          `cluster IP "${clipText(ip, 24)}" is not an IP address`,
          `The API server rejects it (${listed ? `spec.clusterIPs[${index}]` : 'spec.clusterIP'}: Invalid value: "${ip}": must be a valid IP address). Use "None" for a headless Service, or omit it to get one allocated.`,
        ),
      );
      return;
    }
    families.push(parsed.family);
  });
  if (view.clusterIPs.length > 2) {
    findings.push(
      problem(
        view,
        ['spec', 'clusterIPs'],
        'clusterIPs holds more than 2 addresses',
        'The API server rejects it (spec.clusterIPs: may only hold up to 2 values): one IPv4 and one IPv6 address at most.',
        'key',
      ),
    );
    return findings;
  }
  if (invalid) return findings;
  if (families.length === 2 && families[0] === families[1]) {
    findings.push(
      problem(
        view,
        ['spec', 'clusterIPs', 1],
        'clusterIPs holds two addresses of the same family',
        'The API server rejects it (spec.clusterIPs: may specify no more than one IP for each IP family).',
      ),
    );
  }
  const ipFamilies = asArray(spec.ipFamilies);
  ipFamilies.forEach((family, index) => {
    if (index > 0 && ipFamilies.indexOf(family) < index) {
      findings.push(
        problem(
          view,
          ['spec', 'ipFamilies', index],
          `ipFamilies lists ${String(family)} twice`,
          `The API server rejects it (spec.ipFamilies[${index}]: Duplicate value: "${String(family)}").`,
        ),
      );
    }
  });
  if (!view.headless) {
    families.forEach((family, index) => {
      const wanted = ipFamilies[index];
      if ((wanted !== 'IPv4' && wanted !== 'IPv6') || wanted === family) return;
      findings.push(
        problem(
          view,
          listed ? ['spec', 'clusterIPs', index] : ['spec', 'clusterIP'],
          `cluster IP "${clipText(view.clusterIPs[index], 24)}" is not ${wanted} (ipFamilies[${index}])`,
          `The API server rejects it (spec.clusterIPs[${index}]: Invalid value: expected an ${wanted} value as indicated by \`ipFamilies[${index}]\`).`,
        ),
      );
    });
  }
  const policy = asString(spec.ipFamilyPolicy);
  if (policy === 'SingleStack' && (ipFamilies.length > 1 || view.clusterIPs.length > 1)) {
    findings.push(
      problem(
        view,
        ['spec', 'ipFamilyPolicy'],
        `ipFamilyPolicy SingleStack with two ${ipFamilies.length > 1 ? 'ipFamilies' : 'clusterIPs'}`,
        'The API server refuses a single-stack Service with two IP families or two cluster IPs. Use PreferDualStack or RequireDualStack, or list one family.',
      ),
    );
  }
  return findings;
}

function externalIpFindings(view: ServiceView): RuleFinding[] {
  const findings: RuleFinding[] = [];
  asArray(view.spec.externalIPs).forEach((raw, index) => {
    if (typeof raw !== 'string') return; // schema-type
    const path = ['spec', 'externalIPs', index];
    const parsed = parseIp(raw);
    const error = parsed ? specialIpProblem(parsed) : 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
    if (!error) return;
    findings.push(
      problem(
        view,
        path,
        parsed ? `external IP "${clipText(raw, 24)}" is a reserved address` : `external IP "${clipText(raw, 24)}" is not an IP address`,
        `The API server rejects it (spec.externalIPs[${index}]: Invalid value: "${raw}": ${error}). externalIPs are addresses routed to the nodes from outside, not host names.`,
      ),
    );
  });
  return findings;
}

function sourceRangeFindings(view: ServiceView, annotations: Record<string, unknown> | undefined): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const ranges = asArray(view.spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    ranges.forEach((raw, index) => {
      if (typeof raw !== 'string') return;
      const value = raw.trim();
      if (parseCidr(value)) return;
      findings.push(
        problem(
          view,
          ['spec', 'loadBalancerSourceRanges', index],
          `source range "${clipText(value, 24)}" is not a CIDR`,
          `The API server rejects it (spec.loadBalancerSourceRanges[${index}]: Invalid value: "${value}": ${CIDR_MESSAGE}). Write a single address as 203.0.113.7/32.`,
        ),
      );
    });
    return findings;
  }
  const annotation = annotations?.[SOURCE_RANGES_ANNOTATION];
  if (typeof annotation !== 'string') return findings;
  const path = ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION];
  if (view.type !== 'LoadBalancer') {
    findings.push(
      problem(view, path, 'the source-ranges annotation needs type LoadBalancer', "The API server rejects it (Forbidden: may only be used when `type` is 'LoadBalancer').", 'key'),
    );
  }
  const bad = annotation
    .trim()
    .split(',')
    .map((part) => part.trim())
    .filter((part) => annotation.trim() !== '' && !parseCidr(part));
  if (bad.length > 0) {
    findings.push(
      problem(
        view,
        path,
        `source range "${clipText(bad[0], 24)}" is not a CIDR`,
        `The API server rejects the annotation ("${bad[0]}": ${CIDR_MESSAGE}). List CIDRs separated by commas.`,
      ),
    );
  }
  return findings;
}
