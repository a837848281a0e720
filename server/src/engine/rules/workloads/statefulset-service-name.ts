// A StatefulSet's serviceName becomes every Pod's `spec.subdomain` (web-0.<serviceName>…), so it
// must be a DNS-1123 label. From 1.33 the API server checks it at apply time and the field is
// optional; before, an invalid value was accepted and every Pod creation then failed.
// https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#stable-network-id
import { asObject, asString, hasKey } from '../../json';
import { trimChars } from '../../k8s/trim-chars';
import type { Rule } from '../../rule-types';
import { atLeast } from '../../versions';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Lower-cases and replaces what a DNS label cannot hold; undefined when that is not enough. */
function asDnsLabel(value: string): string | undefined {
  const candidate = trimChars(value.toLowerCase().replace(/[^-a-z0-9]+/g, '-'), '-');
  return candidate.length > 0 && candidate.length <= 63 && DNS_LABEL.test(candidate) ? candidate : undefined;
}

export const statefulsetServiceName: Rule = {
  meta: {
    id: 'statefulset-service-name',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'StatefulSet serviceName is not a DNS label (error), or is missing so Pods get no stable DNS names (hint).',
    kinds: ['StatefulSet'],
    parity: ['apps-workloads'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    const raw = spec.serviceName;
    const name = asString(raw);
    const version = context.env.kubernetesVersion;
    if (name === undefined || name === '') {
      // Before 1.33 the schema marks serviceName required (schema-required reports a missing one).
      if (!hasKey(spec, 'serviceName') && !atLeast(version, '1.33')) return [];
      if (raw !== undefined && raw !== null && name === undefined) return [];
      return [
        {
          path: hasKey(spec, 'serviceName') ? ['spec', 'serviceName'] : ['spec'],
          target: 'key',
          severity: 'hint',
          message: 'StatefulSet has no spec.serviceName: its Pods get no stable DNS names',
          detail: 'Without a governing Service the Pods get no per-Pod DNS names (web-0.<service>). Name the headless Service (clusterIP: None) that governs this StatefulSet.',
        },
      ];
    }
    if (name.length <= 63 && DNS_LABEL.test(name)) return [];
    const fixed = asDnsLabel(name);
    const consequence = atLeast(version, '1.33')
      ? 'The API server rejects the StatefulSet.'
      : `Kubernetes ${version} accepts the StatefulSet, but every Pod creation fails (FailedCreate: spec.subdomain is invalid).`;
    return [
      {
        path: ['spec', 'serviceName'],
        target: 'value',
        message: `serviceName "${name}" is not a valid DNS label`,
        detail:
          `spec.serviceName must be a DNS-1123 label (at most 63 characters: lower-case letters, digits and '-', starting and ` +
          `ending with a letter or digit), because it becomes each Pod's subdomain. ${consequence} Use the name of the headless Service.`,
        fixes: fixed && fixed !== name ? [{ title: `Rename to "${fixed}"`, intents: [{ op: 'set', path: ['spec', 'serviceName'], value: fixed }] }] : [],
      },
    ];
  },
};
