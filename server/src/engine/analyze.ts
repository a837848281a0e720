// The engine's front door: text in, findings out. Each YAML document is parsed and checked on
// its own and cached by its text, so an edit re-does only the document that changed; rules that
// look across documents run over the cached objects.
//
// Limits (limits.ts): a file over MAX_FILE_SIZE is not analysed, only the first MAX_DOCUMENTS
// documents are, a document beyond a parse limit is skipped; each says so in one `yaml-limit` info.
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
import { formatMegabytes, MAX_DOCUMENTS, MAX_FILE_SIZE, MAX_MESSAGE_LENGTH } from './limits';

export interface AnalyzeOptions {
  kubernetesVersion: KubernetesVersion;
  /** Per-rule overrides; `off` drops the rule's findings. */
  rules?: Record<string, RuleSetting>;
  /** The caller decided from the path (static-Pod globs); a `# podwise: static-pod` comment also counts. */
  staticPodManifest?: boolean;
  filePath?: string;
}

export interface DocumentSummary {
  index: number;
  start: number;
  end: number;
  kind: ParsedChunk['kind'];
  apiVersion?: string;
  objectKind?: string;
  name?: string;
}

export interface AnalysisResult {
  findings: Finding[];
  documents: DocumentSummary[];
}

const STATIC_POD_MARKER = /^#\s*podwise:\s*static-pod\b/m;

/** Keeps parsed documents and their findings between calls; one per open file. */
export class FileAnalyzer {
  private parsed = new Map<string, ParsedChunk>();
  /** Check results per parsed document, keyed by environment: no whole-text keys built per edit. */
  private checked = new WeakMap<ParsedChunk, Map<string, DocumentCheckResult>>();
  private readonly shifted = new ShiftedFindings();

  /** The parsed document for a chunk text of the last analysis, if it is cached. */
  parsedChunk(text: string): ParsedChunk | undefined {
    return this.parsed.get(text);
  }

  analyze(text: string, options: AnalyzeOptions): AnalysisResult {
    if (text.length > MAX_FILE_SIZE) {
      this.parsed = new Map();
      return { findings: tooLargeFinding(text, options), documents: [] };
    }
    let chunks = splitDocuments(text);
    const limitFindings: Finding[] = [];
    if (chunks.length > MAX_DOCUMENTS) {
      limitFindings.push(tooManyDocuments(chunks));
      chunks = chunks.slice(0, MAX_DOCUMENTS);
    }
    const env: CheckEnvironment = {
      kubernetesVersion: options.kubernetesVersion,
      isStaticPodManifest: options.staticPodManifest === true || STATIC_POD_MARKER.test(text),
      filePath: options.filePath,
    };
    const envKey = `${env.kubernetesVersion}|${env.isStaticPodManifest}|${env.filePath ?? ''}`;
    const nextParsed = new Map<string, ParsedChunk>();
    const results: { chunk: DocumentChunk; parsed: ParsedChunk; result: DocumentCheckResult }[] = [];
    chunks.forEach((chunk, index) => {
      const parsed = nextParsed.get(chunk.text) ?? this.parsed.get(chunk.text) ?? parseChunk(chunk);
      nextParsed.set(chunk.text, parsed);
      // The first document of a static-Pod manifest is special to the kubelet, so position counts.
      const key = `${envKey}|${index === 0 ? 'first' : 'later'}`;
      let byEnv = this.checked.get(parsed);
      if (!byEnv) {
        byEnv = new Map();
        this.checked.set(parsed, byEnv);
      }
      let result = byEnv.get(key);
      if (!result) {
        result = checkDocument(parsed, env);
        byEnv.set(key, result);
      }
      results.push({ chunk, parsed, result });
    });
    this.parsed = nextParsed;

    const findings: Finding[] = [];
    results.forEach(({ chunk, result }, documentIndex) => {
      findings.push(...this.shifted.get(result, result.findings, chunk.start, documentIndex));
    });
    findings.push(...runFileChecks(results, env));
    findings.push(...limitFindings);
    const severities = preferRuleFindings(applySeverities(findings, options.rules ?? {}));
    const visible = applySuppressions(text, severities, results.map(({ chunk, parsed }) => ({ chunk, parsed })))
      .map(capMessage)
      .map((finding) => insideText(finding, text.length));
    visible.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
    return {
      findings: visible,
      documents: results.map(({ chunk, parsed }, index) => ({
        index,
        start: chunk.start,
        end: chunk.start + chunk.text.length,
        kind: parsed.kind,
        apiVersion: parsed.apiVersion,
        objectKind: parsed.objectKind,
        name: parsed.name,
      })),
    };
  }
}

/**
 * The checks of one document, plus a `yaml-limit` info when parsing skipped it. A stack overflow
 * while checking (which the parse limits should make impossible) skips the document the same way
 * instead of failing the whole file.
 */
function checkDocument(parsed: ParsedChunk, env: CheckEnvironment): DocumentCheckResult {
  try {
    const result = runDocumentChecks(parsed, env);
    if (parsed.limit) result.findings = [...result.findings, limitFinding(parsed.limit.message, parsed.limit.start, parsed.limit.end)];
    return result;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = 'This document was not checked: checking it exhausted the stack (it is nested too deeply), beyond what Podwise analyses.';
    return { findings: [limitFinding(message, 0, Math.max(0, parsed.text.indexOf('\n')))], objects: [], podSpecs: [] };
  }
}

function limitFinding(message: string, start: number, end: number, documentIndex = 0): Finding {
  return { ruleId: 'yaml-limit', severity: 'info', message, documentIndex, path: [], range: { start, end: Math.max(end, start) }, fixes: [] };
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
  const message = `Only the first ${limit} of the ${count} documents in this file were checked: documents ${(MAX_DOCUMENTS + 1).toLocaleString('en-US')} to ${count} (from line ${first.startLine + 1}) were not. Split the file to check them all.`;
  return limitFinding(message, first.start, end, MAX_DOCUMENTS);
}

/** A message that quotes a huge value is cut, so a 4 MB scalar never becomes a 4 MB diagnostic. */
function capMessage(finding: Finding): Finding {
  const long = finding.message.length > MAX_MESSAGE_LENGTH || finding.fixes.some((fix) => fix.title.length > MAX_MESSAGE_LENGTH);
  if (!long) return finding;
  return { ...finding, message: cut(finding.message), fixes: finding.fixes.map((fix) => (fix.title.length > MAX_MESSAGE_LENGTH ? { ...fix, title: cut(fix.title) } : fix)) };
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
