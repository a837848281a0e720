// Changing podwise.kubernetesVersion re-validates open documents without a reload. The fixture
// differs between 1.32 and 1.33 in a rule and in the schema: a preStop sleep of 0 s is refused
// before 1.33 (lifecycle-sleep-range), and lifecycle.stopSignal only exists from 1.33 on.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test, after } = require('./harness');
const h = require('./vscode-helpers');

const FILE = 'prestop-sleep-zero.yaml';
const bothGone = (ds) => h.lacks('lifecycle-sleep-range')(ds) && h.lacks('schema-unknown-field')(ds);

after(async () => {
  await h.setSetting('kubernetesVersion', undefined);
});

test('podwise.kubernetesVersion 1.36 → 1.32 → 1.33 re-validates the open file (rule and schema), no reload', async () => {
  const ext = await h.activate();
  const { uri, doc, before } = await h.open(FILE);
  assert.strictEqual(vscode.workspace.getConfiguration('podwise').get('kubernetesVersion'), '1.36', 'default version');
  await h.waitForPublish(uri, before);
  await h.waitForDiagnostics(uri, bothGone, 'no version findings at 1.36');
  const docVersion = doc.version;

  await h.setSetting('kubernetesVersion', '1.32');
  const at132 = await h.waitForDiagnostics(
    uri,
    (ds) => h.has('lifecycle-sleep-range')(ds) && h.has('schema-unknown-field')(ds),
    'lifecycle-sleep-range and schema-unknown-field at 1.32',
  );
  const sleep = h.single(at132, 'lifecycle-sleep-range');
  assert.strictEqual(h.fmtRange(sleep.range), '16:21-16:22');
  assert.strictEqual(doc.getText(sleep.range), '0');
  assert.strictEqual(sleep.severity, vscode.DiagnosticSeverity.Error);
  // Before 1.33 a preStop sleep of 0 is rejected (the detail, in hover, names the version).
  assert.match(sleep.message, /must be above 0/);
  const unknown = h.single(at132, 'schema-unknown-field');
  assert.strictEqual(doc.getText(unknown.range), 'stopSignal');

  await h.setSetting('kubernetesVersion', '1.33');
  await h.waitForDiagnostics(uri, bothGone, 'both gone at 1.33');

  // No reload: same extension host, same open document, never edited.
  assert.ok(ext.isActive, 'extension still active');
  assert.strictEqual(doc.isClosed, false, 'document still open');
  assert.strictEqual(doc.version, docVersion, 'the document was not edited to trigger the re-validation');
});
