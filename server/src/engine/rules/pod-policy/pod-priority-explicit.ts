// spec.priority is filled in by the Priority admission plugin (on by default) from
// priorityClassName, or from the cluster's default PriorityClass (0 without one). A value that
// differs from the computed one is refused ("must not be provided in pod spec"): certain for the
// built-in system-node-critical (2000001000) and system-cluster-critical (2000000000) classes, and
// likely for a non-zero priority without a class (only a default PriorityClass of exactly that
// value accepts it). The same holds for preemptionPolicy of the system classes
// (PreemptLowerPriority). plugin/pkg/admission/priority/admission.go.
// https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/
import { asInteger, asString, hasKey } from '../../json';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const SYSTEM_CLASSES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

export const podPriorityExplicit: Rule = {
  meta: {
    id: 'pod-priority-explicit',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'spec.priority (or preemptionPolicy) differs from what priority admission computes from the PriorityClass, so the Pod is refused.',
    parity: ['pod-scheduling'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const className = asString(context.spec.priorityClassName) ?? '';
    const priority = asInteger(context.spec.priority);
    const path: FieldPath = [...context.specPath, 'priority'];
    const fix = { title: 'Remove priority (admission fills it in)', intents: [{ op: 'delete' as const, path }], preferred: true };
    if (className in SYSTEM_CLASSES) {
      const expected = SYSTEM_CLASSES[className];
      if (priority !== undefined && priority !== expected) {
        findings.push({
          path,
          target: 'value',
          message: `priority ${priority} differs from ${className} (${expected})`,
          detail: `Priority admission refuses it ("the integer value of priority (${priority}) must not be provided in pod spec; priority admission controller computed ${expected} from the given PriorityClass name"). Remove spec.priority.`,
          fixes: [fix],
        });
      }
      const preemption = asString(context.spec.preemptionPolicy);
      if (preemption !== undefined && preemption !== 'PreemptLowerPriority') {
        const preemptionPath = [...context.specPath, 'preemptionPolicy'];
        findings.push({
          path: preemptionPath,
          target: 'value',
          message: `preemptionPolicy ${preemption} differs from ${className} (PreemptLowerPriority)`,
          detail: `Priority admission refuses it ("the preemptionPolicy of pod (${preemption}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name").`,
          fixes: [{ title: 'Remove preemptionPolicy', intents: [{ op: 'delete', path: preemptionPath }], preferred: true }],
        });
      }
      return findings;
    }
    if (className === '' && priority !== undefined && priority !== 0 && hasKey(context.spec, 'priority')) {
      findings.push({
        path,
        target: 'value',
        severity: 'warning',
        message: `priority ${priority} is set without a priorityClassName`,
        detail:
          "Priority admission computes the priority from the cluster's default PriorityClass (0 without one) and refuses a different value " +
          '("must not be provided in pod spec"). Set priorityClassName instead, and remove spec.priority.',
        fixes: [fix],
      });
    }
    return findings;
  },
};
