// Engine results (offset ranges) → LSP shapes (line/character ranges), and back.
import type { Range } from 'vscode-languageserver/node';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from './protocol-values';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, OffsetRange, ResolvedFix, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type WireFix } from '../shared/protocol';
import { DOCS_BASE_URL } from '../shared/settings';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}

export function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function toWireFix(document: TextDocument, fix: ResolvedFix): WireFix {
  return {
    title: fix.title,
    preferred: fix.preferred,
    safe: fix.safe,
    edits: fix.edits.map((edit) => ({ range: toRange(document, edit.range), newText: edit.newText })),
  };
}

/** `identity`: of the text the finding was made on (its snapshot's), which fixes are pinned to. */
export function toDiagnostic(document: TextDocument, finding: Finding, identity: string): Diagnostic {
  const data: DiagnosticData = { version: document.version, text: identity, fixes: finding.fixes.map((fix) => toWireFix(document, fix)) };
  const diagnostic: Diagnostic = {
    range: toRange(document, finding.range),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.ruleId === 'api-version-deprecated') diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (value === null || typeof value !== 'object') return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.version === 'number' && typeof data.text === 'string' && Array.isArray(data.fixes);
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']): boolean => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
