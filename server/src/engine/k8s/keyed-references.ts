// ConfigMap and Secret references: the object and, for env keys and volume items, the key. A
// ConfigMap or Secret a container reads through env or envFrom keeps the container from starting
// (CreateContainerConfigError) until it exists; one a volume mounts keeps the Pod in
// ContainerCreating (FailedMount); a missing key does the same unless the reference is optional.
// https://kubernetes.io/docs/concepts/configuration/configmap/#configmaps-and-pods
// https://kubernetes.io/docs/concepts/configuration/secret/#restriction-secret-must-exist
import type { FileContext, FileRuleFinding } from '../rule-types';
import type { ReferenceRole } from './object-references';
import { checksReferences, fileReferences, isBuiltInTarget, missingFinding, referenceTargets, referrer, whereLooked, type SourcedReference } from './reference-check';
import { quoteShort } from './phrasing';

const ROLES: Record<'ConfigMap' | 'Secret', ReadonlySet<ReferenceRole>> = {
  ConfigMap: new Set(['configMap', 'configMapKey']),
  Secret: new Set(['secret', 'secretKey', 'imagePullSecret']),
};

/** What the cluster does without the object (or key), by where the reference sits. */
function consequence({ ref }: SourcedReference, missing: 'object' | 'key'): string {
  if (ref.role === 'imagePullSecret') return 'The kubelet pulls the image without it, so a private image fails to pull (ErrImagePull).';
  if (ref.path.includes('tls')) return 'The Ingress controller serves its default certificate for these hosts instead.';
  if (ref.path.includes('volumes')) return `The volume cannot be mounted (FailedMount), so the Pod stays in ContainerCreating until the ${missing} exists.`;
  if (ref.path.includes('env') || ref.path.includes('envFrom')) return `The kubelet does not start the container (CreateContainerConfigError) until the ${missing} exists.`;
  return `Whatever reads it fails until the ${missing} exists.`;
}

/** Findings of the references of the file's objects to ConfigMaps (or Secrets) that the file and run lack. */
export function keyedReferenceFindings(context: FileContext, kind: 'ConfigMap' | 'Secret'): FileRuleFinding[] {
  if (!checksReferences(context.env)) return [];
  const findings: FileRuleFinding[] = [];
  const reported = new Set<string>();
  for (const sourced of fileReferences(context, ROLES[kind])) {
    const { source, ref } = sourced;
    if (ref.optional || isBuiltInTarget(kind, ref.name)) continue;
    const targets = referenceTargets(context, ref, ['v1']);
    if (targets.length === 0) {
      // A volume's items repeat its name: one finding per place that names the object.
      const at = `${source.documentIndex}/${source.objectIndex}/${JSON.stringify(ref.path)}`;
      if (reported.has(at)) continue;
      reported.add(at);
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `${referrer(source, ref.path)} names ${kind} ${quoteShort(ref.name)}, which was not found`,
          `${whereLooked(ref)}: ${kind} "${ref.name}". ${consequence(sourced, 'object')}`,
        ),
      );
      continue;
    }
    if (ref.key === undefined || !ref.keyPath) continue;
    // A key is missing only when every candidate's keys are known and none has it.
    if (targets.some((target) => target.keys === undefined || target.keys.includes(ref.key ?? ''))) continue;
    const known = targets[0].keys ?? [];
    const where = targets[0].filePath ? ` (in ${targets[0].filePath})` : '';
    findings.push(
      missingFinding(
        context.env,
        sourced,
        `${kind} ${quoteShort(ref.name)} has no key ${quoteShort(ref.key)}`,
        `${kind} "${ref.name}"${where} defines ${known.length === 0 ? 'no keys' : `the keys ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}`}, not "${ref.key}". ` +
          `${consequence(sourced, 'key')} Mark the reference optional: true if the key may be absent.`,
        ref.keyPath,
      ),
    );
  }
  return findings;
}
