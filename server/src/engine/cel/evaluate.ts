// One `x-kubernetes-validations` entry evaluated on one node: a finding when the rule is false.
// Errors while evaluating (a missing key, a type mismatch) stay silent: the API server would
// report them, but our evaluation may differ from its typed one, so only a clear false counts.
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation-rules
import { isCelError } from '@bufbuild/cel';
import { asString, isObject, type JsonValue } from '../json';
import { clipText, MESSAGE_LIMIT } from '../k8s/phrasing';
import type { FieldPath, RuleFinding } from '../types';
import type { CelData, Measure } from './convert';
import { compileRule, type CompiledRule, type CompileResult } from './environment';
import { parseFieldPath } from './field-path';

/**
 * Steps one rule may take on one node, estimated before it runs (see estimateCost); the same
 * order as the API server's per-expression cost limit (1,000,000).
 */
export const STEP_BUDGET = 1_000_000;
/**
 * Steps all the rules of one object may take together. A step budget rather than a clock keeps
 * the findings the same on a busy machine and a quiet one (the CLI's output must not vary).
 */
export const OBJECT_STEP_BUDGET = 2_000_000;

export interface CelCounters {
  compileFailures: number;
  skippedTransition: number;
  skippedCost: number;
  runtimeErrors: number;
  evaluations: number;
  deadlineStops: number;
  /** Highest cost estimate among the rules that ran (never above STEP_BUDGET). */
  maxCost: number;
  /** Sum of the cost estimates of the rules that ran (never above OBJECT_STEP_BUDGET). */
  totalCost: number;
  /** Rules skipped because the object's step budget was spent. */
  skippedObjectBudget: number;
}

export function newCounters(): CelCounters {
  return { compileFailures: 0, skippedTransition: 0, skippedCost: 0, runtimeErrors: 0, evaluations: 0, deadlineStops: 0, maxCost: 0, totalCost: 0, skippedObjectBudget: 0 };
}

/**
 * Upper bound of the work a rule does on a value: each nested comprehension may walk the widest
 * collection once per step of the loop around it, and each function call may read the longest
 * string (native string code: counted as one step per 16 characters).
 */
export function estimateCost(rule: Pick<CompiledRule, 'nodes' | 'calls' | 'loopDepth'>, measure: Measure): number {
  return (measure.widest + 1) ** rule.loopDepth * (rule.nodes + rule.calls * Math.ceil(measure.longest / 16));
}

function textOrUndefined(value: unknown): string | undefined {
  const text = asString(value)?.trim();
  return text ? text : undefined;
}

/** A validation entry read once (WeakMap on the schema's own object). */
export interface Prepared {
  rule: string;
  compiled: CompileResult;
  message: string | undefined;
  messageExpression: CompileResult | undefined;
  fieldPath: (string | number)[] | undefined;
  reason: string | undefined;
}

const prepared = new WeakMap<object, Prepared | null>();

/** Reads and compiles a validation entry (cached per entry object). */
export function prepareValidation(validation: JsonValue): Prepared | undefined {
  if (!isObject(validation)) return undefined;
  const known = prepared.get(validation);
  if (known !== undefined) return known ?? undefined;
  const rule = textOrUndefined(validation.rule);
  const expression = textOrUndefined(validation.messageExpression);
  const fieldPath = textOrUndefined(validation.fieldPath);
  const entry = rule
    ? {
        rule,
        compiled: compileRule(rule),
        message: textOrUndefined(validation.message),
        messageExpression: expression ? compileRule(expression) : undefined,
        fieldPath: fieldPath ? parseFieldPath(fieldPath) : undefined,
        reason: textOrUndefined(validation.reason),
      }
    : null;
  prepared.set(validation, entry);
  return entry ?? undefined;
}

function messageFor(entry: Prepared, self: CelData, counters: CelCounters, measure: Measure): string {
  const expression = entry.messageExpression;
  if (expression?.ok) {
    if (!expression.rule.transition && estimateCost(expression.rule, measure) <= STEP_BUDGET) {
      const result = expression.rule.evaluate({ self });
      // A messageExpression that fails or yields a blank string falls back, as upstream.
      if (typeof result === 'string' && result.trim() !== '' && !result.includes('\n')) return result;
    }
  } else if (expression) counters.compileFailures++;
  return entry.message ?? `failed rule: ${entry.rule}`;
}

export function evaluateValidation(validation: JsonValue, self: CelData, measure: Measure, nodePath: FieldPath, scalar: boolean, counters: CelCounters): RuleFinding | undefined {
  const entry = prepareValidation(validation);
  if (!entry) return undefined;
  const compiled = entry.compiled;
  if (!compiled.ok) {
    counters.compileFailures++;
    return undefined;
  }
  if (compiled.rule.transition) {
    counters.skippedTransition++;
    return undefined;
  }
  const cost = estimateCost(compiled.rule, measure);
  if (cost > STEP_BUDGET) {
    counters.skippedCost++;
    return undefined;
  }
  if (counters.totalCost + cost > OBJECT_STEP_BUDGET) {
    counters.skippedObjectBudget++;
    return undefined;
  }
  counters.evaluations++;
  counters.maxCost = Math.max(counters.maxCost, cost);
  counters.totalCost += cost;
  const result = compiled.rule.evaluate({ self });
  if (isCelError(result) || typeof result !== 'boolean') {
    counters.runtimeErrors++;
    return undefined;
  }
  if (result) return undefined;
  const message = messageFor(entry, self, counters, measure);
  const path = entry.fieldPath ? [...nodePath, ...entry.fieldPath] : nodePath;
  return {
    ruleId: 'schema-cel',
    path,
    target: path.length === nodePath.length && !scalar ? 'key' : 'value',
    message: clipText(message.replace(/\s+/g, ' '), MESSAGE_LIMIT),
    detail:
      `The API server rejects the object: the CRD's validation rule \`${entry.rule}\` is false here: ${message}` +
      `${entry.reason ? ` (reason ${entry.reason})` : ''}. Change the value so that the rule holds.`,
  };
}
