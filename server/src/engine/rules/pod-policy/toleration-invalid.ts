// Toleration consistency: an empty key only works with operator Exists (it then matches every
// taint); Exists takes no value; tolerationSeconds only means something for NoExecute taints.
// core/validation.go ValidateTolerations.
// https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
import { asString, hasKey, objectItems } from '../../json';
import { qualifiedNameErrors } from '../../k8s/names';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const tolerationInvalid: Rule = {
  meta: {
    id: 'toleration-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A toleration with an empty key but not Exists, a value with Exists, or tolerationSeconds without NoExecute.',
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.tolerations)) {
      const base = [...context.specPath, 'tolerations', index];
      const key = asString(item.key) ?? '';
      const operator = asString(item.operator) || 'Equal';
      const value = asString(item.value) ?? '';
      if (key === '' && operator !== 'Exists') {
        findings.push({
          path: hasKey(item, 'operator') ? [...base, 'operator'] : base,
          target: hasKey(item, 'operator') ? 'value' : 'key',
          message: `tolerations[${index}] has no key, so it must use operator Exists (match every taint); the API server rejects it ("operator must be Exists when \`key\` is empty, which means 'match all values and all keys'").`,
          fixes: hasKey(item, 'operator') ? [{ title: 'Set operator: Exists', intents: [{ op: 'set', path: [...base, 'operator'], value: 'Exists' }] }] : undefined,
        });
      }
      if (key !== '') {
        const errors = qualifiedNameErrors(key);
        if (errors.length > 0)
          findings.push({
            path: [...base, 'key'],
            target: 'value',
            message: `The API server rejects toleration key "${key}": ${errors.join('; ')}. Taint keys have the same format as label keys.`,
          });
      }
      if (operator === 'Exists' && value !== '') {
        findings.push({
          path: [...base, 'value'],
          target: 'key',
          message: `tolerations[${index}] uses operator Exists, which matches any value, but also sets value "${value}"; the API server rejects it ("value must be empty when \`operator\` is 'Exists'"). Remove value, or use operator Equal.`,
          fixes: [
            { title: 'Remove value', intents: [{ op: 'delete', path: [...base, 'value'] }], preferred: true },
            { title: 'Use operator: Equal', intents: [{ op: 'set', path: [...base, 'operator'], value: 'Equal' }] },
          ],
        });
      }
      if (hasKey(item, 'tolerationSeconds') && item.tolerationSeconds !== null && asString(item.effect) !== 'NoExecute') {
        findings.push({
          path: [...base, 'tolerationSeconds'],
          target: 'key',
          message: `tolerationSeconds on tolerations[${index}] only applies to NoExecute taints, but effect is ${asString(item.effect) ? `"${asString(item.effect)}"` : 'empty'}; the API server rejects it ("effect must be 'NoExecute' when \`tolerationSeconds\` is set").`,
          fixes: [
            {
              title: 'Set effect: NoExecute',
              intents: [hasKey(item, 'effect') ? { op: 'set', path: [...base, 'effect'], value: 'NoExecute' } : { op: 'insert', path: base, key: 'effect', value: 'NoExecute' }],
              preferred: true,
            },
            { title: 'Remove tolerationSeconds', intents: [{ op: 'delete', path: [...base, 'tolerationSeconds'] }] },
          ],
        });
      }
    }
    return findings;
  },
};
