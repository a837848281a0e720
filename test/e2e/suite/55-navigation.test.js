// Navigation across files in the real editor (lsp/navigation.ts): go to definition from a
// Service's selector into the Deployment of another file, and rename of a label value that
// updates the Deployment's template and selector and the Service in the other file, comments
// kept. Fixtures: test/e2e/workspace/navigation/.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test, waitFor } = require('./harness');
const h = require('./vscode-helpers');

/** The position just inside the `nth` occurrence of `search` (+ delta characters). */
function positionOf(doc, search, delta = 1, nth = 0) {
  const text = doc.getText();
  let offset = -1;
  for (let i = 0; i <= nth; i += 1) offset = text.indexOf(search, offset + 1);
  assert.ok(offset >= 0, `"${search}" is in ${vscode.workspace.asRelativePath(doc.uri)}`);
  return doc.positionAt(offset + delta);
}

const uriOf = (location) => (location.targetUri || location.uri).toString();
const rangeOf = (location) => location.targetSelectionRange || location.targetRange || location.range;

test('go to definition: from the Service selector value to the Deployment in another file', async () => {
  // Opening a YAML file activates the extension.
  const service = await h.open('navigation/shop-service.yaml');
  await h.activate();
  const position = positionOf(service.doc, 'app: shop', 6);
  // The workspace index is walked in the background after start-up: retry until it answers.
  const locations = await waitFor(
    async () => {
      const result = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', service.uri, position);
      return result && result.length ? result : undefined;
    },
    { timeout: 20000, what: 'a definition for the selector' },
  );
  assert.strictEqual(locations.length, 1, JSON.stringify(locations));
  const target = h.wsUri('navigation/shop-deployment.yaml');
  assert.strictEqual(uriOf(locations[0]), target.toString());
  const deployment = await vscode.workspace.openTextDocument(target);
  assert.strictEqual(deployment.getText(rangeOf(locations[0])), 'shop-web', 'lands on metadata.name');
  assert.strictEqual(rangeOf(locations[0]).start.line, 4);
});

test('rename a label value on the Deployment template: selector and Service follow, comments kept; renamed back', async () => {
  const deployment = await h.open('navigation/shop-deployment.yaml');
  await h.activate();
  const serviceUri = h.wsUri('navigation/shop-service.yaml');
  const originalDeployment = deployment.doc.getText();
  const originalService = (await vscode.workspace.openTextDocument(serviceUri)).getText();
  const rename = async (from, to) => {
    const doc = await vscode.workspace.openTextDocument(deployment.uri);
    const position = positionOf(doc, `app: ${from}`, 6, 1);
    const edit = await waitFor(
      async () => {
        const result = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', deployment.uri, position, to);
        return result && result.size >= 2 ? result : undefined;
      },
      { timeout: 20000, what: `a rename of ${from} touching both files` },
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
  };
  await rename('shop', 'store');
  const renamed = (await vscode.workspace.openTextDocument(deployment.uri)).getText();
  assert.strictEqual(
    renamed,
    originalDeployment.replace('app: shop # the selector', 'app: store # the selector').replace('labels:\n        app: shop', 'labels:\n        app: store'),
  );
  const service = (await vscode.workspace.openTextDocument(serviceUri)).getText();
  assert.strictEqual(service, originalService.replace('app: shop # the Pods', 'app: store # the Pods'));
  // Back to the files as they are on disk (the other tests see the workspace unchanged).
  await rename('store', 'shop');
  assert.strictEqual((await vscode.workspace.openTextDocument(deployment.uri)).getText(), originalDeployment);
  assert.strictEqual((await vscode.workspace.openTextDocument(serviceUri)).getText(), originalService);
  // Same text as on disk, yet dirty: revert each (only these two; other tests keep their edits).
  for (const uri of [deployment.uri, serviceUri]) {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
});
