// spec.readinessGates[].conditionType and spec.schedulingGates[].name are condition and gate
// names: qualified names like label keys (an optional DNS-subdomain prefix and '/', then at most
// 63 characters of letters, digits, '-', '_' and '.'); a scheduling gate may be listed once.
// core/validation.go validateReadinessGates, validateSchedulingGates.
// https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-readiness-gate
import { asString, objectItems } from '../../json';
import { qualifiedNameErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const podGateInvalid: Rule = {
  meta: {
    id: 'pod-gate-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A readiness gate conditionType or scheduling gate name is not a qualified name, or a scheduling gate is listed twice.',
    parity: ['pod-scheduling'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const { item, index } of objectItems(context.spec.readinessGates)) {
      const type = asString(item.conditionType);
      if (type === undefined) continue;
      const errors = qualifiedNameErrors(type);
      if (errors.length === 0) continue;
      findings.push({
        path: [...context.specPath, 'readinessGates', index, 'conditionType'],
        target: 'value',
        message: `Readiness gate ${quoteShort(type, 40)} is not a valid condition type`,
        detail: `The API server rejects it: ${errors.join('; ')}. Condition types look like label keys, for example example.com/feature-ready.`,
      });
    }
    const seen = new Set<string>();
    for (const { item, index } of objectItems(context.spec.schedulingGates)) {
      const name = asString(item.name);
      if (name === undefined) continue;
      const path = [...context.specPath, 'schedulingGates', index, 'name'];
      const errors = qualifiedNameErrors(name);
      if (errors.length > 0) {
        findings.push({
          path,
          target: 'value',
          message: `Scheduling gate ${quoteShort(name, 40)} is not a valid gate name`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
        });
      } else if (seen.has(name)) {
        findings.push({
          path,
          target: 'value',
          message: `Scheduling gate ${quoteShort(name, 40)} is listed twice`,
          detail: 'The API server rejects it ("Duplicate value"). Keep one entry.',
          fixes: [{ title: 'Remove this entry', intents: [{ op: 'delete', path: path.slice(0, -1) }] }],
        });
      }
      seen.add(name);
    }
    return findings;
  },
};
