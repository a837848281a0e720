// Names the API server uses as one segment of a URL path (a scaled object's kind and name, a
// metric name): they may not be "." or ".." and may not contain "/" or "%".
// apimachinery api/validation/path IsValidPathSegmentName.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#path-segment-names
import { asString, getIn, type JsonObject } from '../json';
import type { FieldPath, RuleFinding } from '../types';
import { pathText, quoteShort } from './phrasing';

/** The upstream messages for a value that cannot be a path segment; empty when it can. */
export function pathSegmentErrors(value: string): string[] {
  if (value === '.' || value === '..') return [`may not be '${value}'`];
  const errors: string[] = [];
  if (value.includes('/')) errors.push("may not contain '/'");
  if (value.includes('%')) errors.push("may not contain '%'");
  return errors;
}

/** kind and name of a CrossVersionObjectReference: required, and usable as URL path segments. */
export function objectReferenceFindings(ref: JsonObject | undefined, path: FieldPath, what: string): RuleFinding[] {
  if (!ref) return [];
  const findings: RuleFinding[] = [];
  for (const field of ['kind', 'name']) {
    const raw = getIn(ref, [field]);
    const value = asString(raw);
    if (raw !== undefined && raw !== null && value === undefined) continue; // schema-type
    if (value === undefined || value === '') {
      // A missing key is schema-required's; an empty one passes the schema.
      if (raw === undefined || raw === null) continue;
      findings.push({
        path: [...path, field],
        target: 'value',
        message: `${what}.${field} is empty`,
        detail: `The API server rejects it (${pathText([...path, field])}: Required value). Name the ${field === 'kind' ? 'kind (e.g. Deployment)' : 'object'} to scale.`,
      });
      continue;
    }
    const errors = pathSegmentErrors(value);
    if (errors.length === 0) continue;
    findings.push({
      path: [...path, field],
      target: 'value',
      message: `${what}.${field} ${quoteShort(value, 40)} ${errors[0]}`,
      detail: `The API server rejects it (${pathText([...path, field])}: ${errors.join(', ')}): the value becomes part of a URL path. Use the plain ${field}; the API group belongs in apiVersion.`,
    });
  }
  return findings;
}
