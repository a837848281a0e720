// When a rule and the schema report the same field, the rule's message is the better one: it
// knows the field (a lower-case `scheme`, a named gRPC port, a missing apps/v1 selector).
import type { Finding, Severity } from './types';

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

/**
 * Drops schema findings whose path (in the same document) a rule also reports — only when the
 * rule's finding is at least as severe, so advice never hides an error. Runs after user
 * severities, so a rule turned off or down never takes a schema error with it.
 */
export function preferRuleFindings(findings: Finding[]): Finding[] {
  // Runs on every analysis over the whole file, so it only looks at documents that have a schema
  // finding at all (usually none), and only builds path keys there.
  const schemaDocuments = new Set<number>();
  for (const finding of findings) if (finding.ruleId.startsWith('schema-')) schemaDocuments.add(finding.documentIndex);
  if (schemaDocuments.size === 0) return findings;
  const key = (finding: Finding): string => `${finding.documentIndex}:${JSON.stringify(finding.path)}`;
  const strongest = new Map<string, number>();
  for (const finding of findings) {
    if (finding.ruleId.startsWith('schema-') || finding.path.length === 0 || !schemaDocuments.has(finding.documentIndex)) continue;
    strongest.set(key(finding), Math.max(strongest.get(key(finding)) ?? -1, SEVERITY_RANK[finding.severity]));
  }
  if (strongest.size === 0) return findings;
  return findings.filter((finding) => !finding.ruleId.startsWith('schema-') || (strongest.get(key(finding)) ?? -1) < SEVERITY_RANK[finding.severity]);
}

/** Fields whose findings stand whatever the indentation: they are at the top in any case. */
const ROOT_FIELDS: ReadonlySet<string | number> = new Set(['apiVersion', 'kind']);

/**
 * An object whose indentation was lost (`schema-indentation-lost`) has an empty metadata and
 * spec and its fields at the top: a missing name, no containers and the like follow from that one
 * problem and go away with its fix, so they are dropped. YAML findings and findings on apiVersion
 * and kind stay. Runs after user severities: with the indentation finding off, nothing is dropped.
 */
export function dropIndentationFollowOns(findings: Finding[]): Finding[] {
  const lost = findings.filter((finding) => finding.ruleId === 'schema-indentation-lost');
  if (lost.length === 0) return findings;
  // The object's root: the finding sits on a top-level key (`['items', 2, 'name']` in a List).
  const roots = lost.map((finding) => ({ documentIndex: finding.documentIndex, prefix: finding.path.slice(0, -1) }));
  const followsOn = (finding: Finding): boolean =>
    finding.ruleId !== 'schema-indentation-lost' &&
    !finding.ruleId.startsWith('yaml-') &&
    roots.some(
      ({ documentIndex, prefix }) =>
        finding.documentIndex === documentIndex &&
        finding.path.length > prefix.length &&
        prefix.every((segment, i) => finding.path[i] === segment) &&
        !ROOT_FIELDS.has(finding.path[prefix.length]),
    );
  return findings.filter((finding) => !followsOn(finding));
}
