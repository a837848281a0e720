// Toleration consistency: an empty key only works with operator Exists (it then matches every
// taint); Exists takes no value, Equal a label-style value; tolerationSeconds only means something
// for NoExecute taints.
// core/validation.go ValidateTolerations.
// https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/
import { asString, hasKey, objectItems } from '../../json';
import { labelValueErrors, qualifiedNameErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const tolerationInvalid: Rule = {
  meta: {
    id: 'toleration-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A toleration with an empty key but not Exists, a value with Exists, or tolerationSeconds without NoExecute.',
    parity: ['pod-scheduling'],
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
          message: `tolerations[${index}] has no key, so its operator must be Exists`,
          detail:
            'A toleration without a key matches every taint. The API server rejects it with another operator ("operator must be Exists when `key` is empty, which means \'match all values and all keys\'").',
          fixes: [
            {
              title: 'Set operator: Exists (tolerate every taint)',
              intents: [hasKey(item, 'operator') ? { op: 'set', path: [...base, 'operator'], value: 'Exists' } : { op: 'insert', path: base, key: 'operator', value: 'Exists' }],
            },
          ],
        });
      }
      if (key !== '') {
        const errors = qualifiedNameErrors(key);
        if (errors.length > 0)
          findings.push({
            path: [...base, 'key'],
            target: 'value',
            message: `tolerations[${index}]: key ${quoteShort(key, 40)} is not a valid taint key`,
            detail: `The API server rejects it: ${errors.join('; ')}. Taint keys have the same format as label keys.`,
          });
      }
      const valueErrors = operator === 'Equal' ? labelValueErrors(value) : [];
      if (valueErrors.length > 0) {
        // The API server reports a bad value on the operator field.
        findings.push({
          path: hasKey(item, 'operator') ? [...base, 'operator'] : [...base, 'value'],
          target: 'value',
          message: `tolerations[${index}]: value ${quoteShort(value, 40)} is not a valid taint value`,
          detail: `The API server rejects it: ${valueErrors.join('; ')}. Taint values have the same format as label values.`,
        });
      }
      if (operator === 'Exists' && value !== '') {
        findings.push({
          path: [...base, 'value'],
          target: 'key',
          message: `tolerations[${index}] uses operator Exists but sets a value`,
          detail: `Exists matches any value, so the value ${quoteShort(value)} is refused: the API server rejects it ("value must be empty when \`operator\` is 'Exists'"). Remove value, or use operator Equal.`,
          fixes: [
            { title: 'Remove value', intents: [{ op: 'delete', path: [...base, 'value'] }], preferred: true },
            { title: 'Use operator: Equal', intents: [{ op: 'set', path: [...base, 'operator'], value: 'Equal' }] },
          ],
        });
      }
      if (hasKey(item, 'tolerationSeconds') && item.tolerationSeconds !== null && asString(item.effect) !== 'NoExecute') {
        // The API server reports it on effect (or, without one, on the toleration).
        findings.push({
          path: hasKey(item, 'effect') ? [...base, 'effect'] : base,
          target: hasKey(item, 'effect') ? 'value' : 'key',
          message: `tolerations[${index}] sets tolerationSeconds, but its effect is not NoExecute`,
          detail: `tolerationSeconds only applies to NoExecute taints, and the effect is ${asString(item.effect) ? `"${asString(item.effect)}"` : 'empty'}; the API server rejects it ("effect must be 'NoExecute' when \`tolerationSeconds\` is set").`,
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
