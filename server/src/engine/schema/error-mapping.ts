// Turns the raw ajv error list (allErrors: every failure, some of them echoes of another) into
// the few findings a person should see: one per field, in document order, capped.
import type { FieldPath, RuleFinding } from '../types';
import { enumFinding, otherFinding, patternFinding, rangeFinding, requiredFinding, typeFinding, unknownFieldFinding, type ErrorSite } from './error-messages';
import { isRecord, pointerToPath, valueAt } from './field-format';
import { schemaAtPath } from './schema-walk';
import type { AjvError, Definitions } from './validator-registry';

/** At most this many schema findings per document; the rest are summed up in one info finding. */
export const SCHEMA_FINDING_CAP = 20;

export interface MappingContext {
  readonly definitions: Definitions;
  /** The kind's definition name, where every instance path starts. */
  readonly root: string;
  readonly kind: string;
  /** The validated data (what instance paths point into). */
  readonly data: unknown;
}

// Lower wins when several failures land on one field: a wrong type explains a failed enum or
// pattern on the same value, so only the type is reported.
const PRIORITY: Readonly<Record<string, number>> = {
  type: 0,
  additionalProperties: 0,
  required: 1,
  enum: 2,
  pattern: 3,
  maximum: 4,
  minimum: 4,
};

interface Candidate {
  finding: RuleFinding;
  priority: number;
  /** Set on unknown-field findings: the allowed name suggested instead. */
  suggestion?: string;
}

function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

function isStrictPrefix(prefix: FieldPath, path: FieldPath): boolean {
  return prefix.length < path.length && prefix.every((segment, i) => segment === path[i]);
}

/** Position of each path segment among its siblings, to sort findings as they appear in the file. */
function documentOrder(data: unknown, path: FieldPath): number[] {
  const order: number[] = [];
  let current = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      order.push(segment);
      current = current[segment];
    } else if (isRecord(current) && typeof segment === 'string') {
      order.push(Object.keys(current).indexOf(segment));
      current = current[segment];
    } else {
      order.push(Number.MAX_SAFE_INTEGER);
      current = undefined;
    }
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function toCandidate(error: AjvError, ctx: MappingContext, missing: Map<string, { path: FieldPath; names: string[] }>): Candidate | undefined {
  const path = pointerToPath(error.instancePath, ctx.data);
  const value = valueAt(ctx.data, path);
  const resolved = schemaAtPath(ctx.definitions, ctx.root, path);
  const priority = PRIORITY[error.keyword] ?? 5;
  const site: ErrorSite = { path, value, resolved, kind: ctx.kind, data: ctx.data };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params['additionalProperty']);
      const { suggestion, ...finding } = unknownFieldFinding(ctx.definitions, path, key, value, resolved, ctx.data);
      return { finding, priority, suggestion };
    }
    case 'required': {
      // Collected per parent and turned into one finding after the loop.
      const entry = missing.get(pathKey(path)) ?? { path, names: [] };
      const name = String(error.params['missingProperty']);
      if (!entry.names.includes(name)) entry.names.push(name);
      missing.set(pathKey(path), entry);
      return undefined;
    }
    case 'type':
      return { finding: typeFinding(site), priority };
    case 'enum': {
      const allowed = error.params['allowedValues'];
      return { finding: enumFinding(site, Array.isArray(allowed) ? allowed : []), priority };
    }
    case 'pattern':
      return { finding: patternFinding(site), priority };
    case 'maximum':
    case 'minimum':
      return { finding: rangeFinding(site, error.keyword, error.params['limit']), priority };
    case '$ref':
    case 'if':
    case 'anyOf':
    case 'oneOf':
      // Summaries of failures already reported below them.
      return undefined;
    default:
      return { finding: otherFinding(site, error.keyword), priority };
  }
}

/** Maps a validator's errors to findings: collapsed per field, in document order, capped. */
export function mapSchemaErrors(errors: readonly AjvError[], ctx: MappingContext): RuleFinding[] {
  const byPath = new Map<string, Candidate>();
  const missing = new Map<string, { path: FieldPath; names: string[] }>();
  const keep = (candidate: Candidate): void => {
    const key = pathKey(candidate.finding.path);
    const existing = byPath.get(key);
    if (existing === undefined || candidate.priority < existing.priority) byPath.set(key, candidate);
  };
  for (const error of errors) {
    const candidate = toCandidate(error, ctx, missing);
    if (candidate !== undefined) keep(candidate);
  }

  for (const { path, names } of missing.values()) {
    // A misspelt required field ("Name" for "name") is reported once, as the unknown field
    // whose rename fixes both.
    const misspelt = new Set<string>();
    for (const candidate of byPath.values()) {
      const p = candidate.finding.path;
      if (candidate.suggestion !== undefined && p.length === path.length + 1 && isStrictPrefix(path, p)) misspelt.add(candidate.suggestion);
    }
    const reallyMissing = names.filter((name) => !misspelt.has(name));
    if (reallyMissing.length > 0) keep({ finding: requiredFinding(path, reallyMissing, ctx.kind, ctx.data), priority: PRIORITY['required'] ?? 1 });
  }

  // A field of the wrong type explains everything below it.
  const wrongTyped = [...byPath.values()].filter((c) => c.finding.ruleId === 'schema-type').map((c) => c.finding.path);
  const findings = [...byPath.values()].map((c) => c.finding).filter((f) => !wrongTyped.some((p) => isStrictPrefix(p, f.path)));

  const order = new Map(findings.map((f) => [f, documentOrder(ctx.data, f.path)]));
  findings.sort((a, b) => compareOrder(order.get(a) ?? [], order.get(b) ?? []));

  if (findings.length <= SCHEMA_FINDING_CAP) return findings;
  const hidden = findings.length - SCHEMA_FINDING_CAP;
  const shown = findings.slice(0, SCHEMA_FINDING_CAP);
  shown.push({
    path: [],
    target: 'key',
    ruleId: 'schema-too-many',
    severity: 'info',
    message: `${hidden} more schema ${hidden === 1 ? 'problem' : 'problems'} in this ${ctx.kind} not shown; fix the ones above first`,
  });
  return shown;
}
