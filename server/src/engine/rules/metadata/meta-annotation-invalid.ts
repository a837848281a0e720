// Annotation keys follow the label-key rules (checked after lower-casing, so upper case is fine);
// values are free text but must be strings (`prometheus.io/scrape: true` is a YAML boolean and
// fails to decode), and all keys and values together may not exceed 256 KiB ("Too long").
// apimachinery api/validation ValidateAnnotations, TotalAnnotationSizeLimitB.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/#syntax-and-character-set
import { asObject } from '../../json';
import { metadataBlocks } from '../../k8s/metadata-blocks';
import { qualifiedNameErrors, show } from '../../k8s/names';
import { pathText, quoted } from '../../k8s/phrasing';
import type { Rule } from '../../rule-types';
import type { RuleFinding } from '../../types';

const TOTAL_LIMIT = 256 * 1024;
const encoder = new TextEncoder();
const byteLength = (text: string): number => encoder.encode(text).length;

export const metaAnnotationInvalid: Rule = {
  meta: {
    id: 'meta-annotation-invalid',
    defaultSeverity: 'error',
    category: 'metadata',
    parity: ['object-meta'],
    summary: 'An annotation key is malformed, a value is not a string, or all annotations exceed 256 KiB.',
  },
  checkObject(context) {
    const findings: RuleFinding[] = [];
    for (const block of metadataBlocks(context)) {
      const path = [...block.path, 'annotations'];
      const annotations = asObject(block.metadata.annotations);
      if (!annotations) continue;
      const where = pathText(path);
      let size = 0;
      for (const [key, raw] of Object.entries(annotations)) {
        size += byteLength(key) + (typeof raw === 'string' ? byteLength(raw) : 0);
        const errors = qualifiedNameErrors(key.toLowerCase());
        if (errors.length > 0)
          findings.push({
            path: [...path, key],
            target: 'key',
            message: `Annotation key ${quoted(key)} is not a valid key`,
            detail: `The API server rejects annotation key ${show(key)}: ${errors.join('; ')}.`,
          });
        if (raw === null || raw === undefined || typeof raw === 'string') continue;
        const quotable = typeof raw === 'boolean' || typeof raw === 'number';
        const type = typeof raw === 'boolean' ? 'bool' : typeof raw === 'number' ? 'number' : 'object';
        findings.push({
          path: [...path, key],
          target: 'value',
          message: `Annotation ${quoted(key, 50)} is a YAML ${type}, not a string`,
          detail:
            `kubectl rejects the object ("cannot unmarshal ${type} into Go struct field … of type string"; ${where}). ` +
            (quotable ? `Quote it: "${String(raw)}".` : 'Annotation values are strings; serialize structured data as a quoted JSON string.'),
          fixes: quotable ? [{ title: 'Quote the value', intents: [{ op: 'quote', path: [...path, key] }], preferred: true, safe: true }] : undefined,
        });
      }
      if (size > TOTAL_LIMIT) {
        findings.push({
          path,
          target: 'key',
          message: `Annotations total ${size} bytes, over the ${TOTAL_LIMIT}-byte limit`,
          detail: `The annotations in ${where} total ${size} bytes; the API server rejects more than ${TOTAL_LIMIT} ("Too long: must have at most ${TOTAL_LIMIT} bytes"). Move large data to a ConfigMap.`,
        });
      }
    }
    return findings;
  },
};
