// Helpers for the e2e tests that talk to the VS Code API: open workspace files, wait for our
// diagnostics (polling, with timeouts), and apply code actions the way the light bulb does.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./harness');

const EXT_ID = 'podwise.podwise';
const SOURCE = 'podwise';
const DIAG_TIMEOUT = Number(process.env.PODWISE_E2E_DIAG_TIMEOUT) || 20000;

/** Publications seen per document uri (our collection and every other one): a clean file still
 *  gets one (an empty publishDiagnostics), so "the server has looked at it" can be awaited. */
const publishes = new Map();
vscode.languages.onDidChangeDiagnostics((event) => {
  for (const uri of event.uris) publishes.set(uri.toString(), (publishes.get(uri.toString()) || 0) + 1);
});
const publishCount = (uri) => publishes.get(uri.toString()) || 0;

const codeOf = (d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);
const SEVERITY = ['error', 'warning', 'info', 'hint'];
const severityOf = (d) => SEVERITY[d.severity];
const fmtRange = (r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const fmtDiag = (d) => `${codeOf(d)} ${severityOf(d)} ${fmtRange(d.range)}`;

function wsUri(relative) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** Our diagnostics on uri, sorted by position. */
function podwiseDiagnostics(uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

async function activate() {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `extension ${EXT_ID} is not installed in this VS Code`);
  await waitFor(() => ext.isActive, { timeout: 30000, what: `${EXT_ID} to activate` });
  return ext;
}

/** Opens a workspace file (relative path) in an editor; returns { uri, doc, editor, before }
 *  where `before` is the publication count at the time it was opened. */
async function open(relative) {
  const uri = wsUri(relative);
  const before = publishCount(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { uri, doc, editor, before };
}

/** Polls our diagnostics on uri until predicate(diags) holds; returns them. */
async function waitForDiagnostics(uri, predicate, what, timeout = DIAG_TIMEOUT) {
  let last = [];
  try {
    return await waitFor(
      () => {
        last = podwiseDiagnostics(uri);
        return predicate(last) ? last : undefined;
      },
      { timeout, what: `${what} on ${vscode.workspace.asRelativePath(uri)}` },
    );
  } catch (e) {
    e.message += `\n        diagnostics now: ${last.length ? last.map(fmtDiag).join(', ') : '(none)'}`;
    throw e;
  }
}

const has =
  (code, extra = () => true) =>
  (diags) =>
    diags.some((d) => codeOf(d) === code && extra(d));
const lacks = (code) => (diags) => !diags.some((d) => codeOf(d) === code);

/** Waits until the server published for uri after `sinceCount` publications (see open()). */
async function waitForPublish(uri, sinceCount, what = 'a diagnostics publication') {
  await waitFor(() => publishCount(uri) > sinceCount, { timeout: DIAG_TIMEOUT, what: `${what} for ${vscode.workspace.asRelativePath(uri)}` });
}

/** The one diagnostic with this code (asserts there is exactly one). */
function single(diags, code) {
  const found = diags.filter((d) => codeOf(d) === code);
  assert.strictEqual(found.length, 1, `expected one ${code}, got ${found.length}: ${diags.map(fmtDiag).join(', ')}`);
  return found[0];
}

/** Quick fixes VS Code offers for a diagnostic (through every provider, as the light bulb asks). */
async function quickFixes(uri, diagnostic) {
  const ask = async () => {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return (actions || []).filter((a) => !a.diagnostics || a.diagnostics.some((d) => codeOf(d) === codeOf(diagnostic)));
  };
  // The command reads the diagnostics in range from the workbench's marker service, which the
  // extension host updates asynchronously (over the remote connection here): right after a
  // publication it can still pass an empty context, and then no provider has a diagnostic to fix.
  // The light bulb asks again when the markers change; so does this helper, and says so in the log.
  let asked = 0;
  let actions = [];
  try {
    return await waitFor(
      async () => {
        asked++;
        actions = await ask();
        return actions.length > 0 ? actions : undefined;
      },
      { timeout: 5000, what: `quick fixes for ${codeOf(diagnostic)}` },
    );
  } catch {
    return actions;
  } finally {
    if (asked > 1) console.log(`      (quick fixes for ${codeOf(diagnostic)}: asked ${asked} times, last answer had ${actions.length})`);
  }
}

/** Applies a code action's edit as the editor would; asserts VS Code accepted it. */
async function applyAction(action) {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  const ok = await vscode.workspace.applyEdit(action.edit);
  assert.ok(ok, `workspace.applyEdit refused the edit of "${action.title}"`);
}

/** Comment texts (from `#` to the end of the line) in a YAML text, in order. */
function comments(text) {
  return text
    .split('\n')
    .filter((l) => /(^|\s)#/.test(l))
    .map((l) => l.slice(l.search(/(^|\s)#/)).trim());
}

/** Sets podwise.<key> in the workspace settings (undefined removes it). */
async function setSetting(key, value) {
  await vscode.workspace.getConfiguration('podwise').update(key, value, vscode.ConfigurationTarget.Workspace);
}

module.exports = {
  EXT_ID,
  SOURCE,
  activate,
  open,
  wsUri,
  podwiseDiagnostics,
  waitForDiagnostics,
  waitForPublish,
  publishCount,
  has,
  lacks,
  single,
  codeOf,
  severityOf,
  fmtRange,
  fmtDiag,
  quickFixes,
  applyAction,
  comments,
  setSetting,
};
