// env[].valueFrom needs exactly one source and no non-empty `value` next to it; fieldRef takes
// only the downward-API fields that env supports; envFrom entries need exactly one of
// configMapRef/secretRef. core/validation.go validateEnvVarValueFrom, validateObjectFieldSelector,
// ValidateEnvFrom.
// https://kubernetes.io/docs/concepts/workloads/pods/downward-api/#downwardapi-fieldRef
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems, type JsonObject } from '../../json';
import { capitalize, describeContainer, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const ENV_FROM_SOURCES = ['configMapRef', 'secretRef'];
const FIELD_PATHS = new Set([
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);
const SUBSCRIPTED = /^metadata\.(labels|annotations)\['[^']+'\]$/;

export const envValueSourceConflict: Rule = {
  meta: {
    id: 'env-value-source-conflict',
    defaultSeverity: 'error',
    category: 'environment',
    summary: 'An env entry mixes value and valueFrom, has zero or several sources, or an unsupported fieldRef path.',
    parity: ['pod-env'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers', 'ephemeralContainers'])) {
      const who = describeContainer(ref);
      for (const { item, index } of objectItems(ref.container.env)) {
        const base = [...ref.path, 'env', index];
        const valueFrom = asObject(item.valueFrom);
        if (!valueFrom) continue;
        const name = asString(item.name) ?? `env[${index}]`;
        const sources = VALUE_SOURCES.filter((key) => hasKey(valueFrom, key));
        if (sources.length === 0) {
          findings.push({
            path: [...base, 'valueFrom'],
            target: 'key',
            message: `${capitalize(who)}: valueFrom of ${quoteShort(name, 30)} names no source`,
            detail: 'The API server rejects it ("must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`").',
          });
        }
        for (const extra of sources.slice(1)) {
          // The API server names valueFrom itself (its field path); the message names the extra source.
          findings.push({
            path: [...base, 'valueFrom'],
            target: 'key',
            message: `${capitalize(who)}: valueFrom of ${quoteShort(name, 30)} sets both ${sources[0]} and ${extra}`,
            detail: 'The API server rejects it ("may not have more than one field specified at a time"). Keep one source.',
            fixes: [{ title: `Remove ${extra}`, intents: [{ op: 'delete', path: [...base, 'valueFrom', extra] }] }],
          });
        }
        const value = item.value;
        if (sources.length > 0 && value !== undefined && value !== null && value !== '') {
          findings.push({
            path: [...base, 'valueFrom'],
            target: 'key',
            message: `${capitalize(who)}: ${quoteShort(name, 30)} sets both value and valueFrom`,
            detail: 'The API server rejects it ("may not be specified when `value` is not empty"). Keep one of them.',
            fixes: [
              { title: 'Remove value (keep valueFrom)', intents: [{ op: 'delete', path: [...base, 'value'] }], preferred: true },
              { title: 'Remove valueFrom (keep value)', intents: [{ op: 'delete', path: [...base, 'valueFrom'] }] },
            ],
          });
        }
        const fieldPath = asString(asObject(valueFrom.fieldRef)?.fieldPath);
        if (fieldPath !== undefined && !FIELD_PATHS.has(fieldPath) && !SUBSCRIPTED.test(fieldPath)) {
          findings.push({
            path: [...base, 'valueFrom', 'fieldRef', 'fieldPath'],
            target: 'value',
            message: `${capitalize(who)}: fieldRef ${quoteShort(fieldPath, 30)} is not available to environment variables`,
            detail:
              'The API server rejects it. ' +
              "Supported: metadata.name, metadata.namespace, metadata.uid, metadata.labels['key'], metadata.annotations['key'], spec.nodeName, spec.serviceAccountName, status.hostIP(s), status.podIP(s).",
          });
        }
      }
      for (const { item, index } of objectItems(ref.container.envFrom)) {
        const base = [...ref.path, 'envFrom', index];
        const sources = ENV_FROM_SOURCES.filter((key) => hasKey(item, key));
        if (sources.length === 1) continue;
        findings.push({
          path: base,
          target: 'key',
          message:
            sources.length === 0
              ? `${capitalize(who)}: envFrom[${index}] names neither configMapRef nor secretRef`
              : `${capitalize(who)}: envFrom[${index}] sets both configMapRef and secretRef`,
          detail:
            sources.length === 0
              ? 'The API server rejects it ("must specify one of: `configMapRef` or `secretRef`").'
              : 'The API server rejects it ("may not have more than one field specified at a time"). Use two envFrom entries.',
          fixes: sources.length === 2 && asObject(item.secretRef) ? [splitEnvFrom(item, [...ref.path, 'envFrom'], base)] : undefined,
        });
      }
    }
    return findings;
  },
};

/**
 * Moves secretRef into an envFrom entry of its own (with the same prefix). The list is rejected
 * as it is, so there is no earlier behaviour to keep; the new entry goes last, so on a clash of
 * names the Secret's keys win, as the later entry does in the kubelet.
 */
function splitEnvFrom(item: JsonObject, listPath: FieldPath, base: FieldPath): FixSpec {
  const entry: JsonObject = { secretRef: item.secretRef };
  if (hasKey(item, 'prefix')) entry.prefix = item.prefix;
  return {
    title: 'Move secretRef to an envFrom entry of its own',
    intents: [
      { op: 'delete', path: [...base, 'secretRef'] },
      { op: 'append', path: listPath, value: entry },
    ],
    preferred: true,
  };
}
