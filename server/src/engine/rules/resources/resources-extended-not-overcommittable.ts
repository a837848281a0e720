// Extended resources (nvidia.com/gpu, …) and hugepages cannot be overcommitted: a request needs
// a limit ("Limit must be set for non overcommitable resources") and must equal it ("must be
// equal to … limit of …"); extended resources are whole numbers ("must be an integer"); hugepages
// need cpu or memory next to them ("HugePages require cpu or memory").
// core/validation.go validateResourceRequirements, ValidateResourceQuantityValue.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#extended-resources
import { compareQuantities, isWholeNumber, parseQuantity, quantityText } from '../../k8s/quantity';
import { isExtendedResource, isHugePages, resourceBlocks } from '../../k8s/resource-blocks';
import { capitalize } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

export const resourcesExtendedNotOvercommittable: Rule = {
  meta: {
    id: 'resources-extended-not-overcommittable',
    defaultSeverity: 'error',
    category: 'resources',
    summary: 'An extended resource or hugepages request has no equal limit, is fractional, or hugepages lack cpu/memory.',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const block of resourceBlocks(context)) {
      const requests = block.requests ?? {};
      const limits = block.limits ?? {};
      for (const map of ['requests', 'limits'] as const) {
        for (const [name, raw] of Object.entries(block[map] ?? {})) {
          const quantity = parseQuantity(raw);
          if (!isExtendedResource(name) || !quantity || isWholeNumber(quantity)) continue;
          findings.push({
            path: [...block.path, map, name],
            target: 'value',
            message: `${capitalize(block.owner)}: ${map}.${name} ${quantityText(raw)} is not a whole number`,
            detail: 'The API server rejects it ("must be an integer"). Extended resources are counted in whole units.',
          });
        }
      }
      for (const [name, rawRequest] of Object.entries(requests)) {
        if (!isExtendedResource(name) && !isHugePages(name)) continue;
        const requestPath = [...block.path, 'requests', name];
        if (!(name in limits)) {
          // The API server names the (missing) limits map; a missing key is placed on its parent.
          findings.push({
            path: [...block.path, 'limits'],
            target: 'key',
            message: `${capitalize(block.owner)} requests ${name} without a limit`,
            detail: `The API server rejects it ("Limit must be set for non overcommitable resources"). Set limits.${name} to the same value.`,
            fixes: [
              {
                title: `Add limits.${name}: ${quantityText(rawRequest)}`,
                intents: [{ op: 'insert', path: [...block.path, 'limits'], key: name, value: rawRequest }],
                preferred: true,
                safe: true,
              },
            ],
          });
          continue;
        }
        const request = parseQuantity(rawRequest);
        const limit = parseQuantity(limits[name]);
        // request > limit is resources-request-exceeds-limit's finding.
        if (!request || !limit || compareQuantities(request, limit) >= 0) continue;
        findings.push({
          path: requestPath,
          target: 'value',
          message: `${capitalize(block.owner)}: ${name} request ${quantityText(rawRequest)} differs from its limit ${quantityText(limits[name])}`,
          detail: `${name} cannot be overcommitted, so the API server rejects it ("must be equal to ${name} limit of ${quantityText(limits[name])}"). Make the request equal to the limit.`,
          fixes: [{ title: `Set the request to ${quantityText(limits[name])}`, intents: [{ op: 'set', path: requestPath, value: limits[name] }], preferred: true }],
        });
      }
      const names = [...Object.keys(requests), ...Object.keys(limits)];
      const hugePages = names.find(isHugePages);
      if (hugePages && !names.some((name) => name === 'cpu' || name === 'memory')) {
        // The API server reports it on the resources block as a whole.
        findings.push({
          path: block.path,
          target: 'key',
          message: `${capitalize(block.owner)} requests ${hugePages} without cpu or memory`,
          detail: 'The API server rejects it ("HugePages require cpu or memory"). Add a memory (or cpu) request or limit.',
        });
      }
    }
    return findings;
  },
};
