// Smoke: the extension activates on a YAML file, from the build under test (the source folder, or
// the installed .vsix when the runner says so), and its language server publishes diagnostics.
'use strict';

const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { test, before } = require('./harness');
const h = require('./vscode-helpers');

let file;

before(async () => {
  file = await h.open('pod-bad.yaml');
});

test('extension podwise.podwise activates on a YAML file', async () => {
  const ext = await h.activate();
  const expectVsix = process.env.PODWISE_E2E_EXPECT_VSIX;
  console.log(`    extension ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath}`);
  if (expectVsix) {
    // The installed .vsix, not the repository: the runner installed it into the extensions folder.
    const repo = path.resolve(__dirname, '../../..');
    assert.notStrictEqual(path.resolve(ext.extensionPath), repo, 'the extension was loaded from the source folder, not the .vsix');
    assert.ok(ext.extensionPath.includes(`${path.sep}ext${path.sep}`), `expected the extension under the installed extensions folder, got ${ext.extensionPath}`);
    assert.strictEqual(ext.packageJSON.version, expectVsix, 'installed version');
  }
});

test('pod-bad.yaml: schema-unknown-field on livenessprobe, with "did you mean" and a docs link', async () => {
  const diags = await h.waitForDiagnostics(file.uri, h.has('schema-unknown-field'), 'schema-unknown-field');
  const unknown = h.single(diags, 'schema-unknown-field');
  assert.strictEqual(file.doc.getText(unknown.range), 'livenessprobe');
  assert.strictEqual(h.fmtRange(unknown.range), '8:6-8:19');
  assert.strictEqual(unknown.severity, vscode.DiagnosticSeverity.Error);
  assert.match(unknown.message, /did you mean "livenessProbe"\?/i);
  assert.ok(unknown.code && typeof unknown.code === 'object' && unknown.code.target, 'the code links to the rule page');
  assert.match(unknown.code.target.toString(), /schema-unknown-field\.md$/);
});
