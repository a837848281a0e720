// A HorizontalPodAutoscaler's bounds and target: minReplicas must be at least 1 (0 only behind
// the alpha HPAScaleToZero gate), maxReplicas at least 1 and not below minReplicas, and
// scaleTargetRef needs a kind and a name usable in a URL path. pkg/apis/autoscaling/validation
// validateHorizontalPodAutoscalerSpec, ValidateCrossVersionObjectReference.
// https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/
import { asInteger, asObject, type JsonObject } from '../../json';
import { objectReferenceFindings } from '../../k8s/path-segment';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const hpaSpecInvalid: Rule = {
  meta: {
    id: 'hpa-spec-invalid',
    defaultSeverity: 'error',
    category: 'autoscaling',
    summary: 'HorizontalPodAutoscaler replica bounds the API server rejects (minReplicas < 1, maxReplicas < minReplicas) or a bad scaleTargetRef.',
    kinds: ['HorizontalPodAutoscaler'],
    parity: ['horizontal-pod-autoscaler'],
  },
  checkObject(context) {
    const spec = asObject(context.object.spec);
    if (!spec) return [];
    return [...replicaBounds(spec), ...objectReferenceFindings(asObject(spec.scaleTargetRef), ['spec', 'scaleTargetRef'], 'scaleTargetRef')];
  },
};

function replicaBounds(spec: JsonObject): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const min = asInteger(spec.minReplicas);
  const max = asInteger(spec.maxReplicas);
  if (min !== undefined && min < 1) {
    findings.push({
      path: ['spec', 'minReplicas'],
      target: 'value',
      message: `HorizontalPodAutoscaler minReplicas ${min} must be at least 1`,
      detail:
        'The API server rejects it (spec.minReplicas: must be greater than or equal to 1). Scaling to zero needs the alpha feature gate ' +
        'HPAScaleToZero (and an Object or External metric); without it, use 1.',
      fixes: [{ title: 'Set minReplicas to 1', intents: [{ op: 'set', path: ['spec', 'minReplicas'], value: 1 }], preferred: true }],
    });
  }
  if (max !== undefined && max < 1) {
    findings.push({
      path: ['spec', 'maxReplicas'],
      target: 'value',
      message: `HorizontalPodAutoscaler maxReplicas ${max} must be greater than 0`,
      detail: 'The API server rejects it (spec.maxReplicas: must be greater than 0). Set the most replicas the autoscaler may run.',
    });
  } else if (max !== undefined && min !== undefined && max < min) {
    findings.push({
      path: ['spec', 'maxReplicas'],
      target: 'value',
      message: `maxReplicas ${max} is below minReplicas ${min}`,
      detail: 'The API server rejects it (spec.maxReplicas: must be greater than or equal to `minReplicas`). Raise maxReplicas or lower minReplicas.',
      fixes: [{ title: `Set maxReplicas to ${min}`, intents: [{ op: 'set', path: ['spec', 'maxReplicas'], value: min }] }],
    });
  }
  return findings;
}
