// One model of a file per version (engine/snapshot.ts): once a version is analyzed, hover, inlay
// hints, completion, the outline, folding and code actions answer from its snapshot, and nothing
// is parsed again. The server counts every parse in its process (podwise/debug/parses).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri, positionOf, rangeOf } from '../helpers/lsp-client.mjs';

const FILE = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    imagePullPolicy: Sometimes
    
    readinessProbe:
      httpGet: {path: /ready, port: 8080}
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: example/api:2.0
`;

describe('language server: one snapshot per version', () => {
  let workspace;
  let client;
  const parses = async () => (await client.connection.sendRequest('podwise/debug/parses')).parses;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-snapshot-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('after the analysis of a version, no feature parses the file again', async () => {
    const uri = fileUri(join(workspace, 'three.yaml'));
    await client.open(uri, FILE);
    const diagnostics = await client.diagnosticsForCurrent(uri);
    await client.idle();
    const enumDiagnostic = diagnostics.find((diagnostic) => diagnostic.code === 'schema-enum');
    assert.ok(enumDiagnostic);
    const analysed = await parses();

    const hover = await client.hover(uri, positionOf(FILE, FILE.indexOf('readinessProbe') + 2));
    assert.match(hover.contents.value, /readiness/i);
    const hints = await client.inlayHints(uri);
    assert.ok(hints.some((hint) => hint.label === 'grace 30s'));
    // The empty line in the container (nothing typed yet: the snapshot's parse serves).
    const completion = await client.completion(uri, { line: 9, character: 4 });
    assert.ok(completion.items.some((item) => item.label === 'livenessProbe (httpGet)'));
    const values = await client.completion(uri, positionOf(FILE, FILE.indexOf('Sometimes')));
    assert.ok(values.items.some((item) => item.label === 'IfNotPresent'));
    const symbols = await client.documentSymbol(uri);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Pod/web', 'List', 'Deployment/api'],
    );
    assert.ok((await client.foldingRange(uri)).length > 3);
    assert.equal(await parses(), analysed, 'a feature parsed the file again');

    // Code actions: "Disable … for this object" proves its edit by parsing the edited document
    // (suppression-fixes.ts): that one parse of another text, and no parse of this one.
    const actions = await client.codeAction(uri, enumDiagnostic.range, [enumDiagnostic]);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Disable schema-enum for this object'), titles.join(', '));
    assert.ok(titles.includes('Disable schema-enum for this line'));
    assert.equal(await parses(), analysed + 1);
    // A diagnostic whose data is not for this text: its finding is looked up in the snapshot.
    const foreign = { ...enumDiagnostic, data: { ...enumDiagnostic.data, text: 'another-text' } };
    const again = await client.codeAction(uri, foreign.range, [foreign]);
    assert.ok(again.some((action) => action.title === 'Disable schema-enum for this object'));
    assert.equal(await parses(), analysed + 2);
    await client.codeAction(uri, rangeOf(FILE, 'apiVersion'), [], ['source.fixAll.podwise']);
    assert.equal(await parses(), analysed + 2);
  });

  test('an edit parses the edited document once, whichever comes first: a feature or the diagnostics', async () => {
    const uri = fileUri(join(workspace, 'three.yaml'));
    const before = await parses();
    const version = await client.replace(uri, 'name: api', 'name: api-v2');
    // Asked before the diagnostics of the new version may have been computed.
    const symbols = await client.documentSymbol(uri);
    assert.equal(symbols[2].name, 'Deployment/api-v2');
    await client.waitForDiagnostics(uri, undefined, { version });
    await client.hover(uri, positionOf(client.text(uri), client.text(uri).indexOf('example/api')));
    await client.idle();
    assert.equal((await parses()) - before, 1);
  });
});
