// Runs the YAML checks, the schema and every rule on one parsed document, and the cross-document
// rules on a whole file. Findings come back placed on ranges, with their fixes resolved.
import type { DocumentChunk } from './document-split';
import { isObject } from './json';
import { rangeForPath } from './locate';
import type { ParsedChunk } from './parse';
import { findPodSpec } from './pod-specs';
import { placeObject, shiftFinding } from './placement-memo';
import { ALL_RULES, ruleMeta } from './rules';
import { yamlFindings } from './rules/core/yaml-findings';
import { schemaFindings } from './rules/core/schema-findings';
import type { CheckEnvironment, FileContext, ObjectContext, PodSpecContext, Rule } from './rule-types';
import { resolveFix } from './fixes/resolve-intents';
import type { Finding, RuleFinding } from './types';
import { atLeast, compareVersions } from './versions';

export interface DocumentCheckResult {
  /** Ranges relative to the chunk; documentIndex is filled in by the caller. */
  findings: Finding[];
  objects: ObjectContext[];
  podSpecs: PodSpecContext[];
}

export function runDocumentChecks(parsed: ParsedChunk, env: CheckEnvironment): DocumentCheckResult {
  const findings: Finding[] = yamlFindings(parsed);
  const result: DocumentCheckResult = { findings, objects: [], podSpecs: [] };
  if (parsed.kind !== 'kubernetes' || !isObject(parsed.value) || !parsed.apiVersion || !parsed.objectKind) return result;
  const object: ObjectContext = {
    env,
    object: parsed.value,
    apiVersion: parsed.apiVersion,
    kind: parsed.objectKind,
    name: parsed.name,
    documentIndex: 0,
    objectIndex: 0,
  };
  result.objects.push(object);
  const place = (ruleId: string, raw: RuleFinding): void => {
    findings.push(placeFinding(parsed, ruleId, raw));
  };
  for (const raw of schemaFindings(parsed, object)) place(raw.ruleId ?? 'schema-type', raw);

  const location = findPodSpec(object.kind, object.object);
  const podSpec: PodSpecContext | undefined = location ? { ...object, ...location } : undefined;
  if (podSpec) result.podSpecs.push(podSpec);
  for (const rule of ALL_RULES) {
    if (!appliesTo(rule, env, object.kind)) continue;
    if (rule.checkObject) for (const raw of safeCheck(rule, () => rule.checkObject?.(object))) place(raw.ruleId ?? rule.meta.id, raw);
    if (rule.checkPodSpec && podSpec) for (const raw of safeCheck(rule, () => rule.checkPodSpec?.(podSpec))) place(raw.ruleId ?? rule.meta.id, raw);
  }
  return result;
}

export interface CheckedDocument {
  chunk: DocumentChunk;
  parsed: ParsedChunk;
  result: DocumentCheckResult;
}

/**
 * Cross-document findings, placed and with fixes resolved. A file rule usually reports the same
 * finding again after an edit elsewhere; its placement (range lookup, YAML serialization of its
 * fixes) is memoized per document text and reused.
 */
export function runFileChecks(documents: CheckedDocument[], env: CheckEnvironment): Finding[] {
  const objects: ObjectContext[] = [];
  const podSpecs: PodSpecContext[] = [];
  documents.forEach(({ result }, documentIndex) => {
    for (const object of result.objects) {
      const podSpec = result.podSpecs.find((candidate) => candidate.object === object.object);
      const placed = placeObject(object, podSpec, documentIndex, objects.length);
      objects.push(placed.object);
      if (placed.podSpec) podSpecs.push(placed.podSpec);
    }
  });
  const context: FileContext = { env, objects, podSpecs, documentCount: documents.length, documentKinds: documents.map((d) => d.parsed.kind) };
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (!rule.checkFile || !appliesTo(rule, env, undefined)) continue;
    for (const raw of safeCheck(rule, () => rule.checkFile?.(context))) {
      const document = documents[raw.documentIndex];
      if (!document) continue;
      const ruleId = raw.ruleId ?? rule.meta.id;
      findings.push(shiftFinding(placeFileFinding(document.parsed, ruleId, raw), document.chunk.start, raw.documentIndex));
    }
  }
  return findings;
}

const fileFindingMemo = new WeakMap<ParsedChunk, Map<string, Finding>>();
/** Memo entries per document before it is cleared (file findings of one document are few). */
const FILE_FINDING_MEMO_LIMIT = 256;

function placeFileFinding(parsed: ParsedChunk, ruleId: string, raw: RuleFinding): Finding {
  let memo = fileFindingMemo.get(parsed);
  if (!memo) {
    memo = new Map();
    fileFindingMemo.set(parsed, memo);
  }
  const key = `${ruleId}\u0000${JSON.stringify([raw.path, raw.target, raw.message, raw.severity, raw.fixes])}`;
  let placed = memo.get(key);
  if (!placed) {
    if (memo.size >= FILE_FINDING_MEMO_LIMIT) memo.clear();
    placed = placeFinding(parsed, ruleId, raw);
    memo.set(key, placed);
  }
  return placed;
}

function appliesTo(rule: Rule, env: CheckEnvironment, kind: string | undefined): boolean {
  const meta = rule.meta;
  if (meta.staticPodOnly && !env.isStaticPodManifest) return false;
  if (meta.minVersion && !atLeast(env.kubernetesVersion, meta.minVersion)) return false;
  if (meta.maxVersion && compareVersions(env.kubernetesVersion, meta.maxVersion) > 0) return false;
  if (kind !== undefined && meta.kinds && !meta.kinds.includes(kind)) return false;
  return true;
}

/** A rule that throws on odd input must not take the whole analysis down with it. */
function safeCheck<T>(rule: Rule, run: () => T[] | undefined): T[] {
  try {
    return run() ?? [];
  } catch (error) {
    if (process.env.PODWISE_DEBUG) process.stderr.write(`podwise: rule ${rule.meta.id} failed: ${String(error)}\n`);
    return [];
  }
}

function placeFinding(parsed: ParsedChunk, ruleId: string, raw: RuleFinding): Finding {
  const meta = ruleMeta(ruleId);
  const fixes = [];
  for (const spec of raw.fixes ?? []) {
    const resolved = resolveFix(parsed.document, parsed.text, spec, 0);
    if (resolved) fixes.push(resolved);
  }
  return {
    ruleId,
    severity: raw.severity ?? meta?.defaultSeverity ?? 'warning',
    message: raw.message,
    documentIndex: 0,
    path: raw.path,
    range: rangeForPath(parsed.document, parsed.text, raw.path, raw.target ?? 'key'),
    fixes,
  };
}
