// Snippets contributed by the extension (snippets/kubernetes.code-snippets.json), inserted by name
// with the editor.action.insertSnippet command as the snippet picker does: the text is what the
// snippet says with its defaults, and the manifests the snippets produce have no errors or warnings.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { test, waitFor } = require('./harness');
const h = require('./vscode-helpers');

/** The snippet text VS Code inserts when every placeholder keeps its default (choices: the first). */
function expand(body) {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const values = {};
  const re = /\$\{(\d+)(?::([^}$]*)|\|([^|}]*)\|)?\}|\$(\d+)/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined && values[m[1]] === undefined && (m[2] !== undefined || m[3] !== undefined)) {
      values[m[1]] = m[2] !== undefined ? m[2] : m[3].split(',')[0];
    }
  }
  return text.replace(re, (_, n1, _d, _c, n2) => values[n1 ?? n2] ?? '');
}

let snippets;
function loadSnippets() {
  if (!snippets) {
    const ext = vscode.extensions.getExtension(h.EXT_ID);
    snippets = JSON.parse(fs.readFileSync(path.join(ext.extensionPath, 'snippets/kubernetes.code-snippets.json'), 'utf8'));
  }
  return snippets;
}

/** An untitled YAML editor with `content`, after the server published for it once. */
async function untitled(content = '') {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  const before = h.publishCount(doc.uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await h.waitForPublish(doc.uri, before, 'the first publication');
  return { doc, editor };
}

async function insertByName(editor, name) {
  const versionBefore = editor.document.version;
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'yaml', name });
  await waitFor(() => editor.document.version > versionBefore, { timeout: 5000, what: `snippet "${name}" to be inserted` });
}

/** Waits for the publication of the document's current text; returns our diagnostics. */
async function settledDiagnostics(doc, since) {
  await h.waitForPublish(doc.uri, since, 'diagnostics for the inserted snippet');
  return h.podwiseDiagnostics(doc.uri);
}

async function closeActive() {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

test('snippet "Pod" (prefix pod) inserts the expected manifest, which has no errors or warnings', async () => {
  await h.activate();
  const { doc, editor } = await untitled();
  const since = h.publishCount(doc.uri);
  await insertByName(editor, 'Pod');
  assert.strictEqual(
    doc.getText(),
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: web',
      '  labels:',
      '    app: web',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
      '      ports:',
      '        - name: http',
      '          containerPort: 80',
      '      resources:',
      '        requests:',
      '          cpu: 100m',
      '          memory: 128Mi',
      '        limits:',
      '          memory: 128Mi',
      '',
    ].join('\n'),
  );
  assert.strictEqual(loadSnippets().Pod.prefix, 'pod');
  const diags = await settledDiagnostics(doc, since);
  assert.deepStrictEqual(diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map(h.fmtDiag), []);
  await closeActive();
});

test('snippet "preStop sleep" inside a container is indented to the cursor and passes the checks', async () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      ';
  const { doc, editor } = await untitled(pod);
  const end = doc.positionAt(pod.length);
  editor.selection = new vscode.Selection(end, end);
  const since = h.publishCount(doc.uri);
  await insertByName(editor, 'preStop sleep');
  assert.strictEqual(doc.getText(), `${pod}lifecycle:\n        preStop:\n          sleep:\n            seconds: 5\n      `);
  const diags = await settledDiagnostics(doc, since);
  assert.deepStrictEqual(diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(h.fmtDiag), []);
  await closeActive();
});

test('every whole-manifest snippet inserts its text with defaults and yields no errors', async () => {
  const all = loadSnippets();
  const whole = Object.entries(all).filter(([, s]) => /^(apiVersion:|# podwise)/.test([].concat(s.body)[0]));
  assert.ok(whole.length >= 5, `expected several whole-manifest snippets, found ${whole.length}`);
  const problems = [];
  for (const [name, snippet] of whole) {
    const { doc, editor } = await untitled();
    const since = h.publishCount(doc.uri);
    await insertByName(editor, name);
    if (doc.getText() !== expand(snippet.body)) problems.push(`${name}: inserted text differs:\n${doc.getText()}`);
    const errors = (await settledDiagnostics(doc, since)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    if (errors.length) problems.push(`${name}: ${errors.map((d) => `${h.fmtDiag(d)} ${d.message}`).join('; ')}`);
    await closeActive();
  }
  assert.deepStrictEqual(problems, []);
});
