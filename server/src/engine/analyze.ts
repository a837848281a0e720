// The engine's front door: text in, findings out. Each YAML document is parsed and checked on
// its own and cached by its text, so an edit re-does only the document that changed; rules that
// look across documents run over the cached objects.
import { splitDocuments, type DocumentChunk } from './document-split';
import { parseChunk, type ParsedChunk } from './parse';
import { runDocumentChecks, runFileChecks, type DocumentCheckResult } from './run-rules';
import { applySuppressions } from './suppress';
import type { CheckEnvironment } from './rule-types';
import type { Finding, KubernetesVersion, Severity } from './types';
import type { RuleSetting } from '../shared/settings';
import { applySeverities } from './severity';

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

  /** The parsed document for a chunk text of the last analysis, if it is cached. */
  parsedChunk(text: string): ParsedChunk | undefined {
    return this.parsed.get(text);
  }

  analyze(text: string, options: AnalyzeOptions): AnalysisResult {
    const chunks = splitDocuments(text);
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
        result = runDocumentChecks(parsed, env);
        byEnv.set(key, result);
      }
      results.push({ chunk, parsed, result });
    });
    this.parsed = nextParsed;

    const findings: Finding[] = [];
    results.forEach(({ chunk, result }, documentIndex) => {
      for (const finding of result.findings) {
        findings.push({
          ...finding,
          documentIndex,
          range: { start: finding.range.start + chunk.start, end: finding.range.end + chunk.start },
          fixes: finding.fixes.map((fix) => ({
            ...fix,
            edits: fix.edits.map((edit) => ({ newText: edit.newText, range: { start: edit.range.start + chunk.start, end: edit.range.end + chunk.start } })),
          })),
        });
      }
    });
    findings.push(...runFileChecks(results.map(({ chunk, parsed, result }) => ({ chunk, parsed, objects: result.objects })), env));
    const severities = applySeverities(findings, options.rules ?? {});
    const visible = applySuppressions(text, severities, results.map(({ chunk, parsed }) => ({ chunk, parsed })));
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

/** One-shot analysis (the CLI and tests); editors keep a FileAnalyzer per document. */
export function analyzeText(text: string, options: AnalyzeOptions): AnalysisResult {
  return new FileAnalyzer().analyze(text, options);
}

export type { Severity };
