// A Pod's serviceAccountName that no file of the run defines. The ServiceAccount admission plugin
// refuses a Pod whose ServiceAccount does not exist, so a workload's controller creates no Pods
// ("error looking up service account"). `default` exists in every namespace.
// https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#serviceaccount-admission-controller
import { checksReferences, fileReferences, isBuiltInTarget, missingFinding, referenceTargets, referrer, whereLooked } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['serviceAccount'] as const);

export const serviceAccountMissing: Rule = {
  meta: {
    id: 'service-account-missing',
    defaultSeverity: 'info',
    category: 'references',
    summary: 'The ServiceAccount a Pod runs as is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { source, ref } = sourced;
      if (isBuiltInTarget('ServiceAccount', ref.name) || referenceTargets(context, ref, ['v1']).length > 0) continue;
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `${referrer(source, ref.path)} runs as ServiceAccount ${quoteShort(ref.name)}, which was not found`,
          `${whereLooked(ref)}: ServiceAccount "${ref.name}". The API server's ServiceAccount admission refuses Pods whose ServiceAccount does not exist, so no Pod is created until it does.`,
        ),
      );
    }
    return findings;
  },
};
