// For every resource present in both maps, the request may not exceed the limit ("must be less
// than or equal to cpu limit of 1"), and no quantity may be negative. Quantities are compared
// exactly (500m vs 0.5, 1Gi vs 1024Mi). core/validation.go validateResourceRequirements.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits
import { compareQuantities, isNegative, parseQuantity, quantityText } from '../../k8s/quantity';
import { resourceBlocks } from '../../k8s/resource-blocks';
import { capitalize } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const resourcesRequestExceedsLimit: Rule = {
  meta: {
    id: 'resources-request-exceeds-limit',
    defaultSeverity: 'error',
    category: 'resources',
    summary: 'A resource request is larger than its limit (or a quantity is negative); the API server rejects it.',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const block of resourceBlocks(context)) {
      for (const map of ['requests', 'limits'] as const) {
        for (const [name, raw] of Object.entries(block[map] ?? {})) {
          const quantity = parseQuantity(raw);
          if (quantity && isNegative(quantity)) {
            findings.push({
              path: [...block.path, map, name],
              target: 'value',
              message: `${capitalize(block.owner)}: ${map}.${name} ${quantityText(raw)} is negative`,
              detail: 'The API server rejects it ("must be greater than or equal to 0").',
            });
          }
        }
      }
      if (!block.requests || !block.limits) continue;
      for (const [name, rawRequest] of Object.entries(block.requests)) {
        const rawLimit = block.limits[name];
        const request = parseQuantity(rawRequest);
        const limit = parseQuantity(rawLimit);
        if (!request || !limit || compareQuantities(request, limit) <= 0) continue;
        const requestPath = [...block.path, 'requests', name];
        const limitPath = [...block.path, 'limits', name];
        findings.push({
          path: requestPath,
          target: 'value',
          message: `${capitalize(block.owner)}: ${name} request ${quantityText(rawRequest)} is larger than its limit ${quantityText(rawLimit)}`,
          detail: `The API server rejects it ("must be less than or equal to ${name} limit of ${quantityText(rawLimit)}"). Lower the request or raise the limit.`,
          fixes: [
            { title: `Lower the ${name} request to ${quantityText(rawLimit)}`, intents: [{ op: 'set', path: requestPath, value: rawLimit }], preferred: true },
            { title: `Raise the ${name} limit to ${quantityText(rawRequest)}`, intents: [{ op: 'set', path: limitPath, value: rawRequest }] },
          ],
        });
      }
    }
    return findings;
  },
};
