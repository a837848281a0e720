// What a lost indentation (`schema-indentation-lost`) does and does not explain. A `metadata:`
// left empty by unindented `name:` and `labels:` lines explains a missing name, but not a string
// containerPort deep in a `spec` that kept its indentation: findings under a top-level field
// that still holds a mapping stand on their own and are kept, the rest are follow-ons
// (finding-precedence.ts drops them).
// https://kubernetes.io/docs/concepts/overview/working-with-objects/#describing-a-kubernetes-object
import { dropIndentationFollowOns } from './finding-precedence';
import { isObject } from './json';
import type { ObjectContext } from './rule-types';
import type { Finding } from './types';

/** `objectsByDocument[i]`: the checked objects of document i (one, or a List and its items). */
export function dropIndentationFollowOnsOnly(findings: Finding[], objectsByDocument: readonly (readonly ObjectContext[] | undefined)[]): Finding[] {
  if (!findings.some((finding) => finding.ruleId === 'schema-indentation-lost')) return findings;
  const independent = new Set<Finding>();
  for (const finding of findings) {
    if (standsOnItsOwn(finding, objectsByDocument[finding.documentIndex] ?? [])) independent.add(finding);
  }
  if (independent.size === 0) return dropIndentationFollowOns(findings);
  const kept = new Set(dropIndentationFollowOns(findings.filter((finding) => !independent.has(finding))));
  return findings.filter((finding) => independent.has(finding) || kept.has(finding));
}

/**
 * A finding two levels or more below a top-level field whose value is a non-empty mapping, where
 * the second segment is not one of the keys that slid to the top (`spec.containers` with a
 * top-level `containers:` follows from the lost indentation; `spec.template…` does not).
 */
function standsOnItsOwn(finding: Finding, objects: readonly ObjectContext[]): boolean {
  if (finding.ruleId.startsWith('schema-indentation')) return false;
  let owner: ObjectContext | undefined;
  for (const object of objects) {
    const prefix = object.rootPath ?? [];
    if (prefix.length > finding.path.length || !prefix.every((segment, i) => finding.path[i] === segment)) continue;
    if (!owner || prefix.length > (owner.rootPath ?? []).length) owner = object;
  }
  if (!owner) return false;
  const relative = finding.path.slice((owner.rootPath ?? []).length);
  if (relative.length < 2) return false;
  const [top, child] = relative;
  const value = owner.object[String(top)];
  if (!isObject(value) || Object.keys(value).length === 0) return false;
  return typeof child === 'number' || !Object.prototype.hasOwnProperty.call(owner.object, child);
}
