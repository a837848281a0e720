// spec.affinity terms the API server rejects. Node affinity: a required selector needs at least
// one term; matchExpressions need values with In/NotIn, none with Exists/DoesNotExist, exactly
// one with Gt/Lt, label-syntax keys (and, from 1.32, values in required terms); matchFields take
// metadata.name with In/NotIn and one node name. Preferred terms weigh 1..100. Pod (anti-)affinity:
// topologyKey is required and a label key, weights are 1..100, namespaces are namespace names,
// selectors are valid, and matchLabelKeys/mismatchLabelKeys (1.31+) need a labelSelector and
// may not share a key. core/validation.go validateNodeAffinity, ValidateNodeSelector,
// ValidateNodeSelectorRequirement, ValidateNodeFieldSelectorRequirement,
// ValidatePreferredSchedulingTerms, validatePodAffinityTerm, validateMatchLabelKeysAndMismatchLabelKeys.
// https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#affinity-and-anti-affinity
import { asArray, asInteger, asObject, asString, hasKey, objectItems, type JsonObject } from '../../json';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../../k8s/names';
import { quoteShort } from '../../k8s/phrasing';
import { labelSelectorFindings } from '../../k8s/pod-label-selector';
import type { Rule } from '../../rule-types';
import type { FieldPath, RuleFinding } from '../../types';
import { atLeast } from '../../versions';

const REQUIRED = 'requiredDuringSchedulingIgnoredDuringExecution';
const PREFERRED = 'preferredDuringSchedulingIgnoredDuringExecution';

export const affinityInvalid: Rule = {
  meta: {
    id: 'affinity-invalid',
    defaultSeverity: 'error',
    category: 'pod-policy',
    summary: 'A node or Pod affinity term the API server rejects: bad operator/values, weight outside 1..100, missing topologyKey, invalid keys.',
    parity: ['pod-scheduling'],
  },
  checkPodSpec(context) {
    const affinity = asObject(context.spec.affinity);
    if (!affinity) return [];
    const findings: RuleFinding[] = [];
    const base = [...context.specPath, 'affinity'];
    const labelKeys = atLeast(context.env.kubernetesVersion, '1.31');
    const valuesChecked = atLeast(context.env.kubernetesVersion, '1.32');
    const node = asObject(affinity.nodeAffinity);
    if (node) {
      const required = asObject(node[REQUIRED]);
      const requiredPath = [...base, 'nodeAffinity', REQUIRED];
      if (required) {
        const terms = asArray(required.nodeSelectorTerms);
        if (terms.length === 0) {
          findings.push({
            path: hasKey(required, 'nodeSelectorTerms') ? [...requiredPath, 'nodeSelectorTerms'] : requiredPath,
            target: 'key',
            message: 'Required node affinity has no nodeSelectorTerms',
            detail: 'The API server rejects it ("must have at least one node selector term"). Add a term, or remove the required block.',
          });
        }
        for (const { item, index } of objectItems(required.nodeSelectorTerms)) nodeTerm(findings, item, [...requiredPath, 'nodeSelectorTerms', index], valuesChecked);
      }
      for (const { item, index } of objectItems(node[PREFERRED])) {
        const path = [...base, 'nodeAffinity', PREFERRED, index];
        weight(findings, item, path, 'Preferred node affinity');
        const preference = asObject(item.preference);
        if (preference) nodeTerm(findings, preference, [...path, 'preference'], false);
      }
    }
    for (const field of ['podAffinity', 'podAntiAffinity'] as const) {
      const pod = asObject(affinity[field]);
      if (!pod) continue;
      for (const { item, index } of objectItems(pod[REQUIRED])) podTerm(findings, context.object, item, [...base, field, REQUIRED, index], field, labelKeys);
      for (const { item, index } of objectItems(pod[PREFERRED])) {
        const path = [...base, field, PREFERRED, index];
        weight(findings, item, path, `Preferred ${field}`);
        const term = asObject(item.podAffinityTerm);
        if (term) podTerm(findings, context.object, term, [...path, 'podAffinityTerm'], field, labelKeys);
      }
    }
    return findings;
  },
};

function weight(findings: RuleFinding[], item: JsonObject, path: FieldPath, what: string): void {
  const value = asInteger(item.weight);
  if (value === undefined || (value >= 1 && value <= 100)) return;
  findings.push({
    path: [...path, 'weight'],
    target: 'value',
    message: `${what} weight ${value} is outside 1..100`,
    detail: 'The API server rejects it ("must be in the range 1-100").',
  });
}

function nodeTerm(findings: RuleFinding[], term: JsonObject, path: FieldPath, required: boolean): void {
  for (const { item, index } of objectItems(term.matchExpressions)) {
    const itemPath = [...path, 'matchExpressions', index];
    const operator = asString(item.operator);
    const values = asArray(item.values);
    const hasValues = hasKey(item, 'values') && item.values !== null;
    const problem =
      (operator === 'In' || operator === 'NotIn') && values.length === 0
        ? `values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`
        : (operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0
          ? `values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`
          : (operator === 'Gt' || operator === 'Lt') && values.length !== 1
            ? `values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`
            : undefined;
    if (problem) {
      findings.push({
        path: hasValues ? [...itemPath, 'values'] : [...itemPath, 'operator'],
        target: hasValues ? 'key' : 'value',
        message: `Node affinity matchExpressions[${index}]: operator ${operator} ${values.length === 0 ? 'needs values' : 'does not take these values'}`,
        detail: `The API server rejects it ("${problem}").`,
      });
    }
    const key = asString(item.key);
    const keyErrors = key === undefined ? [] : qualifiedNameErrors(key);
    if (key !== undefined && keyErrors.length > 0)
      findings.push({
        path: [...itemPath, 'key'],
        target: 'value',
        message: `Node affinity key ${quoteShort(key, 30)} is not a valid label key`,
        detail: `The API server rejects it: ${keyErrors.join('; ')}.`,
      });
    // Values are checked in required terms only, from 1.32 (preferred terms tolerate any value).
    if (!required) continue;
    values.forEach((raw, valueIndex) => {
      if (typeof raw !== 'string') return;
      const errors = labelValueErrors(raw);
      if (errors.length > 0)
        findings.push({
          path: [...itemPath, 'values', valueIndex],
          target: 'value',
          message: `Node affinity value ${quoteShort(raw, 30)} is not a valid label value`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
        });
    });
  }
  for (const { item, index } of objectItems(term.matchFields)) {
    const itemPath = [...path, 'matchFields', index];
    const operator = asString(item.operator);
    const values = asArray(item.values);
    if (operator !== undefined && operator !== 'In' && operator !== 'NotIn') {
      findings.push({
        path: [...itemPath, 'operator'],
        target: 'value',
        message: `Node affinity matchFields[${index}]: operator ${quoteShort(operator, 20)} is not In or NotIn`,
        detail: 'The API server rejects it ("not a valid selector operator"): node field selectors take In or NotIn.',
      });
    } else if (operator !== undefined && values.length !== 1) {
      findings.push({
        path: hasKey(item, 'values') ? [...itemPath, 'values'] : [...itemPath, 'operator'],
        target: hasKey(item, 'values') ? 'key' : 'value',
        message: `Node affinity matchFields[${index}] needs exactly one value`,
        detail: "The API server rejects it (\"must be only one value when `operator` is 'In' or 'NotIn' for node field selector\").",
      });
    }
    const key = asString(item.key);
    if (key !== undefined && key !== 'metadata.name') {
      findings.push({
        path: [...itemPath, 'key'],
        target: 'value',
        message: `Node affinity matchFields key ${quoteShort(key, 30)} is not metadata.name`,
        detail: 'The API server rejects it ("not a valid field selector key"); only metadata.name is supported.',
      });
      continue;
    }
    values.forEach((raw, valueIndex) => {
      if (typeof raw !== 'string') return;
      const errors = dns1123SubdomainErrors(raw);
      if (errors.length > 0)
        findings.push({
          path: [...itemPath, 'values', valueIndex],
          target: 'value',
          message: `Node name ${quoteShort(raw, 30)} in matchFields is not a valid node name`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
        });
    });
  }
}

function podTerm(findings: RuleFinding[], root: JsonObject, term: JsonObject, path: FieldPath, field: string, labelKeys: boolean): void {
  findings.push(...labelSelectorFindings(root, [...path, 'labelSelector'], `${field} labelSelector`));
  findings.push(...labelSelectorFindings(root, [...path, 'namespaceSelector'], `${field} namespaceSelector`));
  asArray(term.namespaces).forEach((raw, index) => {
    if (typeof raw !== 'string') return;
    const errors = dns1123LabelErrors(raw);
    if (errors.length > 0)
      findings.push({
        path: [...path, 'namespaces', index],
        target: 'value',
        message: `${field} namespace ${quoteShort(raw, 30)} is not a valid namespace name`,
        detail: `The API server rejects it: ${errors.join('; ')}.`,
      });
  });
  const topologyKey = asString(term.topologyKey);
  if (topologyKey === '') {
    findings.push({
      path: [...path, 'topologyKey'],
      target: 'value',
      message: `${field} term has an empty topologyKey`,
      detail: 'The API server rejects it ("topologyKey: Required value: can not be empty"). Use a node label such as kubernetes.io/hostname.',
    });
  } else if (topologyKey !== undefined) {
    const errors = qualifiedNameErrors(topologyKey);
    if (errors.length > 0)
      findings.push({
        path: [...path, 'topologyKey'],
        target: 'value',
        message: `${field} topologyKey ${quoteShort(topologyKey, 30)} is not a valid label key`,
        detail: `The API server rejects it: ${errors.join('; ')}.`,
      });
  }
  // matchLabelKeys/mismatchLabelKeys are dropped, not checked, before MatchLabelKeysInPodAffinity is on (1.31).
  if (!labelKeys) return;
  const selector = asObject(term.labelSelector);
  const matchKeys = asArray(term.matchLabelKeys).filter((key): key is string => typeof key === 'string');
  for (const list of ['matchLabelKeys', 'mismatchLabelKeys'] as const) {
    const keys = asArray(term[list]);
    if (keys.length === 0) continue;
    if (!selector) {
      findings.push({
        path: [...path, list],
        target: 'key',
        message: `${field} ${list} needs a labelSelector`,
        detail: 'The API server rejects it ("must not be specified when labelSelector is not set").',
      });
      continue;
    }
    keys.forEach((raw, index) => {
      if (typeof raw !== 'string') return;
      const errors = qualifiedNameErrors(raw);
      if (errors.length > 0)
        findings.push({
          path: [...path, list, index],
          target: 'value',
          message: `${field} ${list} key ${quoteShort(raw, 30)} is not a valid label key`,
          detail: `The API server rejects it: ${errors.join('; ')}.`,
        });
      else if (list === 'mismatchLabelKeys' && matchKeys.includes(raw))
        findings.push({
          path: [...path, list, index],
          target: 'value',
          message: `${field} key ${quoteShort(raw, 20)} is in both matchLabelKeys and mismatchLabelKeys`,
          detail: 'The API server rejects it ("exists in both matchLabelKeys and mismatchLabelKeys").',
        });
    });
  }
}
