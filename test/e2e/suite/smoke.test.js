// Placeholder smoke test: the extension activates on a YAML file and its language server publishes
// diagnostics (source 'podwise') for an unknown container field.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test, before, waitFor } = require('./harness');

const EXT_ID = 'podwise.podwise';
let uri;

const codeOf = (d) => (d.code && typeof d.code === 'object' ? d.code.value : d.code);

before(async () => {
  uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'pod-bad.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
});

test('extension podwise.podwise activates on a YAML file', async () => {
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `extension ${EXT_ID} is not installed in this VS Code`);
  await waitFor(() => ext.isActive, { timeout: 20000, what: `${EXT_ID} to activate` });
});

test('pod-bad.yaml gets a podwise schema-unknown-field diagnostic on livenessprobe', async () => {
  const diags = await waitFor(() => {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'podwise');
    return d.length ? d : undefined;
  }, { timeout: 20000, what: 'diagnostics with source "podwise" on pod-bad.yaml' });
  console.log(`    diagnostics: ${JSON.stringify(diags.map((d) => [codeOf(d), d.range.start.line, d.message]))}`);
  const doc = await vscode.workspace.openTextDocument(uri);
  const unknown = diags.find((d) => codeOf(d) === 'schema-unknown-field');
  assert.ok(unknown, 'expected a diagnostic with code schema-unknown-field');
  assert.match(doc.lineAt(unknown.range.start.line).text, /livenessprobe:/);
});
