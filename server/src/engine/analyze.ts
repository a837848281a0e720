// The engine's front door: text in, findings out. Each YAML document is parsed and checked on
// its own and cached by its text, so an edit re-does only the document that changed; rules that
// look across documents run over the cached objects.
//
// Limits (limits.ts): a file over MAX_FILE_SIZE is not analysed, only the first MAX_DOCUMENTS
// documents are, a document beyond a parse limit is skipped; each says so in one `yaml-limit` info.
// With a time budget (analysis-budget.ts, the editor's) an analysis stops when it is spent and
// says so in one `yaml-limit` info; the next call continues from the cache.
import { splitDocuments, type DocumentChunk } from './document-split';
import { parseChunk, type ParsedChunk } from './parse';
import { runDocumentChecks, runFileChecks, type DocumentCheckResult } from './run-rules';
import { applySuppressions } from './suppress';
import type { CheckEnvironment } from './rule-types';
import type { Finding, KubernetesVersion, Severity } from './types';
import type { RuleSetting } from '../shared/settings';
import { applySeverities } from './severity';
import { ShiftedFindings } from './placement-memo';
import { preferRuleFindings } from './finding-precedence';
import { dropIndentationFollowOnsOnly } from './indentation-scope';
import { formatMegabytes, MAX_DOCUMENTS, MAX_FILE_SIZE, MAX_MESSAGE_LENGTH } from './limits';
import { AnalysisBudget, budgetMessage, type BudgetOptions } from './analysis-budget';
import { detachText } from './detach-text';
import { clipText, MESSAGE_LIMIT } from './k8s/phrasing';
import { hasLoneCr, toLineFeeds } from './line-index';
import { withOriginalLineEndingsOf } from './fixes/text-utils';
import { Outliner, type ChunkParser } from './outline';
import { FileSnapshot, type AnalyzedDocument, type DocumentSummary, type SnapshotParts } from './snapshot';
import { runObjectsExcept } from './run-objects';
import { roleKey } from './kustomize/kustomize-role';
import { ruleEnablement } from './rule-enablement';

export type { DocumentSummary };

export interface AnalyzeOptions extends BudgetOptions {
  kubernetesVersion: KubernetesVersion;
  /** Per-rule overrides; `off` drops the rule's findings. */
  rules?: Record<string, RuleSetting>;
  /** The caller decided from the path (static-Pod globs); a `# podwise: static-pod` comment also counts. */
  staticPodManifest?: boolean;
  filePath?: string;
  /** Rules run after the built-in ones (see CheckEnvironment.extraRules). */
  extraRules?: CheckEnvironment['extraRules'];
  /** The Pod Security Standard to check against (settings `podSecurity`; default baseline). */
  podSecurity?: CheckEnvironment['podSecurity'];
  /** Services and Namespaces of the other files of the same run (CLI), for the cross-object rules. */
  runObjects?: CheckEnvironment['runObjects'];
  /** Setting `workspaceIsComplete` (see CheckEnvironment). */
  workspaceIsComplete?: boolean;
  /** What the file is to kustomize (front ends: kustomize/kustomize-graph.ts); undefined: a plain file. */
  kustomize?: CheckEnvironment['kustomize'];
}

export interface AnalysisResult {
  findings: Finding[];
  documents: DocumentSummary[];
  /**
   * Set when the budget (`budgetMs`) ran out: how many documents were not checked (the checks
   * across documents were not run either). Calling again continues from there.
   */
  unfinished?: { documents: number };
}

const STATIC_POD_MARKER = /^#\s*podwise:\s*static-pod\b/m;

interface CheckedChunk {
  chunk: DocumentChunk;
  /** Undefined when the budget ran out before the document was parsed. */
  parsed: ParsedChunk | undefined;
  /** Undefined when the budget ran out before the document was checked. */
  result: DocumentCheckResult | undefined;
}

export interface FileAnalyzerOptions {
  /** Parses a document (every parse of the analyzer and its snapshots goes through it). */
  parse?: ChunkParser;
}

/** What one analysis made: a snapshot's parts, with the findings the result reports. */
interface AnalysisParts extends SnapshotParts {
  findings: Finding[];
  summaries: DocumentSummary[];
}

/** Keeps parsed documents and their findings between calls; one per open file. */
export class FileAnalyzer {
  private parsed = new Map<string, ParsedChunk>();
  /** Check results per parsed document, keyed by environment: no whole-text keys built per edit. */
  private checked = new WeakMap<ParsedChunk, Map<string, DocumentCheckResult>>();
  private readonly shifted = new ShiftedFindings();
  private readonly parse: ChunkParser;
  /** Outline and folding per document text, shared by this file's snapshots. */
  private readonly outliner: Outliner;

  constructor(options: FileAnalyzerOptions = {}) {
    this.parse = options.parse ?? parseChunk;
    this.outliner = new Outliner(this.parse);
  }

  /** Findings and document summaries of `text` (the CLI's form; editors take a snapshot). */
  analyze(text: string, options: AnalyzeOptions): AnalysisResult {
    const parts = this.run(text, options);
    return { findings: parts.findings, documents: parts.summaries, ...(parts.unfinished ? { unfinished: parts.unfinished } : {}) };
  }

  /**
   * The analysis of `text` as one immutable model for every editor feature (snapshot.ts): the
   * parses, checked objects and findings of this analysis, and the outline from this analyzer's
   * per-document cache.
   */
  snapshot(text: string, options: AnalyzeOptions): FileSnapshot {
    return new FileSnapshot(this.run(text, options), { parse: this.parse, outliner: this.outliner });
  }

  /** A snapshot of `text` without analysis (no findings; parsed on use): an excluded file's outline. */
  textSnapshot(text: string): FileSnapshot {
    return FileSnapshot.of(text, { parse: this.parse, outliner: this.outliner });
  }

  // Documents are parsed from a method (checkChunk), not from a closure inside this one: should a
  // parser error keep its stack frames (see parse.ts), the frames hold the analyzer, not this
  // call's locals (the whole text, the map of parsed documents, which would chain every version).
  private run(text: string, options: AnalyzeOptions): AnalysisParts {
    if (text.length > MAX_FILE_SIZE) {
      this.parsed = new Map();
      return { text, findings: tooLargeFinding(text, options), summaries: [] };
    }
    // A lone CR is a line break (YAML, LSP) that `yaml` does not read as one: check a copy with LF
    // there (same offsets and lines); fixes then get the file's own line ends back.
    if (hasLoneCr(text)) return { ...withOriginalLineEndingsOf(text, this.run(toLineFeeds(text), options)), text };
    const budget = new AnalysisBudget(options);
    const allChunks = splitDocuments(text);
    let chunks = allChunks;
    const limitFindings: Finding[] = [];
    if (chunks.length > MAX_DOCUMENTS) {
      limitFindings.push(tooManyDocuments(chunks));
      chunks = chunks.slice(0, MAX_DOCUMENTS);
    }
    const enablement = ruleEnablement(options.rules, options.extraRules);
    const env: CheckEnvironment = {
      kubernetesVersion: options.kubernetesVersion,
      isStaticPodManifest: options.staticPodManifest === true || STATIC_POD_MARKER.test(text),
      filePath: options.filePath,
      extraRules: options.extraRules,
      podSecurity: options.podSecurity,
      // This file's own objects are in the file; a run lists every file's.
      runObjects: runObjectsExcept(options.runObjects, options.filePath),
      workspaceIsComplete: options.workspaceIsComplete,
      kustomize: options.kustomize,
      enablement,
    };
    const extraKey = options.extraRules?.map((rule) => rule.meta.id).join(',') ?? '';
    const envKey = `${env.kubernetesVersion}|${env.isStaticPodManifest}|${env.filePath ?? ''}|${env.podSecurity ?? ''}|${extraKey}|${roleKey(env.kustomize)}|${enablement.key}`;
    const nextParsed = new Map<string, ParsedChunk>();
    const documents: CheckedChunk[] = [];
    for (let index = 0; index < chunks.length; index += 1) {
      // The first document of a static-Pod manifest is special to the kubelet, so position counts.
      documents.push(this.checkChunk(chunks[index], `${envKey}|${index === 0 ? 'first' : 'later'}`, env, nextParsed, budget));
    }
    this.parsed = nextParsed;

    const notChecked = documents.filter((document) => document.result === undefined);
    // File rules over part of the objects would report what the unchecked part may settle (a
    // Service without its workload): they run only over the whole file. With every document
    // already checked before this call, they run whatever the clock says, so the next call ends.
    const runFileRules = notChecked.length === 0 && !(budget.didWork && budget.spent());
    const findings: Finding[] = [];
    for (let documentIndex = 0; documentIndex < documents.length; documentIndex += 1) {
      const { chunk, result } = documents[documentIndex];
      if (result) findings.push(...this.shifted.get(result, result.findings, chunk.start, documentIndex));
    }
    // A kustomize patch is part of an object: relations between whole objects are not judged on it.
    if (runFileRules && env.kustomize?.kind !== 'patch')
      findings.push(
        ...runFileChecks(
          documents.flatMap(({ chunk, parsed, result }) => (parsed && result ? [{ chunk, parsed, result }] : [])),
          env,
        ),
      );
    findings.push(...limitFindings);
    const unfinished = runFileRules ? undefined : { documents: notChecked.length };
    if (unfinished) findings.push(unfinishedFinding(budget, documents, notChecked, chunks.length));
    const objectsByDocument = documents.map(({ result }) => result?.objects);
    const severities = dropIndentationFollowOnsOnly(preferRuleFindings(applySeverities(findings, options.rules ?? {})), objectsByDocument);
    const forSuppressions = documents.map(({ chunk, parsed }) => ({ chunk, parsed: parsed ?? unparsed() }));
    const visible = applySuppressions(text, severities, forSuppressions)
      .map(capMessage)
      .map((finding) => insideText(finding, text.length));
    visible.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
    const analyzed = documents.map(({ parsed, result }): AnalyzedDocument => ({ parsed, objects: result?.objects, podSpecs: result?.podSpecs }));
    return { text, source: text, chunks: allChunks, analyzed, findings: visible, summaries: documents.map(summary), ...(unfinished ? { unfinished } : {}) };
  }

  /**
   * Parses and checks one document, from the cache when possible, unless the budget is spent.
   * The first document this call works on is parsed and checked to the end, whatever the clock
   * says, so every call makes progress.
   */
  private checkChunk(chunk: DocumentChunk, key: string, env: CheckEnvironment, nextParsed: Map<string, ParsedChunk>, budget: AnalysisBudget): CheckedChunk {
    const first = !budget.didWork;
    let parsed = nextParsed.get(chunk.text) ?? this.parsed.get(chunk.text);
    if (!parsed) {
      if (budget.spent()) return { chunk, parsed: undefined, result: undefined };
      // Parsed from its own copy of the text, so the cache does not hold the whole file (detach-text.ts).
      parsed = this.parse({ text: detachText(chunk.text) });
      budget.recordWork();
    }
    nextParsed.set(parsed.text, parsed);
    let byEnv = this.checked.get(parsed);
    if (!byEnv) {
      byEnv = new Map();
      this.checked.set(parsed, byEnv);
    }
    let result = byEnv.get(key);
    if (!result) {
      if (!first && budget.spent()) return { chunk, parsed, result: undefined };
      result = checkDocument(parsed, env, first ? undefined : () => budget.spent());
      budget.recordWork();
      // Stopped between two rules: nothing of it is kept but the parse.
      if (!result) return { chunk, parsed, result: undefined };
      byEnv.set(key, result);
    }
    return { chunk, parsed, result };
  }
}

/** What the server's status and outline need to know of each document. */
function summary({ chunk, parsed }: CheckedChunk, index: number): DocumentSummary {
  return {
    index,
    start: chunk.start,
    end: chunk.start + chunk.text.length,
    kind: parsed?.kind ?? 'unchecked',
    apiVersion: parsed?.apiVersion,
    objectKind: parsed?.objectKind,
    name: parsed?.name,
  };
}

let emptyParse: ParsedChunk | undefined;
/** Stands in for a document the budget left unparsed (it has no annotations to honour). */
function unparsed(): ParsedChunk {
  emptyParse ??= parseChunk({ text: '' });
  return emptyParse;
}

/** One `yaml-limit` info: on the first unchecked document, or the file's first line. */
function unfinishedFinding(budget: AnalysisBudget, documents: CheckedChunk[], notChecked: CheckedChunk[], total: number): Finding {
  const first = notChecked[0];
  const chunk = first?.chunk;
  const documentIndex = first ? documents.indexOf(first) : 0;
  const start = chunk?.start ?? 0;
  const text = chunk?.text ?? documents[0]?.chunk.text ?? '';
  const newline = text.indexOf('\n');
  const end = start + Math.min(newline === -1 ? text.length : newline, 200);
  const { message, detail } = budgetMessage(budget.elapsed(), budget.limitMs ?? 0, notChecked.length, total, chunk?.startLine, budget.note);
  return limitFinding(message, start, end, documentIndex, detail);
}

/**
 * The checks of one document, plus a `yaml-limit` info when parsing skipped it; undefined when
 * `shouldStop` said so between two rules. A stack overflow while checking (which the parse limits
 * should make impossible) skips the document the same way instead of failing the whole file.
 */
function checkDocument(parsed: ParsedChunk, env: CheckEnvironment, shouldStop?: () => boolean): DocumentCheckResult | undefined {
  try {
    const result = runDocumentChecks(parsed, env, shouldStop);
    if (!result) return undefined;
    if (parsed.limit) {
      // The parser's sentence explains the limit; the message says what it means for this document.
      const message = parsed.limit.code === 'DEPTH_LIMIT' ? 'This document was not checked: it is nested too deeply' : clipText(parsed.limit.message, MESSAGE_LIMIT);
      result.findings = [...result.findings, limitFinding(message, parsed.limit.start, parsed.limit.end, 0, parsed.limit.message)];
    }
    return result;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = 'This document was not checked: checking it exhausted the stack';
    const detail = 'It is nested too deeply, beyond what Podwise analyses.';
    return { findings: [limitFinding(message, 0, Math.max(0, parsed.text.indexOf('\n')), 0, detail)], objects: [], podSpecs: [] };
  }
}

function limitFinding(message: string, start: number, end: number, documentIndex = 0, detail?: string): Finding {
  return { ruleId: 'yaml-limit', severity: 'info', message, ...(detail ? { detail } : {}), documentIndex, path: [], range: { start, end: Math.max(end, start) }, fixes: [] };
}

/** The file is not analysed: one info on its first line (at most 200 characters of it). */
function tooLargeFinding(text: string, options: AnalyzeOptions): Finding[] {
  const newline = text.indexOf('\n');
  const end = Math.min(newline === -1 ? text.length : newline, 200);
  const message = `This file was not checked: it is ${formatMegabytes(text.length)} and Podwise checks files up to ${formatMegabytes(MAX_FILE_SIZE)}.`;
  // `# podwise-disable yaml-limit` at the top of the file still applies.
  return applySuppressions(text, applySeverities([limitFinding(message, 0, end)], options.rules ?? {}), []);
}

/** Documents past MAX_DOCUMENTS are not checked: one info on the first line of the first of them. */
function tooManyDocuments(chunks: DocumentChunk[]): Finding {
  const first = chunks[MAX_DOCUMENTS];
  const newline = first.text.indexOf('\n');
  const end = first.start + Math.min(newline === -1 ? first.text.length : newline, 200);
  const count = chunks.length.toLocaleString('en-US');
  const limit = MAX_DOCUMENTS.toLocaleString('en-US');
  const message = `Only the first ${limit} of the ${count} documents in this file were checked`;
  const detail = `Documents ${(MAX_DOCUMENTS + 1).toLocaleString('en-US')} to ${count} (from line ${(first.startLine + 1).toLocaleString('en-US')}) were not. Split the file to check them all.`;
  return limitFinding(message, first.start, end, MAX_DOCUMENTS, detail);
}

/** A message that quotes a huge value is cut, so a 4 MB scalar never becomes a 4 MB diagnostic. */
function capMessage(finding: Finding): Finding {
  const longDetail = finding.detail !== undefined && finding.detail.length > MAX_MESSAGE_LENGTH;
  const long = longDetail || finding.message.length > MAX_MESSAGE_LENGTH || finding.fixes.some((fix) => fix.title.length > MAX_MESSAGE_LENGTH);
  if (!long) return finding;
  return {
    ...finding,
    message: cut(finding.message),
    ...(finding.detail !== undefined ? { detail: cut(finding.detail) } : {}),
    fixes: finding.fixes.map((fix) => (fix.title.length > MAX_MESSAGE_LENGTH ? { ...fix, title: cut(fix.title) } : fix)),
  };
}

/**
 * Every range inside the text, whatever a check computed: a YAML error at the very end of the
 * text is one character wide past it (yaml-findings widens empty ranges). A fix with an edit
 * outside the text is dropped rather than applied somewhere else.
 */
function insideText(finding: Finding, length: number): Finding {
  const { start, end } = finding.range;
  const inside = (range: { start: number; end: number }) => range.start >= 0 && range.start <= range.end && range.end <= length;
  if (inside(finding.range) && finding.fixes.every((fix) => fix.edits.every((edit) => inside(edit.range)))) return finding;
  const clampedStart = Math.min(Math.max(start, 0), length);
  return {
    ...finding,
    range: { start: clampedStart, end: Math.min(Math.max(end, clampedStart), length) },
    fixes: finding.fixes.filter((fix) => fix.edits.every((edit) => inside(edit.range))),
  };
}

function cut(text: string): string {
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

/** One-shot analysis (the CLI and tests); editors keep a FileAnalyzer per document. */
export function analyzeText(text: string, options: AnalyzeOptions): AnalysisResult {
  return new FileAnalyzer().analyze(text, options);
}

export type { Severity };
