// A Job's successPolicy (beta from 1.31, on by default; earlier the field is dropped or unknown)
// declares an Indexed Job successful early. The batch validation requires completionMode Indexed,
// 1–20 rules, each with succeededCount or succeededIndexes, indexes as an increasing list of
// numbers and ranges below completions, and a succeededCount within completions and within the
// listed indexes. pkg/apis/batch/validation validateSuccessPolicy.
// https://kubernetes.io/docs/concepts/workloads/controllers/job/#success-policy
import { asArray, asInteger, asObject, asString, objectItems } from '../../json';
import { isIndexed, jobSpecOf, parseIndexList } from '../../k8s/job-spec';
import { pathText } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';

const MAX_RULES = 20;

export const jobSuccessPolicyInvalid: Rule = {
  meta: {
    id: 'job-success-policy-invalid',
    defaultSeverity: 'error',
    category: 'batch',
    summary: 'A Job successPolicy the API server rejects: not Indexed, no rules, or succeededIndexes/succeededCount out of range.',
    kinds: ['Job', 'CronJob'],
    minVersion: '1.31',
    parity: ['batch-job'],
  },
  checkObject(context) {
    const job = jobSpecOf(context);
    const policy = asObject(job?.spec.successPolicy);
    if (!job || !policy) return [];
    const base: FieldPath = [...job.path, 'successPolicy'];
    if (!isIndexed(job.spec)) {
      return [
        {
          path: base,
          target: 'key',
          message: 'successPolicy requires completionMode: Indexed',
          detail: `The API server rejects it (${pathText(base)}: requires indexed completion mode): success rules name indexes. Set completionMode: Indexed and completions.`,
        },
      ];
    }
    const rules = asArray(policy.rules);
    const rulesPath = [...base, 'rules'];
    if (rules.length === 0) {
      return [
        {
          path: policy.rules === undefined ? base : rulesPath,
          target: 'key',
          message: 'successPolicy has no rules',
          detail: `The API server rejects it (${pathText(rulesPath)}: Required value: at least one rules must be specified when the successPolicy is specified).`,
        },
      ];
    }
    const findings: RuleFinding[] = [];
    if (rules.length > MAX_RULES) {
      findings.push({
        path: rulesPath,
        target: 'key',
        message: `successPolicy has ${rules.length} rules; at most ${MAX_RULES} are allowed`,
        detail: `The API server rejects it (${pathText(rulesPath)}: Too many: ${rules.length}: must have at most ${MAX_RULES} items).`,
      });
    }
    const completions = asInteger(job.spec.completions);
    if (completions === undefined) return findings; // job-spec-invalid: Indexed needs completions
    for (const { item, index } of objectItems(policy.rules)) {
      const path = [...rulesPath, index];
      const rawIndexes = item.succeededIndexes;
      const rawCount = item.succeededCount;
      if ((rawIndexes === undefined || rawIndexes === null) && (rawCount === undefined || rawCount === null)) {
        findings.push({
          path,
          target: 'value',
          message: 'A successPolicy rule needs succeededCount or succeededIndexes',
          detail: `The API server rejects it (${pathText(path)}: Required value: at least one of succeededCount or succeededIndexes must be specified).`,
        });
        continue;
      }
      let total: number | undefined;
      const indexes = asString(rawIndexes);
      if (indexes !== undefined) {
        const parsed = parseIndexList(indexes, completions);
        if (parsed.ok) total = parsed.total;
        else {
          findings.push({
            path: [...path, 'succeededIndexes'],
            target: 'value',
            message: `succeededIndexes is not a valid index list: ${parsed.error.length > 50 ? `${parsed.error.slice(0, 49)}…` : parsed.error}`,
            detail:
              `The API server rejects it (error parsing succeededIndexes: ${parsed.error}). Write increasing indexes and ranges below completions ` +
              `(${completions}), separated by commas: "0,2-4,7".`,
          });
        }
      }
      const count = asInteger(rawCount);
      if (count === undefined) continue;
      const countPath = [...path, 'succeededCount'];
      if (count < 0) {
        findings.push({
          path: countPath,
          target: 'value',
          message: `succeededCount ${count} is negative`,
          detail: `The API server rejects it (${pathText(countPath)}: must be greater than or equal to 0).`,
        });
      } else if (count > completions) {
        findings.push({
          path: countPath,
          target: 'value',
          message: `succeededCount ${count} is more than completions (${completions})`,
          detail: `The API server rejects it (${pathText(countPath)}: must be less than or equal to ${completions} (the number of specified completions)).`,
          fixes: [{ title: `Set succeededCount to ${completions}`, intents: [{ op: 'set', path: countPath, value: completions }] }],
        });
      } else if (total !== undefined && indexes !== undefined && count > total) {
        findings.push({
          path: countPath,
          target: 'value',
          message: `succeededCount ${count} is more than the ${total} indexes in succeededIndexes`,
          detail: `The API server rejects it (${pathText(countPath)}: must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)).`,
          fixes: [{ title: `Set succeededCount to ${total}`, intents: [{ op: 'set', path: countPath, value: total }] }],
        });
      }
    }
    return findings;
  },
};
