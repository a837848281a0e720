// A workload's selector must select its own Pod template, or the API server rejects it:
// `spec.template.metadata.labels: Invalid value: …: \`selector\` does not match template \`labels\``.
// The controller finds its Pods by that selector; a template it cannot see would be created
// forever. https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
import { asObject, getIn, hasKey, type JsonObject } from '../../json';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FixIntent, FixSpec, RuleFinding } from '../../types';
import {
  describeLabels,
  describeRequirement,
  failedRequirements,
  isValidLabel,
  labelMap,
  mapSelectorMatches,
  parseLabelSelector,
  selectorMatches,
  type ParsedSelector,
} from '../../k8s/label-selector';
import { LABEL_SELECTOR_KINDS, objectLabel, TEMPLATE_LABELS_PATH, templateLabels } from '../../k8s/workload-labels';

export const workloadSelectorMismatch: Rule = {
  meta: {
    id: 'workload-selector-mismatch',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: "The workload's selector does not select its own Pod template labels; the API server rejects it.",
    kinds: [...LABEL_SELECTOR_KINDS, 'ReplicationController'],
    parity: ['apps-workloads'],
  },
  checkObject(context) {
    if (!asObject(getIn(context.object, ['spec', 'template']))) return [];
    return context.kind === 'ReplicationController' ? checkReplicationController(context) : checkLabelSelector(context);
  },
};

function checkLabelSelector(context: ObjectContext): RuleFinding[] {
  const selector = parseLabelSelector(context.object, ['spec', 'selector']);
  // Missing, empty or malformed selectors are workload-selector-missing's findings.
  if (!selector || selector.empty || selector.problems.length > 0) return [];
  const labels = templateLabels(context.object);
  const failed = failedRequirements(selector, labels);
  if (failed.length === 0) return [];
  const what = objectLabel(context.kind, context.name);
  return [
    {
      path: TEMPLATE_LABELS_PATH,
      target: 'key',
      message: `The selector of ${what} does not match its Pod template labels`,
      detail:
        `The API server rejects it (\`selector\` does not match template \`labels\`): the selector needs ` +
        `${failed.map(describeRequirement).join(', ')}, but the template has ${describeLabels(labels)}. ` +
        `Align the labels; the selector cannot be changed after the ${context.kind} is created.`,
      fixes: labelSelectorFixes(context.object, selector, labels),
    },
  ];
}

function checkReplicationController(context: ObjectContext): RuleFinding[] {
  // An empty RC selector is defaulted from the template labels, so only a written one can miss.
  const selector = labelMap(getIn(context.object, ['spec', 'selector']));
  if (selector.size === 0) return [];
  const labels = templateLabels(context.object);
  if (mapSelectorMatches(selector, labels)) return [];
  const missing = [...selector].filter(([key, value]) => labels.get(key) !== value).map(([key, value]) => `${key}=${value}`);
  return [
    {
      path: TEMPLATE_LABELS_PATH,
      target: 'key',
      message: `The selector of ${objectLabel(context.kind, context.name)} does not match its Pod template labels`,
      detail:
        `The API server rejects it (\`selector\` does not match template \`labels\`): the selector needs ${missing.join(', ')}, ` +
        `but the template has ${describeLabels(labels)}. Align the labels.`,
      fixes: templateFix(context.object, selector),
    },
  ];
}

function labelSelectorFixes(object: JsonObject, selector: ParsedSelector, labels: Map<string, string>): FixSpec[] {
  const fixes: FixSpec[] = [];
  // Adding the matchLabels to the template fixes it when the expressions then hold too.
  const patched = new Map(labels);
  for (const [key, value] of selector.matchLabels) patched.set(key, value);
  if (selectorMatches(selector, patched)) fixes.push(...templateFix(object, selector.matchLabels));
  // A matchLabels-only selector whose keys the template has with other values: adopt the template's.
  const onlyMatchLabels = selector.requirements.every((requirement) => requirement.fromMatchLabels);
  if (onlyMatchLabels && [...selector.matchLabels.keys()].every((key) => labels.has(key))) {
    const intents: FixIntent[] = [];
    let copiesValid = true;
    for (const [key, value] of selector.matchLabels) {
      const wanted = labels.get(key);
      if (wanted === undefined || wanted === value) continue;
      intents.push({ op: 'set', path: ['spec', 'selector', 'matchLabels', key], value: wanted });
      // An invalid template label copied into the selector would be rejected there too.
      if (!isValidLabel(key, wanted)) copiesValid = false;
    }
    if (intents.length > 0 && copiesValid) fixes.push({ title: 'Change the selector to the template labels', intents });
  }
  return fixes;
}

/** Writes every selector label into the template (adding missing keys, correcting values). */
function templateFix(object: JsonObject, wanted: ReadonlyMap<string, string>): FixSpec[] {
  const labels = templateLabels(object);
  const labelsNode = asObject(getIn(object, TEMPLATE_LABELS_PATH));
  // Copying an invalid selector label would add a rejected label to the template as well.
  if ([...wanted].some(([key, value]) => labels.get(key) !== value && !isValidLabel(key, value))) return [];
  const intents: FixIntent[] = [];
  if (!labelsNode) {
    // `labels:` with no value is set in place; a missing one is inserted (with metadata if needed).
    if (getIn(object, TEMPLATE_LABELS_PATH) !== undefined) intents.push({ op: 'set', path: TEMPLATE_LABELS_PATH, value: Object.fromEntries(wanted) });
    else intents.push({ op: 'insert', path: ['spec', 'template', 'metadata'], key: 'labels', value: Object.fromEntries(wanted) });
  } else {
    for (const [key, value] of wanted) {
      if (labels.get(key) === value) continue;
      if (hasKey(labelsNode, key)) intents.push({ op: 'set', path: [...TEMPLATE_LABELS_PATH, key], value });
      else intents.push({ op: 'insert', path: TEMPLATE_LABELS_PATH, key, value });
    }
  }
  if (intents.length === 0) return [];
  return [{ title: "Add the selector's labels to the Pod template", intents, preferred: true }];
}
