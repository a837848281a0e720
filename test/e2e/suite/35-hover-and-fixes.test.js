// Hover and quick fixes that say more with less (issue #11): every field has facts on hover
// (`workingDir`), and an enum near-miss gets a "change to" fix in the quick-fix menu.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test } = require('./harness');
const h = require('./vscode-helpers');

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  'spec:',
  '  containers:',
  '  - name: web',
  '    image: nginx:1.27',
  '    workingDir: /srv',
  '    imagePullPolicy: Alwaysz',
  '',
].join('\n');

async function untitled(content) {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  const before = h.publishCount(doc.uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  await h.waitForPublish(doc.uri, before, 'the first publication');
  return doc;
}

const hoverText = (hovers) => hovers.flatMap((hover) => hover.contents.map((part) => (typeof part === 'string' ? part : part.value))).join('\n');

test('hover on workingDir shows its facts: type, optional, and what it does', async () => {
  await h.activate();
  const doc = await untitled(POD);
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, new vscode.Position(8, 6));
  const text = hoverText(hovers);
  assert.match(text, /\*\*workingDir\*\* · string · optional/, text);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('an enum near-miss (imagePullPolicy: Alwaysz) offers "Always" in the quick-fix menu, and the fix clears it', async () => {
  const doc = await untitled(POD);
  const diagnostics = await h.waitForDiagnostics(doc.uri, h.has('schema-enum'), 'schema-enum');
  const finding = h.single(diagnostics, 'schema-enum');
  assert.strictEqual(doc.getText(finding.range), 'Alwaysz');
  assert.ok(finding.message.length <= 100, `short message: ${finding.message}`);
  const fixes = await h.quickFixes(doc.uri, finding);
  const change = fixes.find((action) => /Always\b/.test(action.title) && !/Alwaysz/.test(action.title));
  assert.ok(change, `a fix to Always among: ${fixes.map((a) => a.title)}`);
  const since = h.publishCount(doc.uri);
  await h.applyAction(change);
  assert.match(doc.getText(), /imagePullPolicy: Always\n/);
  await h.waitForPublish(doc.uri, since, 'diagnostics after the fix');
  await h.waitForDiagnostics(doc.uri, h.lacks('schema-enum'), 'no schema-enum');
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});
