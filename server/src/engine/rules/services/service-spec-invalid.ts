// Service fields that only make sense for some Service types, checked the way the API server
// does (core validation ValidateService, validateServiceExternalTrafficPolicy,
// validateLoadBalancerClassField, validateClientIPAffinityConfig) on the defaulted object:
// ports are required (except headless and ExternalName Services), ExternalName needs a DNS
// name and no cluster IP or IP families, NodePort and LoadBalancer cannot be headless, and
// LoadBalancer-only or externally-accessible-only fields are refused elsewhere.
// https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
import { asInteger, asObject, asString, getIn, hasKey } from '../../json';
import { dns1123SubdomainErrors, qualifiedNameErrors } from '../../k8s/names';
import { clipText, fitMessage } from '../../k8s/phrasing';
import { externallyAccessible, serviceView, type ServiceView } from '../../k8s/service-spec';
import type { Rule } from '../../rule-types';
import { atLeast } from '../../versions';
import type { FieldPath, RuleFinding } from '../../types';

const MAX_AFFINITY_TIMEOUT = 86400;

export const serviceSpecInvalid: Rule = {
  meta: {
    id: 'service-spec-invalid',
    defaultSeverity: 'error',
    category: 'services',
    summary: 'A Service spec the API server rejects: no ports, an ExternalName without a valid name, or a field its type does not allow.',
    kinds: ['Service'],
    parity: ['service'],
  },
  checkObject(context) {
    const view = serviceView(context);
    if (!view) return [];
    return [...portsRequired(view), ...typeFindings(view), ...typeOnlyFields(view), ...affinityFindings(view), ...trafficDistribution(view, context.env.kubernetesVersion)];
  },
};

function finding(view: ServiceView, path: FieldPath, target: 'key' | 'value', problem: string, detail: string, removable = false): RuleFinding {
  return {
    path,
    target,
    message: fitMessage(`${view.name}: ${problem}`, `${view.name}: ${problem}`),
    detail,
    fixes: removable ? [{ title: `Remove ${String(path[path.length - 1])}`, intents: [{ op: 'delete', path }], preferred: true }] : [],
  };
}

function portsRequired(view: ServiceView): RuleFinding[] {
  if (view.headless || view.type === 'ExternalName') return [];
  const ports = view.spec.ports;
  if (Array.isArray(ports) && ports.length > 0) return [];
  if (ports !== undefined && ports !== null && !Array.isArray(ports)) return []; // schema-type
  return [
    finding(
      view,
      hasKey(view.spec, 'ports') ? ['spec', 'ports'] : ['spec'],
      'key',
      'a Service needs at least one port',
      'The API server rejects it (spec.ports: Required value). Only headless (clusterIP: None) and ExternalName Services may have no ports. Add the port clients connect to.',
    ),
  ];
}

function typeFindings(view: ServiceView): RuleFinding[] {
  const { spec, type } = view;
  const findings: RuleFinding[] = [];
  if ((type === 'NodePort' || type === 'LoadBalancer') && view.headless) {
    const path = hasKey(spec, 'clusterIPs') ? ['spec', 'clusterIPs', 0] : ['spec', 'clusterIP'];
    findings.push(
      finding(
        view,
        path,
        'value',
        `a ${type} Service cannot be headless (clusterIP: None)`,
        `The API server rejects it (spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services). ` +
          'Remove clusterIP, or use a separate headless Service next to this one.',
      ),
    );
  }
  if (type !== 'ExternalName') return findings;
  if (hasKey(spec, 'clusterIP') && spec.clusterIP !== '') {
    findings.push(
      finding(
        view,
        ['spec', 'clusterIP'],
        'key',
        'an ExternalName Service cannot have a clusterIP',
        'The API server rejects it (spec.clusterIPs: Forbidden: may not be set for ExternalName services). An ExternalName Service is a DNS alias (CNAME) and gets no cluster IP.',
        true,
      ),
    );
  } else if (Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0) {
    findings.push(
      finding(
        view,
        ['spec', 'clusterIPs'],
        'key',
        'an ExternalName Service cannot have clusterIPs',
        'The API server rejects it (spec.clusterIPs: Forbidden: may not be set for ExternalName services).',
        true,
      ),
    );
  }
  for (const key of ['ipFamilies', 'ipFamilyPolicy']) {
    const value = spec[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    findings.push(
      finding(
        view,
        ['spec', key],
        'key',
        `an ExternalName Service cannot set ${key}`,
        `The API server rejects it (spec.${key}: Forbidden: may not be set for ExternalName services).`,
        true,
      ),
    );
  }
  const externalName = asString(spec.externalName);
  const cname = (externalName ?? '').replace(/\.$/, '');
  if (cname === '') {
    if (externalName === undefined && hasKey(spec, 'externalName')) return findings; // not a string: schema-type
    findings.push(
      finding(
        view,
        ['spec', 'externalName'],
        'value',
        'an ExternalName Service needs spec.externalName',
        'The API server rejects it (spec.externalName: Required value). Set the DNS name the Service is an alias for, e.g. db.example.com.',
      ),
    );
    return findings;
  }
  const errors = dns1123SubdomainErrors(cname);
  if (errors.length > 0) {
    findings.push(
      finding(
        view,
        ['spec', 'externalName'],
        'value',
        `externalName "${clipText(cname, 24)}" is not a DNS name`,
        `The API server rejects it (spec.externalName: Invalid value: "${cname}": ${errors.join('; ')}). ` +
          'It must be a lower-case DNS name (a trailing dot is allowed); an IP address is not a DNS name, use a Service without selector and an EndpointSlice instead.',
      ),
    );
  }
  return findings;
}

/** Fields that only LoadBalancer (or only externally accessible) Services may set. */
function typeOnlyFields(view: ServiceView): RuleFinding[] {
  const { spec, type } = view;
  const findings: RuleFinding[] = [];
  if (type !== 'LoadBalancer') {
    for (const key of ['allocateLoadBalancerNodePorts', 'loadBalancerClass']) {
      if (spec[key] === undefined || spec[key] === null) continue;
      findings.push(
        finding(
          view,
          ['spec', key],
          'key',
          `${key} needs type LoadBalancer`,
          `The API server rejects it (spec.${key}: Forbidden: may only be used when \`type\` is 'LoadBalancer').`,
          true,
        ),
      );
    }
    if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0) {
      findings.push(
        finding(
          view,
          ['spec', 'loadBalancerSourceRanges'],
          'key',
          'loadBalancerSourceRanges needs type LoadBalancer',
          "The API server rejects it (spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer').",
          true,
        ),
      );
    }
  } else {
    const lbClass = asString(spec.loadBalancerClass);
    const errors = lbClass === undefined ? [] : qualifiedNameErrors(lbClass);
    if (lbClass !== undefined && errors.length > 0) {
      findings.push(
        finding(
          view,
          ['spec', 'loadBalancerClass'],
          'value',
          `loadBalancerClass "${clipText(lbClass, 24)}" is not a qualified name`,
          `The API server rejects it (spec.loadBalancerClass: Invalid value: "${lbClass}": ${errors.join('; ')}). Use a name like example.com/internal-vip.`,
        ),
      );
    }
  }
  const etp = asString(spec.externalTrafficPolicy);
  if (etp && !externallyAccessible(view)) {
    findings.push(
      finding(
        view,
        ['spec', 'externalTrafficPolicy'],
        'key',
        `externalTrafficPolicy is not allowed on type ${type}`,
        `The API server rejects it (spec.externalTrafficPolicy: Invalid value: "${etp}": may only be set for externally-accessible services). ` +
          'Only NodePort and LoadBalancer Services (and ClusterIP Services with externalIPs) take it.',
        true,
      ),
    );
  }
  const healthCheck = asInteger(spec.healthCheckNodePort);
  if (healthCheck !== undefined && healthCheck !== 0) {
    const needed = type === 'LoadBalancer' && etp === 'Local';
    if (!needed) {
      findings.push(
        finding(
          view,
          ['spec', 'healthCheckNodePort'],
          'key',
          'healthCheckNodePort needs type LoadBalancer and policy Local',
          `The API server rejects it (spec.healthCheckNodePort: Invalid value: ${healthCheck}: may only be set when \`type\` is 'LoadBalancer' and \`externalTrafficPolicy\` is 'Local').`,
          true,
        ),
      );
    } else if (healthCheck < 0 || healthCheck > 65535) {
      findings.push(
        finding(
          view,
          ['spec', 'healthCheckNodePort'],
          'value',
          `healthCheckNodePort ${healthCheck} is not a port number`,
          'The API server rejects it: it must be between 1 and 65535, inclusive.',
        ),
      );
    }
  }
  return findings;
}

function affinityFindings(view: ServiceView): RuleFinding[] {
  const { spec } = view;
  const affinity = asString(spec.sessionAffinity) || 'None';
  const config = spec.sessionAffinityConfig;
  if (config === undefined || config === null) return [];
  if (affinity === 'None') {
    return [
      finding(
        view,
        ['spec', 'sessionAffinityConfig'],
        'key',
        'sessionAffinityConfig is set but sessionAffinity is None',
        'The API server rejects it (spec.sessionAffinityConfig: Forbidden: must not be set when session affinity is None). Set sessionAffinity: ClientIP, or remove the config.',
        true,
      ),
    ];
  }
  if (affinity !== 'ClientIP') return [];
  const timeout = getIn(asObject(config), ['clientIP', 'timeoutSeconds']);
  const seconds = asInteger(timeout);
  if (seconds === undefined || (seconds > 0 && seconds <= MAX_AFFINITY_TIMEOUT)) return [];
  return [
    finding(
      view,
      ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
      'value',
      `affinity timeoutSeconds ${seconds} is outside 1-${MAX_AFFINITY_TIMEOUT}`,
      `The API server rejects it (spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: ${seconds}: must be greater than 0 and no more than ${MAX_AFFINITY_TIMEOUT}). The default is 10800 (3 hours).`,
    ),
  ];
}

/**
 * trafficDistribution (from 1.31) takes PreferClose; PreferSameZone and PreferSameNode arrived in 1.33 (behind
 * a gate there, so only values no version knows are reported from 1.33 on).
 * https://kubernetes.io/docs/concepts/services-networking/service/#traffic-distribution
 */
function trafficDistribution(view: ServiceView, version: string): RuleFinding[] {
  const value = asString(view.spec.trafficDistribution);
  // Before 1.31 the field sits behind an alpha gate: a disabled gate drops it instead of rejecting it.
  if (value === undefined || !atLeast(version, '1.31')) return [];
  const allowed = atLeast(version, '1.33') ? ['PreferClose', 'PreferSameZone', 'PreferSameNode'] : ['PreferClose'];
  if (allowed.includes(value)) return [];
  return [
    finding(
      view,
      ['spec', 'trafficDistribution'],
      'value',
      `trafficDistribution "${clipText(value, 24)}" is not supported`,
      `The API server rejects it (spec.trafficDistribution: Unsupported value: "${value}": supported values: ${allowed.map((v) => `"${v}"`).join(', ')}).`,
    ),
  ];
}
