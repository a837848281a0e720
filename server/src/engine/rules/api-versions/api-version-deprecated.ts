// An apiVersion the target still serves but has deprecated: the API server accepts the object
// and answers with a warning naming the release that removes it. Moving now avoids the outage
// at upgrade time. https://kubernetes.io/docs/reference/using-api/deprecation-policy/
import { apiRef, pickReplacement } from '../../k8s/api-catalog';
import { fitMessage } from '../../k8s/phrasing';
import { migrationFix } from '../../k8s/api-migration';
import { deprecationFor } from '../../k8s/deprecation-table';
import type { Rule } from '../../rule-types';
import { minorOf } from '../../versions';

export const apiVersionDeprecated: Rule = {
  meta: {
    id: 'api-version-deprecated',
    defaultSeverity: 'warning',
    category: 'api-versions',
    parity: ['api-version'],
    summary: 'The apiVersion is deprecated at the target Kubernetes version and will be removed; move to its replacement.',
  },
  checkObject(context) {
    const entry = deprecationFor(context.apiVersion, context.kind);
    const version = context.env.kubernetesVersion;
    const minor = minorOf(version);
    if (!entry || entry.deprecated === undefined || minor < entry.deprecated || minor >= entry.removed) return [];
    const replacement = pickReplacement(entry, version, context.kind);
    const target = replacement ? apiRef(replacement.apiVersion, replacement.kind ?? context.kind) : undefined;
    // The API server's own warning text (pkg/endpoints/deprecation).
    const warning = `${apiRef(context.apiVersion, context.kind)} is deprecated in v1.${entry.deprecated}+, unavailable in v1.${entry.removed}+` + (target ? `; use ${target}` : '');
    const fix = replacement ? migrationFix(context.object, context.kind, entry, replacement) : undefined;
    return [
      {
        path: ['apiVersion'],
        target: 'value',
        message: fitMessage(
          `${apiRef(context.apiVersion, context.kind)} is deprecated and removed in 1.${entry.removed}${target ? `; use ${target}` : ''}`,
          fitMessage(
            `${apiRef(context.apiVersion, context.kind)} is deprecated and removed in 1.${entry.removed}`,
            `${context.apiVersion} is deprecated and removed in 1.${entry.removed}`,
          ),
        ),
        detail: `${warning}. Kubernetes ${version} still serves it (with this warning); it stops working on upgrade to 1.${entry.removed}.${entry.note ? ` ${entry.note}` : ''}`,
        fixes: fix ? [fix] : [],
      },
    ];
  },
};
