// Runs the YAML checks, the schema and every rule on one parsed document, and the cross-document
// rules on a whole file. Findings come back placed on ranges, with their fixes resolved.
import type { DocumentChunk } from './document-split';
import { isObject } from './json';
import { clipText, MESSAGE_LIMIT } from './k8s/phrasing';
import { readList } from './list-items';
import { rangeForPath } from './locate';
import type { ParsedChunk } from './parse';
import { isKindCollision } from './k8s/api-catalog';
import { findPodSpec } from './pod-specs';
import { keptInPatch, kustomized } from './kustomize/partial-objects';
import { placeObject, shiftFinding } from './placement-memo';
import { ALL_RULES, ruleMeta } from './rules';
import { yamlFindings } from './yaml-findings';
import { schemaFindings } from './schema-findings';
import type { CheckEnvironment, FileContext, FileRuleFinding, ObjectContext, PodSpecContext, Rule } from './rule-types';
import { resolveFix } from './fixes/resolve-intents';
import type { FieldPath, Finding, FixIntent, RuleFinding } from './types';
import { atLeast, compareVersions } from './versions';

export interface DocumentCheckResult {
  /** Ranges relative to the chunk; documentIndex is filled in by the caller. */
  findings: Finding[];
  objects: ObjectContext[];
  podSpecs: PodSpecContext[];
}

/**
 * `shouldStop` (the analyzer's time budget) is asked between rules; when it says stop, the
 * result so far is dropped (undefined): a cached partial result would hide the other rules' findings.
 */
export function runDocumentChecks(parsed: ParsedChunk, env: CheckEnvironment, shouldStop?: () => boolean): DocumentCheckResult | undefined {
  const findings: Finding[] = yamlFindings(parsed);
  const result: DocumentCheckResult = { findings, objects: [], podSpecs: [] };
  if (env.kustomize?.kind === 'kustomization') return checkKustomization(parsed, env, result, shouldStop);
  if (parsed.kind !== 'kubernetes' || !isObject(parsed.value) || !parsed.apiVersion || !parsed.objectKind) return result;
  const object: ObjectContext = {
    env,
    // A resource whose kustomizations add selector labels or pin images is judged as kustomize sends it.
    object: env.kustomize?.kind === 'resource' ? kustomized(parsed.value, parsed.objectKind, env.kustomize) : parsed.value,
    apiVersion: parsed.apiVersion,
    kind: parsed.objectKind,
    name: parsed.name,
    documentIndex: 0,
    objectIndex: 0,
    rootPath: [],
  };
  // A List (list-items.ts): the wrapper is checked for what it has, then every item as an object
  // of its own, its findings and fixes placed under ['items', i].
  const list = readList(object);
  const broken = isBroken(parsed);
  if (!checkObject(parsed, object, list?.findings, result, broken, shouldStop)) return undefined;
  for (const item of list?.items ?? []) if (!checkObject(parsed, item, undefined, result, broken, shouldStop)) return undefined;
  return result;
}

/**
 * A document with a YAML syntax error: kubectl rejects the file, and what `yaml` recovered of the
 * tree is a guess (a key glued to the line before, a value cut short). Its one yaml-syntax finding
 * is the clear one; schema and rule findings on the guess would be a cascade, so there are none.
 * Duplicate keys and a broken separator (parse.ts) leave an exact tree: those are still checked.
 */
function isBroken(parsed: ParsedChunk): boolean {
  return parsed.errors.some((error) => error.code !== 'DUPLICATE_KEY' && error.code !== 'BAD_SEPARATOR');
}

/**
 * Schema (or the given wrapper findings) and every rule on one object of the document; false when
 * stopped. A `broken` document's objects are kept for the file rules, without findings of their own.
 */
function checkObject(
  parsed: ParsedChunk,
  object: ObjectContext,
  schema: readonly RuleFinding[] | undefined,
  result: DocumentCheckResult,
  broken: boolean,
  shouldStop?: () => boolean,
): boolean {
  const prefix = object.rootPath ?? [];
  result.objects.push(object);
  const disabled = object.env.enablement?.disabled;
  const place = (ruleId: string, raw: RuleFinding): void => {
    // Dropped by applySeverities anyway: not worth a range and fixes (a schema finding turned off).
    if (disabled?.has(ruleId)) return;
    if (object.env.kustomize?.kind === 'patch' && !keptInPatch(ruleId, raw.path, object.object)) return;
    result.findings.push(placeFinding(parsed, ruleId, raw, prefix));
  };
  const location = findPodSpec(object.apiVersion, object.kind, object.object);
  const podSpec: PodSpecContext | undefined = location ? { ...object, ...location } : undefined;
  if (podSpec) result.podSpecs.push(podSpec);
  if (broken) return true;
  for (const raw of schema ?? schemaFindings(object)) place(raw.ruleId ?? 'schema-type', raw);
  for (const rule of objectRules(object.env, object.kind, object.apiVersion)) {
    if (shouldStop?.()) return false;
    if (rule.checkObject) for (const raw of safeCheck(rule, () => rule.checkObject?.(object), crashOnObject)) place(raw.ruleId ?? rule.meta.id, raw);
    if (rule.checkPodSpec && podSpec && !location?.skipRules?.includes(rule.meta.id))
      for (const raw of safeCheck(rule, () => rule.checkPodSpec?.(podSpec), crashOnObject)) place(raw.ruleId ?? rule.meta.id, raw);
  }
  return true;
}

/**
 * A kustomization file (classify-file.ts): not an object for the API server, so no schema and no
 * manifest rules; the kustomize rules read it, written `kind` or not (kustomize defaults it).
 */
function checkKustomization(parsed: ParsedChunk, env: CheckEnvironment, result: DocumentCheckResult, shouldStop?: () => boolean): DocumentCheckResult | undefined {
  if (!isObject(parsed.value) || isBroken(parsed)) return result;
  const kind = parsed.objectKind === 'Component' ? 'Component' : 'Kustomization';
  const object: ObjectContext = { env, object: parsed.value, apiVersion: parsed.apiVersion ?? '', kind, name: parsed.name, documentIndex: 0, objectIndex: 0, rootPath: [] };
  for (const rule of rulesOf(env)) {
    if (rule.meta.category !== 'kustomize' || !rule.checkObject || !runs(rule, env) || !appliesTo(rule, env, kind)) continue;
    if (shouldStop?.()) return undefined;
    for (const raw of safeCheck(rule, () => rule.checkObject?.(object), crashOnObject)) result.findings.push(placeFinding(parsed, raw.ruleId ?? rule.meta.id, raw, []));
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
  /** The objects of each document: one, or a List and its items. */
  const byDocument: ObjectContext[][] = [];
  documents.forEach(({ result }, documentIndex) => {
    const own: ObjectContext[] = [];
    for (const object of result.objects) {
      const podSpec = result.podSpecs.find((candidate) => candidate.object === object.object);
      const placed = placeObject(object, podSpec, documentIndex, objects.length);
      objects.push(placed.object);
      own.push(placed.object);
      if (placed.podSpec) podSpecs.push(placed.podSpec);
    }
    byDocument.push(own);
  });
  const context: FileContext = { env, objects, podSpecs, documentCount: documents.length, documentKinds: documents.map((d) => d.parsed.kind) };
  const findings: Finding[] = [];
  for (const rule of rulesOf(env)) {
    if (!rule.checkFile || !runs(rule, env) || !appliesTo(rule, env, undefined)) continue;
    for (const raw of safeCheck(rule, () => rule.checkFile?.(context), crashInFile)) {
      const document = documents[raw.documentIndex];
      // A document with a syntax error has its yaml-syntax finding only (isBroken).
      if (!document || (isBroken(document.parsed) && raw.ruleId !== 'internal-error')) continue;
      const ruleId = raw.ruleId ?? rule.meta.id;
      if (env.enablement?.disabled.has(ruleId)) continue;
      const prefix = ownerOf(raw, objects, byDocument[raw.documentIndex] ?? [])?.rootPath ?? [];
      findings.push(shiftFinding(placeFileFinding(document.parsed, ruleId, raw, prefix), document.chunk.start, raw.documentIndex));
    }
  }
  return findings;
}

/** False while `withoutFixes` runs. */
let resolveFixes = true;

/**
 * Runs `analysis` (synchronous) with findings made without their fixes: for a caller that never
 * shows or applies them (`podwise check`), resolving each fix into text edits is wasted work.
 */
export function withoutFixes<T>(analysis: () => T): T {
  const before = resolveFixes;
  resolveFixes = false;
  try {
    return analysis();
  } finally {
    resolveFixes = before;
  }
}

const fileFindingMemo = new WeakMap<ParsedChunk, Map<string, Finding>>();
/** Memo entries per document before it is cleared (file findings of one document are few). */
const FILE_FINDING_MEMO_LIMIT = 256;

/**
 * The object a file finding is about: the one it names (`objectIndex`), else the document's only
 * object, else (a List whose items a rule did not name) the one in which most of its path exists.
 */
function ownerOf(raw: FileRuleFinding, objects: readonly ObjectContext[], candidates: readonly ObjectContext[]): ObjectContext | undefined {
  const named = raw.objectIndex === undefined ? undefined : objects[raw.objectIndex];
  if (named && named.documentIndex === raw.documentIndex) return named;
  if (candidates.length <= 1) return candidates[0];
  let best: ObjectContext | undefined;
  let bestDepth = -1;
  for (const candidate of candidates) {
    let depth = 0;
    let node: unknown = candidate.object;
    for (const segment of raw.path) {
      const next: unknown = typeof segment === 'number' ? (Array.isArray(node) ? node[segment] : undefined) : isObject(node) ? node[segment] : undefined;
      if (next === undefined) break;
      node = next;
      depth += 1;
    }
    if (depth > bestDepth) {
      best = candidate;
      bestDepth = depth;
    }
  }
  return best;
}

function placeFileFinding(parsed: ParsedChunk, ruleId: string, raw: RuleFinding, prefix: FieldPath): Finding {
  let memo = fileFindingMemo.get(parsed);
  if (!memo) {
    memo = new Map();
    fileFindingMemo.set(parsed, memo);
  }
  const key = `${ruleId}\u0000${resolveFixes}\u0000${JSON.stringify([prefix, raw.path, raw.target, raw.message, raw.detail, raw.severity, raw.fixes])}`;
  let placed = memo.get(key);
  if (!placed) {
    if (memo.size >= FILE_FINDING_MEMO_LIMIT) memo.clear();
    placed = placeFinding(parsed, ruleId, raw, prefix);
    memo.set(key, placed);
  }
  return placed;
}

/**
 * `meta.kinds` names built-in kinds by their name: a custom resource that shares the name
 * (Knative's `serving.knative.dev/v1 Service`, a `Deployment` of some CRD group) is not one.
 */
function appliesTo(rule: Rule, env: CheckEnvironment, kind: string | undefined, apiVersion?: string): boolean {
  const meta = rule.meta;
  if (meta.staticPodOnly && !env.isStaticPodManifest) return false;
  if (meta.minVersion && !atLeast(env.kubernetesVersion, meta.minVersion)) return false;
  if (meta.maxVersion && compareVersions(env.kubernetesVersion, meta.maxVersion) > 0) return false;
  if (kind !== undefined && meta.kinds && (!meta.kinds.includes(kind) || (apiVersion !== undefined && isKindCollision(apiVersion, kind)))) return false;
  return true;
}

/** Whether the analysis runs the rule at all (rule-enablement.ts: not when all it finds would be dropped). */
function runs(rule: Rule, env: CheckEnvironment): boolean {
  return env.enablement?.disabled.has(rule.meta.id) !== true;
}

function rulesOf(env: CheckEnvironment): readonly Rule[] {
  return env.extraRules && env.extraRules.length > 0 ? [...ALL_RULES, ...env.extraRules] : ALL_RULES;
}

/**
 * The rules that apply to an object (appliesTo) and check objects or Pod specs, in rule order.
 * What appliesTo reads (version, static Pod, kind, apiVersion) takes few values in a run, so the
 * list is worked out once per combination instead of testing every rule on every object.
 */
const objectRulesMemo = new WeakMap<readonly Rule[], Map<string, readonly Rule[]>>();
const OBJECT_RULES_MEMO_LIMIT = 1024;

function objectRules(env: CheckEnvironment, kind: string, apiVersion: string): readonly Rule[] {
  // Extra rules (tests, plugins) are rare: they are filtered each time.
  if (env.extraRules && env.extraRules.length > 0)
    return rulesOf(env).filter((rule) => (rule.checkObject || rule.checkPodSpec) && runs(rule, env) && appliesTo(rule, env, kind, apiVersion));
  let byKey = objectRulesMemo.get(ALL_RULES);
  if (!byKey) {
    byKey = new Map();
    objectRulesMemo.set(ALL_RULES, byKey);
  }
  const key = `${env.kubernetesVersion}\u0000${env.isStaticPodManifest === true}\u0000${kind}\u0000${apiVersion}\u0000${env.enablement?.key ?? ''}`;
  let rules = byKey.get(key);
  if (!rules) {
    // Bounded: apiVersion and kind come from the documents.
    if (byKey.size >= OBJECT_RULES_MEMO_LIMIT) byKey.clear();
    rules = ALL_RULES.filter((rule) => (rule.checkObject || rule.checkPodSpec) && runs(rule, env) && appliesTo(rule, env, kind, apiVersion));
    byKey.set(key, rules);
  }
  return rules;
}

/**
 * A rule that throws is a Podwise bug. It must not take the rest of the analysis down, and it must
 * not look like "no findings" either (a crash would hide the problems the rule exists to find):
 * it becomes one `internal-error` finding that names the rule, where tests and fuzz properties
 * see it and users can report it.
 */
function safeCheck<T>(rule: Rule, run: () => T[] | undefined, crash: (ruleId: string, error: unknown) => T): T[] {
  try {
    return run() ?? [];
  } catch (error) {
    if (process.env.PODWISE_DEBUG) process.stderr.write(`podwise: rule ${rule.meta.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return [crash(rule.meta.id, error)];
  }
}

function crashDetail(error: unknown): string {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const short = reason.length > 300 ? `${reason.slice(0, 299)}…` : reason;
  return `The rule did not check this object (${short}). Please report this Podwise bug.`;
}

/** On the object's `kind` key: the rule looked at the whole object. */
const crashOnObject = (ruleId: string, error: unknown): RuleFinding => ({
  ruleId: 'internal-error',
  path: ['kind'],
  target: 'key',
  message: clipText(`Rule ${ruleId} crashed here and did not check this object`, MESSAGE_LIMIT),
  detail: crashDetail(error),
});

/** A file rule sees every document; the finding goes on the first one. */
const crashInFile = (ruleId: string, error: unknown): FileRuleFinding => ({ ...crashOnObject(ruleId, error), documentIndex: 0 });

/**
 * A rule finding placed in its document. `prefix` is the object's `rootPath` (['items', i] for a
 * List item): rules speak from the object, so its path and every fix intent's path get it.
 */
function placeFinding(parsed: ParsedChunk, ruleId: string, raw: RuleFinding, prefix: FieldPath = []): Finding {
  const meta = ruleMeta(ruleId);
  const path = prefix.length === 0 ? raw.path : [...prefix, ...raw.path];
  const fixes = [];
  for (const spec of resolveFixes ? (raw.fixes ?? []) : []) {
    const intents = prefix.length === 0 ? spec.intents : spec.intents.map((intent): FixIntent => ({ ...intent, path: [...prefix, ...intent.path] }));
    const resolved = resolveFix(parsed.document, parsed.text, intents === spec.intents ? spec : { ...spec, intents }, 0);
    if (resolved) fixes.push(resolved);
  }
  return {
    ruleId,
    severity: raw.severity ?? meta?.defaultSeverity ?? 'warning',
    message: raw.message,
    ...(raw.detail ? { detail: raw.detail } : {}),
    documentIndex: 0,
    path,
    range: rangeForPath(parsed.document, parsed.text, path, raw.target ?? 'key'),
    fixes,
  };
}
