// A persistentVolumeClaim volume whose claim no file of the run defines: the scheduler keeps the
// Pod Pending ("persistentvolumeclaim not found") until the claim exists. StatefulSet
// volumeClaimTemplates create their claims and are not references.
// https://kubernetes.io/docs/concepts/storage/persistent-volumes/#claims-as-volumes
import { checksReferences, fileReferences, missingFinding, referenceTargets, referrer, whereLooked } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['claim'] as const);

export const pvcRefMissing: Rule = {
  meta: {
    id: 'pvc-ref-missing',
    defaultSeverity: 'info',
    category: 'references',
    summary: 'A PersistentVolumeClaim that a Pod mounts is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { source, ref } = sourced;
      if (referenceTargets(context, ref, ['v1']).length > 0) continue;
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `${referrer(source, ref.path)} mounts claim ${quoteShort(ref.name)}, which was not found`,
          `${whereLooked(ref)}: PersistentVolumeClaim "${ref.name}". The scheduler keeps the Pod Pending (persistentvolumeclaim "${ref.name}" not found) until the claim exists in its namespace.`,
        ),
      );
    }
    return findings;
  },
};
