// memory and ephemeral-storage are byte counts; a fraction (usually `512m` typed for `512Mi`,
// which means 0.512 bytes) is accepted with a warning ("fractional byte value "512m" is invalid,
// must be an integer") and rounded up, so the container ends up with a 1-byte request or limit.
// pkg/api/pod/warnings.go.
// https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-memory
import { isWholeNumber, parseQuantity, quantityText } from '../../k8s/quantity';
import { resourceBlocks } from '../../k8s/resource-blocks';
import { capitalize, quoteShort } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { FixSpec, RuleFinding } from '../../types';

const BYTE_RESOURCES = ['memory', 'ephemeral-storage'];

export const resourcesFractionalBytes: Rule = {
  meta: {
    id: 'resources-fractional-bytes',
    defaultSeverity: 'warning',
    category: 'resources',
    summary: 'A memory or ephemeral-storage quantity has a fractional byte value, almost always `m` typed for `Mi`.',
    parity: ['pod-resources'],
  },
  checkPodSpec(context) {
    const findings: RuleFinding[] = [];
    for (const block of resourceBlocks(context)) {
      for (const map of ['requests', 'limits'] as const) {
        for (const [name, raw] of Object.entries(block[map] ?? {})) {
          if (!BYTE_RESOURCES.includes(name)) continue;
          const quantity = parseQuantity(raw);
          if (!quantity || isWholeNumber(quantity)) continue;
          const path = [...block.path, map, name];
          const text = quantityText(raw);
          const fixes: FixSpec[] = [];
          let advice = `Write a whole number of bytes, or use Mi/Gi (for example 512Mi).`;
          if (quantity.suffix === 'm') {
            const mebibytes = `${quantity.number}Mi`;
            advice = `"m" means thousandths, so this is ${quantity.number}/1000 of a byte; you almost certainly meant ${mebibytes}.`;
            fixes.push({ title: `Change ${text} to ${mebibytes}`, intents: [{ op: 'set', path, value: mebibytes }], preferred: true });
          }
          findings.push({
            path,
            target: 'value',
            message: `${capitalize(block.owner)}: ${map}.${name} ${quoteShort(text, 20)} is a fractional number of bytes`,
            detail: `The API server warns "fractional byte value "${text}" is invalid, must be an integer" and rounds it up. ${advice}`,
            fixes,
          });
        }
      }
    }
    return findings;
  },
};
