// Non-Kubernetes YAML (a GitHub Actions workflow, compose services, a kustomization, a Helm
// template) stays clean: the server looks at it (a publication arrives) and reports nothing, even
// for an image without a tag, a command that exits and a number where Kubernetes wants a string.
// (A file named docker-compose.yaml gets VS Code's own language id `dockercompose`, not yaml, so
// the compose fixture has another name: the server must be the one leaving it alone.)
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test } = require('./harness');
const h = require('./vscode-helpers');

for (const file of ['ci/github-workflow.yaml', 'ci/compose-services.yaml', 'ci/kustomization.yaml', 'ci/chart/templates/deployment.yaml']) {
  test(`${file} gets no diagnostics (not Kubernetes)`, async () => {
    await h.activate();
    const { uri, doc, before } = await h.open(file);
    assert.strictEqual(doc.languageId, 'yaml', 'VS Code treats the file as YAML');
    await h.waitForPublish(uri, before, 'the server to publish');
    assert.deepStrictEqual(h.podwiseDiagnostics(uri).map(h.fmtDiag), []);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri).map(h.fmtDiag), [], 'no diagnostics from anyone');
  });
}

test('a compose file edited into a Kubernetes object gets checked, and clean again when it is not one', async () => {
  const { uri, doc } = await h.open('ci/compose-services.yaml');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(1, 0), 'apiVersion: v1\nkind: Pod\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  // services: is not a Pod field: the schema now complains
  await h.waitForDiagnostics(uri, (ds) => ds.some((d) => h.severityOf(d) === 'error'), 'an error once it is a Pod');
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await h.waitForDiagnostics(uri, (ds) => ds.length === 0, 'clean again after the revert');
});
