// Engine results (offset ranges) → LSP shapes (line/character ranges), and back.
import type { Range } from 'vscode-languageserver/node';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from './protocol-values';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, OffsetRange, ResolvedFix, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type WireFix } from '../shared/protocol';
import { installedRuleDocsBase } from '../node/rule-docs-location';
import { ruleDocsLink } from '../shared/rule-docs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The rule's page in the installed package (a `file://` URI: opens offline, in every editor, at
 * the installed version), or undefined when the pages are not installed next to the server.
 */
export function docsUrl(ruleId: string): string | undefined {
  const base = installedRuleDocsBase();
  return base === undefined ? undefined : ruleDocsLink(base, ruleId);
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
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  const href = docsUrl(finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
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
