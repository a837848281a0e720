// The outline (vscode.executeDocumentSymbolProvider): one top-level symbol per Kubernetes object,
// named Kind/name, spanning its YAML document; containers underneath.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test, waitFor } = require('./harness');
const h = require('./vscode-helpers');

async function symbols(uri) {
  // The provider is registered when the client starts: retry until it answers with symbols.
  return waitFor(
    async () => {
      const result = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
      return result && result.length ? result : undefined;
    },
    { timeout: 20000, what: `document symbols for ${vscode.workspace.asRelativePath(uri)}` },
  );
}

test('outline of tomcat-harbor.yaml (3 documents): Secret, Deployment, Service, one symbol each, ranges per document', async () => {
  const { uri, doc } = await h.open('tomcat-harbor.yaml');
  const result = await symbols(uri);
  assert.deepStrictEqual(
    result.map((s) => s.name),
    ['Secret/harbor-pull-secret', 'Deployment/my-tomcat', 'Service/my-tomcat'],
  );
  // Each symbol covers its own document: from its `---` marker (or the file start) to the line before the next marker.
  const separators = [];
  for (let i = 0; i < doc.lineCount; i++) if (doc.lineAt(i).text === '---') separators.push(i);
  assert.strictEqual(separators.length, 2);
  const bounds = [
    [0, separators[0] - 1],
    [separators[0], separators[1] - 1],
    [separators[1], doc.lineCount],
  ];
  result.forEach((s, i) => {
    assert.ok(s.range, `${s.name} is a DocumentSymbol (hierarchical), not a SymbolInformation`);
    assert.ok(
      s.range.start.line >= bounds[i][0] && s.range.end.line <= bounds[i][1],
      `${s.name} range ${h.fmtRange(s.range)} is outside its document (lines ${bounds[i][0]}–${bounds[i][1]})`,
    );
    assert.ok(s.range.contains(s.selectionRange), `${s.name}: selection inside range`);
  });
  assert.strictEqual(doc.getText(result[1].selectionRange), 'my-tomcat', 'selection is the metadata.name value');
  const deployment = result[1];
  assert.deepStrictEqual(
    deployment.children.map((c) => c.name),
    ['my-tomcat'],
    'the container under the Deployment',
  );
});

test('outline of a one-object file and of petset.yaml (Service + PetSet): one symbol per document', async () => {
  const single = await h.open('crashloop.yaml');
  assert.deepStrictEqual(
    (await symbols(single.uri)).map((s) => s.name),
    ['Pod/pod-test1'],
  );
  const petset = await h.open('petset.yaml');
  const names = (await symbols(petset.uri)).map((s) => s.name);
  // petset.yaml may have been converted in memory by the quick-fix test: either kind is fine here.
  assert.strictEqual(names.length, 2, JSON.stringify(names));
  assert.strictEqual(names[0], 'Service/nginx');
  assert.match(names[1], /^(PetSet|StatefulSet)\/web$/);
});
