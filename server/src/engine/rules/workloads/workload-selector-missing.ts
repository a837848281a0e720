// apps/v1 made `spec.selector` required (older API versions defaulted it from the template
// labels) and refuses an empty one; a malformed matchExpression makes the selector unusable.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
import { asObject } from '../../json';
import { isValidLabel, parseLabelSelector } from '../../k8s/label-selector';
import { LABEL_SELECTOR_KINDS, objectLabel, selectorFromTemplateIntent, templateLabelsObject } from '../../k8s/workload-labels';
import { capitalize } from '../../k8s/phrasing';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FixIntent, FixSpec, RuleFinding } from '../../types';

export const workloadSelectorMissing: Rule = {
  meta: {
    id: 'workload-selector-missing',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'An apps/v1 workload has no spec.selector, an empty one, or a malformed matchExpression.',
    kinds: LABEL_SELECTOR_KINDS,
    parity: ['apps-workloads'],
  },
  checkObject(context) {
    // Only apps/v1 requires it; removed API versions are api-version-removed's business.
    if (context.apiVersion !== 'apps/v1') return [];
    if (!asObject(context.object.spec)) return [];
    const selector = parseLabelSelector(context.object, ['spec', 'selector']);
    const what = objectLabel(context.kind, context.name);
    if (!selector) {
      return [
        {
          path: ['spec', 'selector'],
          target: 'key',
          message: `${capitalize(what)} has no spec.selector, which apps/v1 requires`,
          detail:
            `The API server rejects it (spec.selector: Required value): an apps/v1 ${context.kind} needs a selector telling the controller ` +
            `which Pods are its own. Add spec.selector.matchLabels with the template's labels.`,
          fixes: selectorFix(context),
        },
      ];
    }
    if (selector.empty) {
      // ReplicaSet reuses the Deployment wording upstream.
      const noun = context.kind === 'ReplicaSet' ? 'deployment' : context.kind.toLowerCase();
      return [
        {
          path: ['spec', 'selector'],
          target: 'key',
          message: `${capitalize(what)} has an empty spec.selector, which the API server rejects`,
          detail: `spec.selector: empty selector is invalid for ${noun}: it would select every Pod in the namespace. ` + `Put the template's labels in matchLabels.`,
          fixes: selectorFix(context),
        },
      ];
    }
    return selector.problems.map((problem): RuleFinding => ({
      path: problem.path,
      target: problem.target,
      message: `${capitalize(what)}: spec.selector.${problem.message}`,
      detail: problem.detail,
      fixes: problem.dropValues ? [{ title: 'Remove values', intents: [{ op: 'delete', path: problem.path }], safe: true, preferred: true }] : [],
    }));
  },
};

function selectorFix(context: ObjectContext): FixSpec[] {
  const intent = selectorFromTemplateIntent(context.object);
  if (!intent) return labelBothFix(context);
  const count = Object.keys(templateLabelsObject(context.object) ?? {}).length;
  return [{ title: `Select the template's label${count === 1 ? '' : 's'} (matchLabels)`, intents: [intent], preferred: true }];
}

/**
 * A template without labels: select the Pods by `app: <name>` and give the template that label,
 * the convention kubectl create deployment follows. Only where nothing is there to conflict: no
 * selector at all and no template labels key.
 */
function labelBothFix(context: ObjectContext): FixSpec[] {
  const spec = asObject(context.object.spec);
  const template = asObject(spec?.template);
  const name = context.name;
  if (!spec || !template || spec.selector !== undefined || !name || !isValidLabel('app', name)) return [];
  const metadata = template.metadata;
  const labels = { app: name };
  let labelIntent: FixIntent;
  if (metadata === undefined) labelIntent = { op: 'insert', path: ['spec', 'template'], key: 'metadata', value: { labels } };
  else if (asObject(metadata) && asObject(metadata)?.labels === undefined) labelIntent = { op: 'insert', path: ['spec', 'template', 'metadata'], key: 'labels', value: labels };
  else return [];
  const after = spec.replicas !== undefined ? 'replicas' : undefined;
  return [
    {
      title: `Select and label the Pods app: ${name}`,
      intents: [{ op: 'insert', path: ['spec'], key: 'selector', value: { matchLabels: labels }, after }, labelIntent],
    },
  ];
}
