// Label keys are qualified names (optional DNS-subdomain prefix + '/' + name ≤ 63 chars); values
// are empty or ≤ 63 chars of [A-Za-z0-9-_.] starting and ending alphanumeric. A YAML value that
// is not a string (`true`, `1.10`, `8080`) fails even earlier: "cannot unmarshal bool into Go
// struct field ObjectMeta.metadata.labels of type string". The same rules hold for nodeSelector
// and selectors. apimachinery meta/v1/validation ValidateLabels; content IsLabelKey, IsLabelValue.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../../json';
import { metadataBlocks } from '../../k8s/metadata-blocks';
import { labelValueErrors, qualifiedNameErrors, show, toLabelValue } from '../../k8s/names';
import { pathText, quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FieldPath, FixSpec, RuleFinding } from '../../types';

export const metaLabelInvalid: Rule = {
  meta: {
    id: 'meta-label-invalid',
    defaultSeverity: 'error',
    category: 'metadata',
    parity: ['object-meta'],
    summary: 'A label (or nodeSelector/selector) key or value breaks the label syntax, or a value is not a string.',
  },
  checkObject(context) {
    const findings: RuleFinding[] = [];
    for (const block of metadataBlocks(context)) checkMap(block.metadata.labels, [...block.path, 'labels'], findings);
    const selectorPath = context.kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'selector'] : ['spec', 'selector'];
    const selector = asObject(getIn(context.object, selectorPath));
    if (context.kind === 'Service' || context.kind === 'ReplicationController') {
      // These selectors are plain maps.
      checkMap(selector, selectorPath, findings);
    } else if (selector) {
      checkMap(selector.matchLabels, [...selectorPath, 'matchLabels'], findings);
      checkExpressions(selector.matchExpressions, [...selectorPath, 'matchExpressions'], findings);
    }
    return findings;
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    checkMap(context.spec.nodeSelector, [...context.specPath, 'nodeSelector'], findings);
    return findings;
  },
};

function checkMap(value: unknown, path: FieldPath, findings: RuleFinding[]): void {
  const map = asObject(value);
  if (!map) return;
  const where = pathText(path);
  for (const [key, raw] of Object.entries(map)) {
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length > 0) {
      findings.push({
        path: [...path, key],
        target: 'key',
        message: `Label key ${quoted(key)} is not a valid key`,
        detail: `The API server rejects key ${show(key)} in ${where}: ${keyErrors.join('; ')}.`,
      });
    }
    if (raw === null || raw === undefined) continue;
    if (typeof raw !== 'string') {
      findings.push(nonString([...path, key], where, key, raw));
      continue;
    }
    const errors = labelValueErrors(raw);
    if (errors.length === 0) continue;
    const fixes: FixSpec[] = [];
    const fixed = toLabelValue(raw);
    if (fixed !== undefined && fixed !== raw && fixed !== '')
      fixes.push({ title: `Change the value to "${fixed}"`, intents: [{ op: 'set', path: [...path, key], value: fixed }], preferred: true });
    findings.push({
      path: [...path, key],
      target: 'value',
      message: `Label ${quoted(key, 30)}: value ${quoted(raw)} is not a valid label value`,
      detail: `The API server rejects value ${show(raw)} of ${key} in ${where}: ${errors.join('; ')}. Label values allow letters, digits, "-", "_" and "." (at most 63); keep longer text in annotations.`,
      fixes,
    });
  }
}

function nonString(path: FieldPath, where: string, key: string, raw: unknown): RuleFinding {
  const type = typeof raw === 'boolean' ? 'bool' : typeof raw === 'number' ? 'number' : 'object';
  const quotable = typeof raw === 'boolean' || typeof raw === 'number';
  return {
    path,
    target: 'value',
    message: `Label ${quoted(key, 50)} is a YAML ${type}, not a string`,
    detail:
      `kubectl rejects the object ("cannot unmarshal ${type} into Go struct field … of type string"; ${where}). ` +
      (quotable ? `Quote it: unquoted, YAML reads it as a ${type === 'bool' ? 'boolean' : 'number'}.` : 'Use a string value.'),
    fixes: quotable ? [{ title: 'Quote the value', intents: [{ op: 'quote', path }], preferred: true, safe: true }] : undefined,
  };
}

function checkExpressions(value: unknown, path: FieldPath, findings: RuleFinding[]): void {
  for (const { item, index } of objectItems(value)) {
    const key = asString(item.key);
    if (key !== undefined) {
      const errors = qualifiedNameErrors(key);
      if (errors.length > 0)
        findings.push({
          path: [...path, index, 'key'],
          target: 'value',
          message: `Selector key ${quoted(key)} is not a valid label key`,
          detail: `The API server rejects selector key ${show(key)}: ${errors.join('; ')}.`,
        });
    }
    const operator = asString(item.operator);
    if (operator !== 'In' && operator !== 'NotIn') continue;
    asArray((item as JsonObject).values).forEach((entry, valueIndex) => {
      const entryPath = [...path, index, 'values', valueIndex];
      if (typeof entry !== 'string') {
        if (entry !== null) findings.push(nonString(entryPath, pathText([...path, index, 'values']), key ?? 'value', entry));
        return;
      }
      const errors = labelValueErrors(entry);
      if (errors.length > 0)
        findings.push({
          path: entryPath,
          target: 'value',
          message: `Selector value ${quoted(entry)} is not a valid label value`,
          detail: `The API server rejects selector value ${show(entry)}: ${errors.join('; ')}.`,
        });
    });
  }
}
