// HPA scaling behavior (autoscaling/v2 spec.behavior.scaleUp / scaleDown): the stabilization window
// is 0–3600 seconds, a written policies list may not be empty (an omitted one is defaulted), and
// each policy has a value above 0 and a periodSeconds of 1–1800. pkg/apis/autoscaling/validation
// validateBehavior, validateScalingRules, validateScalingPolicy.
// https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#configurable-scaling-behavior
import { asInteger, asObject, getIn, objectItems, type JsonObject } from '../../json';
import { pathText } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const MAX_STABILIZATION_WINDOW = 3600;
const MAX_PERIOD = 1800;

export const hpaBehaviorInvalid: Rule = {
  meta: {
    id: 'hpa-behavior-invalid',
    defaultSeverity: 'error',
    category: 'autoscaling',
    summary: 'HPA scaling behavior the API server rejects: stabilization window outside 0–3600, empty policies, policy value or period out of range.',
    kinds: ['HorizontalPodAutoscaler'],
    parity: ['horizontal-pod-autoscaler'],
  },
  checkObject(context) {
    if (context.apiVersion !== 'autoscaling/v2') return [];
    const behavior = asObject(getIn(context.object, ['spec', 'behavior']));
    if (!behavior) return [];
    const findings: RuleFinding[] = [];
    for (const direction of ['scaleUp', 'scaleDown']) {
      const rules = asObject(behavior[direction]);
      if (rules) findings.push(...checkRules(rules, ['spec', 'behavior', direction]));
    }
    return findings;
  },
};

function checkRules(rules: JsonObject, path: FieldPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const window = asInteger(rules.stabilizationWindowSeconds);
  if (window !== undefined && (window < 0 || window > MAX_STABILIZATION_WINDOW)) {
    const windowPath = [...path, 'stabilizationWindowSeconds'];
    const limit = window < 0 ? 0 : MAX_STABILIZATION_WINDOW;
    findings.push({
      path: windowPath,
      target: 'value',
      message: `stabilizationWindowSeconds ${window} is outside 0–${MAX_STABILIZATION_WINDOW}`,
      detail: `The API server rejects it (${pathText(windowPath)}: must be ${window < 0 ? 'greater than or equal to zero' : `less than or equal to ${MAX_STABILIZATION_WINDOW}`}).`,
      fixes: [{ title: `Set to ${limit}`, intents: [{ op: 'set', path: windowPath, value: limit }] }],
    });
  }
  const policiesPath = [...path, 'policies'];
  if (Array.isArray(rules.policies) && rules.policies.length === 0) {
    findings.push({
      path: policiesPath,
      target: 'value',
      message: 'Scaling rules with an empty policies list',
      detail:
        `The API server rejects it (${pathText(policiesPath)}: Required value: must specify at least one Policy). Remove policies to get the ` +
        'default ones, or list at least one; to stop scaling in this direction use selectPolicy: Disabled.',
      fixes: [{ title: 'Remove policies (use the defaults)', intents: [{ op: 'delete', path: policiesPath }], preferred: true }],
    });
  }
  for (const { item, index } of objectItems(rules.policies)) findings.push(...checkPolicy(item, [...policiesPath, index]));
  return findings;
}

function checkPolicy(policy: JsonObject, path: FieldPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const value = asInteger(policy.value);
  if (value !== undefined && value <= 0) {
    findings.push({
      path: [...path, 'value'],
      target: 'value',
      message: `Scaling policy value ${value} must be greater than zero`,
      detail: `The API server rejects it (${pathText([...path, 'value'])}: must be greater than zero). To forbid scaling in this direction use selectPolicy: Disabled.`,
    });
  }
  const period = asInteger(policy.periodSeconds);
  if (period !== undefined && (period <= 0 || period > MAX_PERIOD)) {
    const periodPath = [...path, 'periodSeconds'];
    findings.push({
      path: periodPath,
      target: 'value',
      message: `Scaling policy periodSeconds ${period} is outside 1–${MAX_PERIOD}`,
      detail: `The API server rejects it (${pathText(periodPath)}: must be ${period <= 0 ? 'greater than zero' : `less than or equal to ${MAX_PERIOD}`}).`,
      fixes: [{ title: `Set to ${period <= 0 ? 1 : MAX_PERIOD}`, intents: [{ op: 'set', path: periodPath, value: period <= 0 ? 1 : MAX_PERIOD }] }],
    });
  }
  return findings;
}
