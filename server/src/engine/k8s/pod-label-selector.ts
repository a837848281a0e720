// LabelSelectors inside a Pod spec (pod affinity terms, topology spread constraints) are checked
// by the API server like any selector: operators with or without values, and label-syntax keys and
// values. apimachinery ValidateLabelSelector.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import type { FieldPath, RuleFinding } from '../types';
import { parseLabelSelector } from './label-selector';
import { labelValueErrors, qualifiedNameErrors } from './names';
import { capitalize, fitMessage, quoteShort } from './phrasing';

/** Findings for the selector at `path` of `root` (none when there is no selector). */
export function labelSelectorFindings(root: JsonObject, path: FieldPath, where: string): RuleFinding[] {
  const parsed = parseLabelSelector(root, path);
  if (!parsed) return [];
  const findings: RuleFinding[] = parsed.problems.map((problem) => ({
    path: problem.path,
    target: problem.target,
    message: `${where}: ${problem.message}`,
    detail: problem.detail,
  }));
  const selector = asObject(getIn(root, path));
  for (const [key, value] of Object.entries(asObject(selector?.matchLabels) ?? {})) {
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0)
      findings.push({
        path: [...path, 'matchLabels', key],
        target: 'key',
        message: `${where}: ${quoteShort(key, 40)} is not a valid label key`,
        detail: `The API server rejects it: ${keyErrors.join('; ')}.`,
      });
    const valueErrors = typeof value === 'string' ? labelValueErrors(value) : [];
    if (valueErrors.length > 0)
      findings.push({
        path: [...path, 'matchLabels', key],
        target: 'value',
        message: `${where}: ${quoteShort(value as string, 40)} is not a valid label value`,
        detail: `The API server rejects it: ${valueErrors.join('; ')}.`,
      });
  }
  for (const { item, index } of objectItems(selector?.matchExpressions)) {
    const key = asString(item.key);
    const keyErrors = key === undefined ? [] : qualifiedNameErrors(key);
    if (key !== undefined && keyErrors.length > 0)
      findings.push({
        path: [...path, 'matchExpressions', index, 'key'],
        target: 'value',
        message: `${where}: ${quoteShort(key, 40)} is not a valid label key`,
        detail: `The API server rejects it: ${keyErrors.join('; ')}.`,
      });
    asArray(item.values).forEach((raw, valueIndex) => {
      if (typeof raw !== 'string') return;
      const errors = labelValueErrors(raw);
      if (errors.length > 0)
        findings.push({
          path: [...path, 'matchExpressions', index, 'values', valueIndex],
          target: 'value',
          message: `${where}: ${quoteShort(raw, 40)} is not a valid label value`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
        });
    });
  }
  // A long `where` (topologySpreadConstraints[3] labelSelector) gives way to a shorter message.
  return findings.map((finding) => ({ ...finding, message: fitMessage(finding.message, capitalize(finding.message.slice(finding.message.indexOf(': ') + 2))) }));
}
