// A RoleBinding or ClusterRoleBinding whose roleRef names a Role or ClusterRole, or whose
// ServiceAccount subject, no file of the run defines. The API server accepts the binding, but it
// grants nothing until the role exists, and to nobody until the ServiceAccount does. The default
// ClusterRoles (cluster-admin, admin, edit, view) and `system:` roles always exist.
// https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-clusterrolebinding
import { checksReferences, fileReferences, isBuiltInTarget, missingFinding, referenceTargets, whereLooked } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['roleRef', 'subject'] as const);
const RBAC_VERSIONS = ['rbac.authorization.k8s.io/v1', 'rbac.authorization.k8s.io/v1beta1', 'rbac.authorization.k8s.io/v1alpha1'];

export const rolebindingRefMissing: Rule = {
  meta: {
    id: 'rolebinding-ref-missing',
    defaultSeverity: 'info',
    category: 'references',
    kinds: ['RoleBinding', 'ClusterRoleBinding'],
    summary: 'A RoleBinding names a Role, ClusterRole or ServiceAccount that is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { source, ref } = sourced;
      if ((ref.kind !== 'Role' && ref.kind !== 'ClusterRole' && ref.kind !== 'ServiceAccount') || isBuiltInTarget(ref.kind, ref.name)) continue;
      if (referenceTargets(context, ref, ref.kind === 'ServiceAccount' ? ['v1'] : RBAC_VERSIONS).length > 0) continue;
      const binding = `${source.kind} ${quoteShort(source.name ?? '', 30)}`;
      findings.push(
        ref.role === 'roleRef'
          ? missingFinding(
              context.env,
              sourced,
              `${binding} binds ${ref.kind} ${quoteShort(ref.name, 30)}, which was not found`,
              `${whereLooked(ref)}: ${ref.kind} "${ref.name}". The API server accepts the binding, but it grants no permissions until the ${ref.kind} exists.`,
            )
          : missingFinding(
              context.env,
              sourced,
              `${binding} binds ServiceAccount ${quoteShort(ref.name, 30)}, which was not found`,
              `${whereLooked(ref)}: ServiceAccount "${ref.name}". The binding applies to nobody until the ServiceAccount exists (a ServiceAccount created later with that name gets these permissions).`,
            ),
      );
    }
    return findings;
  },
};
