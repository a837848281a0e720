// Issue #11: rule links open the page inside the installed extension (offline, the installed
// version), and the trace setting vscode-languageclient reads (`podwise.trace.server`) is
// contributed, off by default.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');
const { test } = require('./harness');
const h = require('./vscode-helpers');

test('a diagnostic links to its rule page inside the installed extension (a file that exists)', async () => {
  const ext = await h.activate();
  const { uri } = await h.open('pod-bad.yaml');
  const diags = await h.waitForDiagnostics(uri, h.has('schema-unknown-field'), 'schema-unknown-field');
  const target = h.single(diags, 'schema-unknown-field').code.target;
  assert.strictEqual(target.scheme, 'file', `a file URI, not ${target.toString()}`);
  assert.strictEqual(path.resolve(target.fsPath), path.resolve(ext.extensionPath, 'docs', 'rules', 'schema-unknown-field.md'));
  assert.ok(fs.existsSync(target.fsPath), `${target.fsPath} exists`);
});

test('podwise.trace.server is contributed (off, messages, verbose), off by default', () => {
  const inspected = vscode.workspace.getConfiguration('podwise').inspect('trace.server');
  assert.ok(inspected, 'podwise.trace.server is a known setting');
  assert.strictEqual(inspected.defaultValue, 'off');
});
