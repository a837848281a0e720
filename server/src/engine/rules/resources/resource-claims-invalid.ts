// Dynamic resource allocation (on by default from 1.34; before, the API server drops these fields):
// spec.resourceClaims entries need a unique DNS-label name and exactly one of resourceClaimName or
// resourceClaimTemplateName (a DNS subdomain); a container's resources.claims must name one of
// them, once. core/validation.go validatePodResourceClaim, validateResourceClaimNames.
// https://kubernetes.io/docs/concepts/scheduling-eviction/dynamic-resource-allocation/
import { containersOf } from '../../containers';
import { asObject, asString, hasKey, objectItems } from '../../json';
import { dns1123LabelErrors, dns1123SubdomainErrors } from '../../k8s/names';
import { capitalize, describeContainer, fitMessage, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const resourceClaimsInvalid: Rule = {
  meta: {
    id: 'resource-claims-invalid',
    defaultSeverity: 'error',
    category: 'resources',
    summary: 'A Pod resource claim has a bad or duplicate name or not exactly one source, or a container claims a name the Pod does not define.',
    minVersion: '1.34',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    const podClaims = new Set<string>();
    for (const { item, index } of objectItems(context.spec.resourceClaims)) {
      const base = [...context.specPath, 'resourceClaims', index];
      const name = asString(item.name);
      if (name !== undefined) {
        const errors = name === '' ? ['Required value'] : podClaims.has(name) ? ['Duplicate value'] : dns1123LabelErrors(name);
        if (errors.length > 0)
          findings.push({
            path: [...base, 'name'],
            target: 'value',
            message: `resourceClaims[${index}]: name ${quoteShort(name, 40)} ${podClaims.has(name) ? 'is used twice' : 'is not a valid DNS label'}`,
            detail: `The API server rejects it: ${errors.join('; ')}.`,
          });
        if (name !== '') podClaims.add(name);
      }
      const sources = (['resourceClaimName', 'resourceClaimTemplateName'] as const).filter((key) => hasKey(item, key) && item[key] !== null);
      if (sources.length !== 1) {
        findings.push({
          path: base,
          target: 'key',
          message: `resourceClaims[${index}] must set exactly one of resourceClaimName or resourceClaimTemplateName`,
          detail: `The API server rejects it ("${sources.length === 0 ? 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`' : 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'}").`,
        });
      }
      for (const key of sources) {
        const value = asString(item[key]);
        const errors = value === undefined ? [] : dns1123SubdomainErrors(value);
        if (errors.length > 0)
          findings.push({
            path: [...base, key],
            target: 'value',
            message: `resourceClaims[${index}]: ${key} ${quoteShort(value ?? '', 40)} is invalid`,
            detail: `The API server rejects it: ${errors.join('; ')}.`,
          });
      }
    }
    for (const ref of containersOf(context.spec, context.specPath, ['initContainers', 'containers'])) {
      const seen = new Set<string>();
      for (const { item, index } of objectItems(asObject(ref.container.resources)?.claims)) {
        const name = asString(item.name);
        if (name === undefined || name === '') continue;
        const path = [...ref.path, 'resources', 'claims', index];
        const request = asString(item.request) ?? '';
        const key = request === '' ? name : `${name}/${request}`;
        const who = capitalize(describeContainer(ref));
        if (seen.has(key) || (request === '' && [...seen].some((other) => other.startsWith(`${name}/`)))) {
          findings.push({
            path,
            target: 'key',
            message: fitMessage(`${who}: claim ${quoteShort(key, 40)} is listed twice`, `Claim ${quoteShort(key, 40)} is listed twice`),
            detail: 'The API server rejects it ("Duplicate value").',
          });
        } else if (!podClaims.has(name)) {
          findings.push({
            path: [...path, 'name'],
            target: 'value',
            message: fitMessage(`${who}: claim ${quoteShort(name, 40)} is not in spec.resourceClaims`, `Claim ${quoteShort(name, 40)} is not in spec.resourceClaims`),
            detail: `The API server rejects it (Not found: "${name}": must be one of the names in pod.spec.resourceClaims${podClaims.size === 0 ? ' which is empty' : `: ${[...podClaims].sort().join(', ')}`}).`,
          });
        }
        seen.add(key);
      }
    }
    return findings;
  },
};
