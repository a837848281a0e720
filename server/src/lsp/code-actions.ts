// Code actions: the quick fixes carried in `diagnostic.data` (pinned to the exact text),
// "Disable <rule> for this line/object", "Show documentation for <rule>", and
// `source.fixAll.podwise` (every safe fix that does not overlap another).
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { CodeActionKind, OptionalVersionedTextDocumentIdentifier, TextDocumentEdit } from './protocol-values';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { selectFixAll } from '../engine/fixes/fix-all';
import { disableForObjectFix, disableNextLineEdit } from '../engine/fixes/suppression-fixes';
import { lineEndingAt, withLineEnding } from '../engine/fixes/text-utils';
import { listItemPathAt } from '../engine/list-items';
import type { FileSnapshot } from '../engine/snapshot';
import type { Finding, TextEdit as OffsetEdit } from '../engine/types';
import { Commands, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type WireFix } from '../shared/protocol';
import { isDiagnosticData, rangesIntersect, sameRange, toRange, toWireFix } from './convert';
import { isConfigFile } from './paths';
import type { Analysis, ServerContext } from './server-context';
import { contentIdentity } from './synced-document';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(context.guard('code actions', (params) => provideCodeActions(context, params), []));
}

export async function provideCodeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return [];
  // TextDocuments updates documents in place: remember which version this answer is for.
  const version = document.version;
  const configFile = isConfigFile(document.uri);
  if (!configFile && !context.isChecked(document)) return [];
  // The snapshot of this version (the one the diagnostics came from): its text identity, parses
  // and findings. A `.podwise.yaml` has none (it is not analyzed).
  const analysis = configFile ? undefined : await context.snapshotFor(document.uri);
  if (!configFile && (!analysis || analysis.version !== version || document.version !== version)) return [];
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    const add = (action: CodeAction, key: string): void => {
      if (seen.has(key)) return;
      seen.add(key);
      actions.push(action);
    };
    const fixes: CodeAction[] = [];
    const suppressions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || diagnostic.code === undefined) continue;
      const ruleId = String(diagnostic.code);
      const current = currentFinding(document, diagnostic, analysis);
      if (!current) continue;
      for (const fix of current.fixes) {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: workspaceEdit(document, fix.edits),
        });
      }
      if (!analysis) continue;
      const snapshot = analysis.snapshot;
      const line = disableNextLineEdit(snapshot.source, current.offset, ruleId);
      if (line) {
        suppressions.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(document, [toLspEdit(document, line)]),
        });
      }
      const object = disableForObject(document, snapshot, current.offset, ruleId);
      if (object) {
        suppressions.push({ title: `Disable ${ruleId} for this object`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(document, object) });
      }
      suppressions.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${ruleId}`, command: Commands.showRuleDocs, arguments: [ruleId] },
      });
    }
    fixes.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
    for (const action of fixes) add(action, `${action.title}|${JSON.stringify(action.edit)}`);
    for (const action of suppressions) add(action, `${action.title}|${JSON.stringify(action.edit ?? null)}`);
  }

  // Source actions only when asked for (Source Action menu, codeActionsOnSave), not in the light bulb.
  if (analysis && only && wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, analysis.snapshot);
    if (fixAll) actions.push(fixAll);
  }
  // Edits are pinned to the version read at the start; a newer version gets a fresh request.
  if (context.documents.get(document.uri) !== document || document.version !== version) return [];
  return actions;
}

interface CurrentFinding {
  fixes: WireFix[];
  /** Offset of the finding's start in the current text. */
  offset: number;
}

/**
 * The diagnostic's finding in the current text: its own data when it was computed for this very
 * text, else the same rule's finding in the snapshot of this version (same range, or overlapping
 * it). Not the version: after a close and reopen (versions start again at 1) an old diagnostic's
 * edits would land on another text (`imagePullPolicy` under `spec:`).
 */
function currentFinding(document: TextDocument, diagnostic: Diagnostic, analysis: Analysis | undefined): CurrentFinding | undefined {
  // The identity of this version of this open document (synced-document.ts).
  const identity = contentIdentity(document);
  if (isDiagnosticData(diagnostic.data) && diagnostic.data.text === identity) {
    return { fixes: diagnostic.data.fixes, offset: document.offsetAt(diagnostic.range.start) };
  }
  if (!analysis) return undefined;
  const lines = analysis.snapshot.lines;
  const candidates = analysis.snapshot.findings.filter((finding) => finding.ruleId === String(diagnostic.code));
  const rangeOf = (finding: Finding) => lines.rangeOf(finding.range);
  const match =
    candidates.find((finding) => sameRange(rangeOf(finding), diagnostic.range) && finding.message === diagnostic.message) ??
    candidates.find((finding) => sameRange(rangeOf(finding), diagnostic.range)) ??
    candidates.find((finding) => rangesIntersect(rangeOf(finding), diagnostic.range));
  if (!match) return undefined;
  return { fixes: match.fixes.map((fix) => toWireFix(document, fix)), offset: match.range.start };
}

/**
 * An edit computed on `toLineFeeds(text)` (the engine's view: a lone CR is a line break), in LSP
 * form, with the line end the document has there (`\r` in a classic-Mac file).
 */
function toLspEdit(document: TextDocument, edit: OffsetEdit): TextEdit {
  const newText = withLineEnding(edit.newText, lineEndingAt(document.getText(), edit.range.start));
  return { range: toRange(document, edit.range), newText };
}

/** `# podwise-disable` for the object at `offset`, from the snapshot's parse of its document. */
function disableForObject(document: TextDocument, snapshot: FileSnapshot, offset: number, ruleId: string): TextEdit[] | undefined {
  const located = snapshot.documentAt(offset) ?? snapshot.document(0);
  if (!located) return undefined;
  const { chunk, parsed } = located;
  if (parsed.kind !== 'kubernetes') return undefined;
  const fix = disableForObjectFix(parsed.document, parsed.text, parsed.value, ruleId, chunk.start, listItemPathAt(parsed, offset - chunk.start));
  if (!fix || fix.edits.length === 0) return undefined;
  return fix.edits.map((edit) => toLspEdit(document, edit));
}

function fixAllAction(document: TextDocument, snapshot: FileSnapshot): CodeAction | undefined {
  // The same choice as `podwise fix` (engine/fixes/fix-all.ts).
  const selection = selectFixAll(snapshot.findings);
  const edits: TextEdit[] = selection.edits.map((edit) => ({ range: toRange(document, edit.range), newText: edit.newText }));
  const count = selection.fixed.length;
  if (count === 0) return undefined;
  return {
    title: count === 1 ? 'Fix 1 Podwise problem' : `Fix ${count} Podwise problems`,
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(document, edits),
  };
}

function workspaceEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return {
    documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(document.uri, document.version), edits)],
  };
}
