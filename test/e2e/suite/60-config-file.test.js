// .podwise.yaml at the workspace root applies without a reload: written on disk (the file watcher
// path: git pull, another editor) and edited in an open editor (live, before saving).
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test, after } = require('./harness');
const h = require('./vscode-helpers');

const CONFIG = '.podwise.yaml';
let original;

async function writeConfig(text) {
  await vscode.workspace.fs.writeFile(h.wsUri(CONFIG), Buffer.from(text, 'utf8'));
}

after(async () => {
  if (original !== undefined) await writeConfig(original);
});

test('.podwise.yaml changed on disk (rules: {image-latest-tag: off}) takes effect, and back', async () => {
  const { uri } = await h.open('crashloop.yaml');
  await h.waitForDiagnostics(uri, h.has('image-latest-tag'), 'image-latest-tag with the original config');
  original = Buffer.from(await vscode.workspace.fs.readFile(h.wsUri(CONFIG))).toString('utf8');
  assert.match(original, /^rules:\n {2}resources-unset: off\n/m, 'fixture .podwise.yaml');
  await writeConfig(original.replace(/^rules:\n/m, 'rules:\n  image-latest-tag: off\n'));
  const diags = await h.waitForDiagnostics(uri, h.lacks('image-latest-tag'), 'image-latest-tag gone after the .podwise.yaml change');
  assert.ok(
    diags.some((d) => h.codeOf(d) === 'container-command-exits'),
    'the other findings stay',
  );
  await writeConfig(original);
  await h.waitForDiagnostics(uri, h.has('image-latest-tag'), 'image-latest-tag back after restoring .podwise.yaml');
});

test('.podwise.yaml edited in an editor applies live before saving; its own mistakes are reported on it', async () => {
  const manifest = await h.open('crashloop.yaml');
  await h.waitForDiagnostics(manifest.uri, h.has('image-latest-tag'), 'image-latest-tag');
  const config = await h.open(CONFIG);
  const text = config.doc.getText();
  const line = text.split('\n').findIndex((l) => l === 'rules:');
  assert.ok(line >= 0, 'rules: line in .podwise.yaml');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(config.uri, new vscode.Position(line + 1, 0), '  image-latest-tag: off\n  no-such-rule: error\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(config.doc.isDirty, 'the edit is not saved yet');
  await h.waitForDiagnostics(manifest.uri, h.lacks('image-latest-tag'), 'image-latest-tag gone while .podwise.yaml is unsaved');
  // the unknown rule id is reported on .podwise.yaml itself
  const configDiags = await h.waitForDiagnostics(config.uri, (ds) => ds.length > 0, 'a diagnostic on the unknown rule id');
  assert.ok(
    configDiags.some((d) => config.doc.getText(d.range).includes('no-such-rule')),
    `a diagnostic on no-such-rule: ${configDiags.map((d) => `${h.fmtDiag(d)} ${config.doc.getText(d.range)}`).join(', ')}`,
  );
  // revert the editor: the file on disk applies again
  await vscode.window.showTextDocument(config.doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(config.doc.getText(), text);
  await h.waitForDiagnostics(manifest.uri, h.has('image-latest-tag'), 'image-latest-tag back after reverting .podwise.yaml');
});
