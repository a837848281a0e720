// An Ingress backend whose Service no file of the run defines, or whose port (by number or name)
// the Service does not expose. The Ingress controller answers those paths with an error (503 or
// 404) instead of forwarding them.
// https://kubernetes.io/docs/concepts/services-networking/ingress/#the-ingress-resource
import { asArray, asObject, asString } from '../../json';
import { checksReferences, fileReferences, missingFinding, referenceTargets, whereLooked, type ReferenceTarget } from '../../k8s/reference-check';
import { quoteShort } from '../../k8s/phrasing';
import type { FileRuleFinding, Rule } from '../../rule-types';

const ROLES = new Set(['service', 'servicePort'] as const);

/** The Service's ports as `port` numbers and names. */
function exposes(target: ReferenceTarget, port: string | number): boolean {
  const ports = asArray(asObject(target.object.spec)?.ports).map(asObject);
  // Port numbers of v1beta1 backends may be written as strings ("80").
  if (typeof port === 'number' || /^\d+$/.test(port)) return ports.some((item) => item !== undefined && Number(item.port) === Number(port));
  return ports.some((item) => asString(item?.name) === port);
}

export const ingressBackendMissing: Rule = {
  meta: {
    id: 'ingress-backend-missing',
    defaultSeverity: 'info',
    category: 'references',
    kinds: ['Ingress'],
    summary: 'An Ingress backend names a Service, or a Service port, that is not defined in the workspace or the files checked together.',
  },
  checkFile(context) {
    if (!checksReferences(context.env)) return [];
    const findings: FileRuleFinding[] = [];
    for (const sourced of fileReferences(context, ROLES)) {
      const { ref } = sourced;
      const targets = referenceTargets(context, ref, ['v1']);
      if (ref.role === 'service') {
        if (targets.length > 0) continue;
        findings.push(
          missingFinding(
            context.env,
            sourced,
            `Ingress backend Service ${quoteShort(ref.name)} was not found`,
            `${whereLooked(ref)}: Service "${ref.name}". The Ingress controller answers this backend's requests with an error (503 or 404) until the Service exists.`,
          ),
        );
        continue;
      }
      if (ref.port === undefined || targets.length === 0 || targets.some((target) => exposes(target, ref.port ?? ''))) continue;
      const where = targets[0].filePath ? ` (in ${targets[0].filePath})` : '';
      const ports = asArray(asObject(targets[0].object.spec)?.ports)
        .map(asObject)
        .map((item) => (item ? `${String(item.port)}${asString(item.name) ? ` (${String(item.name)})` : ''}` : ''))
        .filter(Boolean);
      findings.push(
        missingFinding(
          context.env,
          sourced,
          `Service ${quoteShort(ref.name)} has no port ${typeof ref.port === 'number' ? ref.port : quoteShort(ref.port)}`,
          `Service "${ref.name}"${where} exposes ${ports.length > 0 ? `port ${ports.join(', ')}` : 'no ports'}; an Ingress backend names the Service's port (its number or name), not the container's. ` +
            'The Ingress controller cannot route this backend until the port matches.',
        ),
      );
    }
    return findings;
  },
};
