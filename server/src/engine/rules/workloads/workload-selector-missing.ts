// apps/v1 made `spec.selector` required (older API versions defaulted it from the template
// labels) and refuses an empty one; a malformed matchExpression makes the selector unusable.
// https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
import { asObject } from '../../json';
import { parseLabelSelector } from '../../k8s/label-selector';
import { LABEL_SELECTOR_KINDS, objectLabel, selectorFromTemplateIntent, templateLabelsObject } from '../../k8s/workload-labels';
import type { ObjectContext, Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

export const workloadSelectorMissing: Rule = {
  meta: {
    id: 'workload-selector-missing',
    defaultSeverity: 'error',
    category: 'workloads',
    summary: 'An apps/v1 workload has no spec.selector, an empty one, or a malformed matchExpression.',
    kinds: LABEL_SELECTOR_KINDS,
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
          message:
            `spec.selector: Required value: apps/v1 ${context.kind} needs a selector telling the controller which Pods are its own; ` +
            `${what} has none, so the API server rejects it. Add spec.selector.matchLabels with the template's labels.`,
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
          message:
            `spec.selector: empty selector is invalid for ${noun}: an empty selector would select every Pod in the namespace, ` +
            `so the API server rejects ${what}. Put the template's labels in matchLabels.`,
          fixes: selectorFix(context),
        },
      ];
    }
    return selector.problems.map((problem): RuleFinding => ({
      path: problem.path,
      target: problem.target,
      message: `spec.selector.${problem.message}`,
      fixes: problem.dropValues ? [{ title: 'Remove values', intents: [{ op: 'delete', path: problem.path }], safe: true, preferred: true }] : [],
    }));
  },
};

function selectorFix(context: ObjectContext): FixSpec[] {
  const intent = selectorFromTemplateIntent(context.object);
  if (!intent) return [];
  const count = Object.keys(templateLabelsObject(context.object) ?? {}).length;
  return [{ title: `Select the template's label${count === 1 ? '' : 's'} (matchLabels)`, intents: [intent], preferred: true }];
}
