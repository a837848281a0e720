// An apiVersion the target Kubernetes version no longer serves: `kubectl apply` fails with
// `no matches for kind "X" in version "Y"`. The table (RULES.md section E) names the
// replacement; the fix rewrites the object to it. https://kubernetes.io/docs/reference/using-api/deprecation-guide/
import { apiRef, pickReplacement } from '../../k8s/api-catalog';
import { fitMessage } from '../../k8s/phrasing';
import { migrationFix } from '../../k8s/api-migration';
import { deprecationFor } from '../../k8s/deprecation-table';
import type { Rule } from '../../rule-types';
import { minorOf } from '../../versions';

export const apiVersionRemoved: Rule = {
  meta: {
    id: 'api-version-removed',
    defaultSeverity: 'error',
    category: 'api-versions',
    parity: ['api-version'],
    summary: 'The apiVersion was removed at or before the target Kubernetes version; the API server does not know the object.',
  },
  checkObject(context) {
    const entry = deprecationFor(context.apiVersion, context.kind);
    const version = context.env.kubernetesVersion;
    if (!entry || minorOf(version) < entry.removed) return [];
    const replacement = pickReplacement(entry, version, context.kind);
    const target = replacement ? apiRef(replacement.apiVersion, replacement.kind ?? context.kind) : undefined;
    const renamed = replacement?.kind && replacement.kind !== context.kind ? ` (${context.kind} was renamed ${replacement.kind})` : '';
    const advice = target ? ` Use ${target}${renamed}.` : '';
    const note = entry.note ? ` ${entry.note}` : '';
    const fix = replacement ? migrationFix(context.object, context.kind, entry, replacement) : undefined;
    return [
      {
        path: ['apiVersion'],
        target: 'value',
        // The replacement stays in the message when it fits: it is the fix.
        message: fitMessage(
          `${apiRef(context.apiVersion, context.kind)} was removed in Kubernetes 1.${entry.removed}${target ? `; use ${target}` : ''}`,
          fitMessage(
            `${apiRef(context.apiVersion, context.kind)} was removed in Kubernetes 1.${entry.removed}`,
            `${context.apiVersion} was removed in Kubernetes 1.${entry.removed}`,
          ),
        ),
        detail: `A ${version} API server answers no matches for kind "${context.kind}" in version "${context.apiVersion}".${advice}${note}`,
        fixes: fix ? [fix] : [],
      },
    ];
  },
};
