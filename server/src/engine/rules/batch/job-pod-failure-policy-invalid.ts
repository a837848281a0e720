// A Job's podFailurePolicy is validated rule by rule: each rule matches on exit codes or on Pod
// conditions (exactly one), exit-code values are non-empty, ordered, unique and never 0 for `In`
// (exit 0 is success), a containerName names a container of the template, FailIndex needs
// backoffLimitPerIndex, and the lists have size limits. pkg/apis/batch/validation
// validatePodFailurePolicy, validatePodFailurePolicyRuleOnExitCodes.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/#pod-failure-policy
import { asArray, asInteger, asObject, asString, hasKey, objectItems, type JsonObject } from '../../json';
import { jobSpecOf, templateContainerNames } from '../../k8s/job-spec';
import { qualifiedNameErrors } from '../../k8s/names';
import { pathText, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_CONDITIONS = 20;

export const jobPodFailurePolicyInvalid: Rule = {
  meta: {
    id: 'job-pod-failure-policy-invalid',
    defaultSeverity: 'error',
    category: 'batch',
    summary: 'A podFailurePolicy rule the API server rejects (no or two matchers, bad exit codes, unknown container, FailIndex without per-index limit).',
    kinds: ['Job', 'CronJob'],
    parity: ['batch-job'],
  },
  checkObject(context) {
    const job = jobSpecOf(context);
    const policy = asObject(job?.spec.podFailurePolicy);
    if (!job || !policy) return [];
    const base: FieldPath = [...job.path, 'podFailurePolicy', 'rules'];
    const rules = asArray(policy.rules);
    const findings: RuleFinding[] = [];
    if (rules.length > MAX_RULES) findings.push(tooMany(base, rules.length, MAX_RULES, 'rules'));
    const containers = templateContainerNames(job.spec);
    const perIndex = job.spec.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null;
    for (const { item, index } of objectItems(policy.rules)) {
      findings.push(...checkRule(item, [...base, index], containers, perIndex));
    }
    return findings;
  },
};

function tooMany(path: FieldPath, count: number, limit: number, what: string): RuleFinding {
  return {
    path,
    target: 'key',
    message: `podFailurePolicy has ${count} ${what}; at most ${limit} are allowed`,
    detail: `The API server rejects it (${pathText(path)}: Too many: ${count}: must have at most ${limit} items). Merge or drop some.`,
  };
}

function checkRule(rule: JsonObject, path: FieldPath, containers: Set<string>, perIndex: boolean): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const action = asString(rule.action);
  if (action === 'FailIndex' && !perIndex) {
    findings.push({
      path: [...path, 'action'],
      target: 'value',
      message: 'Action FailIndex requires spec.backoffLimitPerIndex',
      detail: `The API server rejects it (${pathText([...path, 'action'])}: requires the backoffLimitPerIndex to be set): only an Indexed Job with per-index backoff has indexes to fail. Set backoffLimitPerIndex, or use FailJob.`,
    });
  }
  const exitCodes = asObject(rule.onExitCodes);
  const hasExitCodes = hasKey(rule, 'onExitCodes') && rule.onExitCodes !== null;
  const conditions = asArray(rule.onPodConditions);
  if (hasExitCodes && conditions.length > 0) {
    // On the rule itself, as the API server reports it.
    findings.push({
      path,
      target: 'value',
      message: 'A podFailurePolicy rule cannot match both onExitCodes and onPodConditions',
      detail: `The API server rejects it (${pathText(path)}: specifying both OnExitCodes and OnPodConditions is not supported). Split it into two rules.`,
    });
  } else if (!hasExitCodes && conditions.length === 0) {
    findings.push({
      path,
      target: 'value',
      message: 'A podFailurePolicy rule needs onExitCodes or onPodConditions',
      detail: `The API server rejects it (${pathText(path)}: specifying one of OnExitCodes and OnPodConditions is required): a rule without a matcher matches nothing.`,
    });
  }
  if (exitCodes) findings.push(...checkExitCodes(exitCodes, [...path, 'onExitCodes'], containers));
  if (conditions.length > MAX_CONDITIONS) findings.push(tooMany([...path, 'onPodConditions'], conditions.length, MAX_CONDITIONS, 'Pod condition patterns in a rule'));
  for (const { item, index } of objectItems(rule.onPodConditions)) {
    const type = asString(item.type);
    const typePath = [...path, 'onPodConditions', index, 'type'];
    const errors = type === undefined || type === '' ? [] : qualifiedNameErrors(type);
    if (errors.length > 0) {
      findings.push({
        path: typePath,
        target: 'value',
        message: `Pod condition type ${quoteShort(type ?? '', 40)} is not a valid name`,
        detail: `The API server rejects it (${pathText(typePath)}: ${errors[0]}). Use a condition type such as DisruptionTarget.`,
      });
    }
  }
  return findings;
}

function checkExitCodes(exitCodes: JsonObject, path: FieldPath, containers: Set<string>): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const container = asString(exitCodes.containerName);
  if (container !== undefined && containers.size > 0 && !containers.has(container)) {
    findings.push({
      path: [...path, 'containerName'],
      target: 'value',
      message: `containerName ${quoteShort(container, 40)} is not a container of the Job template`,
      detail:
        `The API server rejects it (${pathText([...path, 'containerName'])}: must be one of the container or initContainer names in the pod template). ` +
        `The template has ${[...containers].map((name) => `"${name}"`).join(', ')}.`,
    });
  }
  if (!Array.isArray(exitCodes.values)) return findings; // missing: schema-required
  const valuesPath = [...path, 'values'];
  const values = exitCodes.values.map(asInteger);
  if (values.length === 0) {
    findings.push({
      path: valuesPath,
      target: 'value',
      message: 'onExitCodes.values is empty; at least one exit code is required',
      detail: `The API server rejects it (${pathText(valuesPath)}: at least one value is required). List the exit codes the rule is about.`,
    });
    return findings;
  }
  if (values.length > MAX_EXIT_CODES) findings.push(tooMany(valuesPath, values.length, MAX_EXIT_CODES, 'exit codes in a rule'));
  const operator = asString(exitCodes.operator);
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((value, index) => {
    if (value === undefined) return;
    const valuePath = [...valuesPath, index];
    if (operator === 'In' && value === 0) {
      findings.push({
        path: valuePath,
        target: 'value',
        message: 'Exit code 0 cannot be listed with operator In',
        detail: `The API server rejects it (${pathText(valuePath)}: must not be 0 for the In operator): exit code 0 means the container succeeded. Remove 0.`,
        fixes: [{ title: 'Remove exit code 0', intents: [{ op: 'delete', path: valuePath }], preferred: true }],
      });
    }
    if (seen.has(value)) {
      findings.push({
        path: valuePath,
        target: 'value',
        message: `Exit code ${value} is listed twice`,
        detail: `The API server rejects it (${pathText(valuePath)}: Duplicate value: ${value}). Remove the duplicate.`,
        fixes: [{ title: 'Remove the duplicate', intents: [{ op: 'delete', path: valuePath }], preferred: true, safe: true }],
      });
    }
    seen.add(value);
    const previous = index > 0 ? values[index - 1] : undefined;
    if (previous !== undefined && previous > value) ordered = false;
  });
  if (!ordered) {
    const sorted = [...values].filter((value): value is number => value !== undefined).sort((a, b) => a - b);
    const unique = sorted.length === values.length ? sorted : undefined;
    findings.push({
      path: valuesPath,
      target: 'key',
      message: 'onExitCodes.values must be in increasing order',
      detail: `The API server rejects it (${pathText(valuesPath)}: must be ordered). Sort the exit codes.`,
      fixes: unique ? [{ title: 'Sort the exit codes', intents: [{ op: 'set', path: valuesPath, value: unique }], preferred: true, safe: true }] : [],
    });
  }
  return findings;
}
