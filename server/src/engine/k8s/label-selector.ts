// Label selectors with the API server's semantics: a `LabelSelector` (matchLabels AND every
// matchExpression) for apps/v1 workloads, and the plain map selector of Services and
// ReplicationControllers. https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import { asArray, asObject, asString, getIn, objectItems, type JsonObject } from '../json';
import type { FieldPath } from '../types';
import { labelValueErrors, qualifiedNameErrors } from './names';

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export interface SelectorRequirement {
  key: string;
  operator: SelectorOperator;
  values: string[];
  /** Path of the requirement (a matchExpressions item, or the matchLabels entry). */
  path: FieldPath;
  /** True for requirements that came from matchLabels (`key: value` is `key In [value]`). */
  fromMatchLabels: boolean;
}

/** A requirement the API server refuses (LabelSelectorAsSelector fails on it). */
export interface SelectorProblem {
  path: FieldPath;
  target: 'key' | 'value';
  message: string;
  /** The explanation: what the API server says and how to fix it. */
  detail: string;
  /** The `values` list can simply be dropped (Exists/DoesNotExist with values). */
  dropValues?: boolean;
}

export interface ParsedSelector {
  requirements: SelectorRequirement[];
  matchLabels: Map<string, string>;
  problems: SelectorProblem[];
  /** No matchLabels and no matchExpressions: the API server rejects it for apps/v1 workloads. */
  empty: boolean;
}

/**
 * A label value as Kubernetes reads it. Labels are strings; an unquoted `true` or `1.0` is a
 * decode error that `meta-label-invalid` reports, so here it is read as its text to avoid a
 * second, confusing finding about the same value.
 */
export function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return undefined;
}

/** A labels map (metadata.labels, a Service selector) as key → value. */
export function labelMap(value: unknown): Map<string, string> {
  const labels = new Map<string, string>();
  const object = asObject(value);
  if (!object) return labels;
  for (const [key, raw] of Object.entries(object)) {
    const text = labelText(raw);
    if (text !== undefined) labels.set(key, text);
  }
  return labels;
}

/**
 * Whether `key: value` passes the API server's label syntax (what meta-label-invalid checks). A fix
 * that copies labels between a selector and a template copies only valid ones: copying an invalid
 * label would add a second rejected label at the new place.
 */
export function isValidLabel(key: string, value: string): boolean {
  return qualifiedNameErrors(key).length === 0 && labelValueErrors(value).length === 0;
}

/** Parses a LabelSelector at `path` of `root`; undefined when there is no selector object. */
export function parseLabelSelector(root: JsonObject, path: FieldPath): ParsedSelector | undefined {
  const selector = asObject(getIn(root, path));
  if (!selector) return undefined;
  const requirements: SelectorRequirement[] = [];
  const problems: SelectorProblem[] = [];
  const matchLabels = labelMap(selector.matchLabels);
  for (const [key, value] of matchLabels) {
    requirements.push({ key, operator: 'In', values: [value], path: [...path, 'matchLabels', key], fromMatchLabels: true });
  }
  const expressions = objectItems(selector.matchExpressions);
  for (const { item, index } of expressions) {
    const itemPath = [...path, 'matchExpressions', index];
    const key = asString(item.key);
    const operator = asString(item.operator);
    const hasValues = item.values !== undefined && item.values !== null;
    const values = asArray(item.values)
      .map(labelText)
      .filter((text): text is string => text !== undefined);
    if (key === undefined || operator === undefined) continue;
    if (!OPERATORS.includes(operator)) {
      problems.push({
        path: [...itemPath, 'operator'],
        target: 'value',
        message: `operator "${operator}" is not a selector operator`,
        detail: `The API server rejects the selector. Use In, NotIn, Exists or DoesNotExist.`,
      });
      continue;
    }
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
      problems.push({
        path: hasValues ? [...itemPath, 'values'] : [...itemPath, 'operator'],
        target: hasValues ? 'key' : 'value',
        message: `matchExpressions[${index}] needs values with operator ${operator}`,
        detail: `The API server rejects it: "values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'". List the label values to match.`,
      });
      continue;
    }
    if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
      problems.push({
        path: [...itemPath, 'values'],
        target: 'key',
        message: `matchExpressions[${index}] has values, which operator ${operator} forbids`,
        detail: `The API server rejects it: "values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'". ${operator} only looks at the key; remove values.`,
        dropValues: true,
      });
      continue;
    }
    requirements.push({ key, operator: operator as SelectorOperator, values, path: itemPath, fromMatchLabels: false });
  }
  return { requirements, matchLabels, problems, empty: matchLabels.size === 0 && expressions.length === 0 };
}

/** Whether one requirement holds for a label set (labels.Requirement.Matches). */
export function requirementMatches(requirement: SelectorRequirement, labels: ReadonlyMap<string, string>): boolean {
  const has = labels.has(requirement.key);
  const value = labels.get(requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(value ?? '');
    case 'NotIn':
      return !has || !requirement.values.includes(value ?? '');
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** The requirements a label set fails (empty: the selector matches). */
export function failedRequirements(selector: ParsedSelector, labels: ReadonlyMap<string, string>): SelectorRequirement[] {
  return selector.requirements.filter((requirement) => !requirementMatches(requirement, labels));
}

export function selectorMatches(selector: ParsedSelector, labels: ReadonlyMap<string, string>): boolean {
  return failedRequirements(selector, labels).length === 0;
}

/** `app=web`, `tier in (a, b)`, `!canary`: how kubectl prints a requirement. */
export function describeRequirement(requirement: SelectorRequirement): string {
  switch (requirement.operator) {
    case 'In':
      return requirement.values.length === 1 ? `${requirement.key}=${requirement.values[0]}` : `${requirement.key} in (${requirement.values.join(', ')})`;
    case 'NotIn':
      return `${requirement.key} notin (${requirement.values.join(', ')})`;
    case 'Exists':
      return requirement.key;
    case 'DoesNotExist':
      return `!${requirement.key}`;
  }
}

/** `app=web, tier=front` for a labels map. */
export function describeLabels(labels: ReadonlyMap<string, string>): string {
  if (labels.size === 0) return 'no labels';
  return [...labels].map(([key, value]) => `${key}=${value}`).join(', ');
}

/** A map selector (Service, ReplicationController): every `key: value` must be present. */
export function mapSelectorMatches(selector: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): boolean {
  for (const [key, value] of selector) if (labels.get(key) !== value) return false;
  return true;
}
