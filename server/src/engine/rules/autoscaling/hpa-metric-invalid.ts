// Each metric of an autoscaling/v2 HorizontalPodAutoscaler fills exactly the source block its
// type names (type: Resource → resource), and its target carries the value that source needs, as a
// positive quantity (averageUtilization at least 1): Resource and ContainerResource take
// averageUtilization or averageValue (not both), Pods averageValue, Object value or averageValue,
// External value or averageValue (not both). pkg/apis/autoscaling/validation validateMetricSpec,
// validateMetricTarget and the per-source validators.
// https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/horizontal-pod-autoscaler-v2/
import { asInteger, asObject, asString, objectItems, type JsonObject } from '../../json';
import { dns1123LabelErrors } from '../../k8s/names';
import { objectReferenceFindings, pathSegmentErrors } from '../../k8s/path-segment';
import { pathText, quoteShort } from '../../k8s/phrasing';
import { isNegative, parseQuantity } from '../../k8s/quantity';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const SOURCES: Record<string, string> = {
  Resource: 'resource',
  ContainerResource: 'containerResource',
  Pods: 'pods',
  Object: 'object',
  External: 'external',
};

export const hpaMetricInvalid: Rule = {
  meta: {
    id: 'hpa-metric-invalid',
    defaultSeverity: 'error',
    category: 'autoscaling',
    summary: 'An HPA metric whose source block does not match its type, or whose target value is missing, not positive or doubled.',
    kinds: ['HorizontalPodAutoscaler'],
    parity: ['horizontal-pod-autoscaler'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    if (context.apiVersion === 'autoscaling/v1') return checkV1(spec);
    if (context.apiVersion !== 'autoscaling/v2') return [];
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(spec.metrics)) findings.push(...checkMetric(item, ['spec', 'metrics', index]));
    return findings;
  },
};

function checkV1(spec: JsonObject): RuleFinding[] {
  const value = asInteger(spec.targetCPUUtilizationPercentage);
  if (value === undefined || value >= 1) return [];
  return [
    {
      path: ['spec', 'targetCPUUtilizationPercentage'],
      target: 'value',
      message: `targetCPUUtilizationPercentage ${value} must be greater than 0`,
      detail: 'The API server rejects it (the target utilization must be greater than 0). Use a percentage of the CPU request such as 80.',
    },
  ];
}

function checkMetric(metric: JsonObject, path: FieldPath): RuleFinding[] {
  const type = asString(metric.type);
  const expected = type !== undefined ? SOURCES[type] : undefined;
  if (expected === undefined) return []; // unknown or missing type: schema-enum / schema-required
  const findings: RuleFinding[] = [];
  const present = Object.values(SOURCES).filter((key) => metric[key] !== undefined && metric[key] !== null);
  if (!present.includes(expected)) {
    const other = present[0];
    findings.push({
      path: other ? [...path, other] : [...path, 'type'],
      target: other ? 'key' : 'value',
      message: other ? `Metric of type ${type} must fill "${expected}", not "${other}"` : `Metric of type ${type} has no "${expected}" block`,
      detail: `The API server rejects it (${pathText([...path, expected])}: Required value: must populate information for the given metric source). Put the settings under ${expected}, or change type.`,
      fixes: other && present.length === 1 ? [{ title: `Rename ${other} to ${expected}`, intents: [{ op: 'rename', path: [...path, other], newKey: expected }] }] : [],
    });
    return findings;
  }
  for (const key of present) {
    if (key === expected) continue;
    findings.push({
      path: [...path, key],
      target: 'key',
      message: `Metric of type ${type} may not also fill "${key}"`,
      detail: `The API server rejects it (${pathText([...path, key])}: Forbidden: must populate the given metric source only). Move it to a metric of its own.`,
      fixes: [{ title: `Remove ${key}`, intents: [{ op: 'delete', path: [...path, key] }] }],
    });
  }
  const source = asObject(metric[expected]);
  if (source) findings.push(...checkSource(expected, source, [...path, expected]));
  return findings;
}

function checkSource(kind: string, source: JsonObject, path: FieldPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (kind === 'object') findings.push(...objectReferenceFindings(asObject(source.describedObject), [...path, 'describedObject'], 'describedObject'));
  if (kind === 'containerResource') {
    const container = asString(source.container);
    const errors = container ? dns1123LabelErrors(container) : [];
    if (container && errors.length > 0) {
      findings.push({
        path: [...path, 'container'],
        target: 'value',
        message: `container ${quoteShort(container, 40)} is not a valid container name`,
        detail: `The API server rejects it (${pathText([...path, 'container'])}: ${errors[0]}). Name a container of the scaled Pods.`,
      });
    }
  }
  const metricName = asString(asObject(source.metric)?.name);
  if (metricName !== undefined) {
    const errors = metricName === '' ? ['Required value: must specify a metric name'] : pathSegmentErrors(metricName);
    if (errors.length > 0) {
      findings.push({
        path: [...path, 'metric', 'name'],
        target: 'value',
        message: `Metric name ${quoteShort(metricName, 40)} is not allowed`,
        detail: `The API server rejects it (${pathText([...path, 'metric', 'name'])}: ${errors.join(', ')}). Metric adapters spell a "/" in names as "|".`,
      });
    }
  }
  const target = asObject(source.target);
  if (!target) return findings; // missing target: schema-required
  findings.push(...targetValues(target, [...path, 'target']));
  findings.push(...requiredValues(kind, target, [...path, 'target']));
  return findings;
}

function targetValues(target: JsonObject, path: FieldPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const field of ['value', 'averageValue']) {
    const raw = target[field];
    if (raw === undefined || raw === null) continue;
    const quantity = parseQuantity(raw);
    if (!quantity || (quantity.numerator !== 0n && !isNegative(quantity))) continue; // malformed: schema-format
    findings.push({
      path: [...path, field],
      target: 'value',
      message: `Metric target ${field} must be positive`,
      detail: `The API server rejects it (${pathText([...path, field])}: must be positive): the autoscaler divides by the target.`,
    });
  }
  const utilization = asInteger(target.averageUtilization);
  if (utilization !== undefined && utilization < 1) {
    findings.push({
      path: [...path, 'averageUtilization'],
      target: 'value',
      message: `Metric target averageUtilization ${utilization} must be greater than 0`,
      detail: `The API server rejects it (${pathText([...path, 'averageUtilization'])}: must be greater than 0). It is a percentage of the resource request, e.g. 80.`,
    });
  }
  return findings;
}

/** Which target fields each source needs, and which pairs it refuses. */
function requiredValues(kind: string, target: JsonObject, path: FieldPath): RuleFinding[] {
  const has = (field: string): boolean => target[field] !== undefined && target[field] !== null;
  const missing = (fields: string[], upstream: string): RuleFinding => ({
    path,
    target: 'key',
    message: `Metric target sets no ${fields.join(' or ')}`,
    detail: `The API server rejects it (${pathText([...path, fields[fields.length - 1]])}: Required value: ${upstream}). Set the value the autoscaler aims for.`,
  });
  const both = (drop: string, keep: string, upstream: string): RuleFinding => ({
    path: [...path, drop],
    target: 'key',
    message: `Metric target may not set both ${keep} and ${drop}`,
    detail: `The API server rejects it (${pathText([...path, drop])}: Forbidden: ${upstream}). Keep one.`,
  });
  switch (kind) {
    case 'resource':
    case 'containerResource':
      if (!has('averageUtilization') && !has('averageValue'))
        return [missing(['averageUtilization', 'averageValue'], 'must set either a target raw value or a target utilization')];
      if (has('averageUtilization') && has('averageValue')) return [both('averageValue', 'averageUtilization', 'may not set both a target raw value and a target utilization')];
      return [];
    case 'pods':
      return has('averageValue') ? [] : [missing(['averageValue'], 'must specify a positive target averageValue')];
    case 'object':
      return has('value') || has('averageValue') ? [] : [missing(['value', 'averageValue'], 'must set either a target value or averageValue')];
    case 'external':
      if (!has('value') && !has('averageValue')) return [missing(['value', 'averageValue'], 'must set either a target value for metric or a per-pod target')];
      if (has('value') && has('averageValue')) return [both('value', 'averageValue', 'may not set both a target value for metric and a per-pod target')];
      return [];
    default:
      return [];
  }
}
