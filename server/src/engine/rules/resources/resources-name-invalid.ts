// Container requests and limits accept only container resources: cpu, memory,
// ephemeral-storage and hugepages-<size> without a domain, kubernetes.io/ names, and extended
// resources of the form <domain>/<name>. Quota names such as `pods` or `storage`, typos such as
// `memroy`, and bare vendor names such as `gpu` are rejected. A hugepages quantity must be a whole
// multiple of its page size. core/validation.go validateContainerResourceName,
// validateResourceName, validateResourceQuantityHugePageValue.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#resource-types
import { didYouMean } from '../../k8s/did-you-mean';
import { qualifiedNameErrors } from '../../k8s/names';
import { capitalize, fitMessage, quoteShort } from '../../k8s/phrasing';
import { parseQuantity, quantityText } from '../../k8s/quantity';
import { isHugePages, isNativeResource, resourceBlocks } from '../../k8s/resource-blocks';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

export const resourcesNameInvalid: Rule = {
  meta: {
    id: 'resources-name-invalid',
    defaultSeverity: 'error',
    category: 'resources',
    summary: 'A container requests or limits a resource name containers cannot have (pods, storage, gpu, a typo), or a hugepages size/amount is invalid.',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const block of resourceBlocks(context)) {
      // Pod-level resources (spec.resources) have their own, still growing list of names
      // (cpu, memory, then hugepages and pids): not checked here.
      if (block.owner === 'the Pod') continue;
      for (const map of ['requests', 'limits'] as const) {
        for (const [name, raw] of Object.entries(block[map] ?? {})) {
          const path = [...block.path, map, name];
          const problem = nameProblem(name);
          if (problem) {
            const suggestion = name.includes('/') ? undefined : didYouMean(name.toLowerCase(), CONTAINER_RESOURCES);
            const fixes: FixSpec[] =
              suggestion && !(suggestion in (block[map] ?? {}))
                ? [{ title: `Rename to ${suggestion}`, intents: [{ op: 'rename', path, newKey: suggestion }], preferred: true }]
                : [];
            findings.push({
              path,
              target: 'key',
              message: fitMessage(`${capitalize(block.owner)}: ${map}.${name} is not a container resource`, `${map}.${quoteShort(name, 40)} is not a container resource`),
              detail: `The API server rejects it ("${problem}"). Containers take cpu, memory, ephemeral-storage, hugepages-<size> and extended resources such as example.com/gpu.`,
              fixes,
            });
            continue;
          }
          if (!isHugePages(name)) continue;
          const pageSize = parseQuantity(name.slice('hugepages-'.length));
          const amount = parseQuantity(raw);
          if (!amount || amount.numerator < 0n) continue;
          const valid = pageSize && pageSize.numerator > 0n && pageSize.numerator % pageSize.denominator === 0n;
          // amount / pageSize must be a whole number: amount.n * page.d divisible by amount.d * page.n.
          if (valid && (amount.numerator * pageSize.denominator) % (amount.denominator * pageSize.numerator) === 0n) continue;
          findings.push({
            path,
            target: valid ? 'value' : 'key',
            message: fitMessage(
              `${capitalize(block.owner)}: ${map}.${name} ${quantityText(raw)} is not a multiple of the page size`,
              `${map}.${quoteShort(name, 30)} is not a whole number of pages`,
            ),
            detail: `The API server rejects it ("${quantityText(raw)} is not positive integer multiple of ${name}"). ${valid ? 'Request a whole number of pages.' : 'The name must be hugepages-<page size>, for example hugepages-2Mi.'}`,
          });
        }
      }
    }
    return findings;
  },
};

/** The upstream message for a resource name containers may not use, or undefined. */
function nameProblem(name: string): string | undefined {
  const qualified = qualifiedNameErrors(name);
  if (qualified.length > 0) return qualified[0];
  if (!name.includes('/')) return CONTAINER_RESOURCES.includes(name) || isHugePages(name) ? undefined : 'must be a standard resource for containers';
  if (isNativeResource(name)) return undefined;
  if (name.startsWith('requests.') || qualifiedNameErrors(`requests.${name}`).length > 0) return "doesn't follow extended resource name standard";
  return undefined;
}
