// Navigation across the workspace through a real LSP client over stdio (lsp/navigation.ts): go to
// definition from a Service selector into a closed file, references of a ConfigMap, rename of a
// label value across two files keeping comments (one WorkspaceEdit, open documents pinned to
// their version), prepareRename's refusal, code lens titles and workspace symbols with resolve.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, fileUri } from '../helpers/lsp-client.mjs';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web # keep this comment
  template:
    metadata:
      labels:
        app: "web"
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - name: http
          containerPort: 8080
        envFrom:
        - configMapRef:
            name: settings
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  # the Pods of the web Deployment
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
`;
const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: fast
`;

const pos = (text, search, delta = 1, nth = 0) => {
  let offset = -1;
  for (let i = 0; i <= nth; i += 1) offset = text.indexOf(search, offset + 1);
  if (offset < 0) throw new Error(`${search} not found`);
  return TextDocument.create('file:///x', 'yaml', 1, text).positionAt(offset + delta);
};

function applyEdits(text, edits) {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return TextDocument.applyEdits(document, edits);
}

describe('language server: navigation across files', () => {
  let workspace;
  let client;
  const file = (name) => join(workspace, name);
  const uri = (name) => fileUri(file(name));

  before(async () => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-navigation-')));
    writeFileSync(file('deployment.yaml'), DEPLOYMENT);
    writeFileSync(file('service.yaml'), SERVICE);
    writeFileSync(file('config.yaml'), CONFIG);
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {}, capabilities: {} });
    await client.idle();
  });

  after(async () => {
    const failures = client?.logs.filter((message) => / failed: /.test(message)) ?? [];
    assert.deepEqual(failures, [], 'no handler failed');
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('announces the navigation capabilities', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.ok(capabilities.codeLensProvider);
    assert.deepEqual(capabilities.workspaceSymbolProvider, { resolveProvider: true });
  });

  test("definition: from the Service's selector value to the Deployment in a closed file", async () => {
    await client.open(uri('service.yaml'), SERVICE);
    const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('service.yaml') }, position: pos(SERVICE, 'app: web', 6) });
    assert.deepEqual(locations, [{ uri: uri('deployment.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }]);
    const port = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: uri('service.yaml') }, position: pos(SERVICE, 'targetPort: http', 13) });
    assert.deepEqual(port, [{ uri: uri('deployment.yaml'), range: { start: { line: 17, character: 16 }, end: { line: 17, character: 20 } } }]);
  });

  test('references: of a ConfigMap, in the file that uses it', async () => {
    await client.open(uri('config.yaml'), CONFIG);
    const locations = await client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: uri('config.yaml') },
      position: pos(CONFIG, 'name: settings', 7),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(locations, [
      { uri: uri('config.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } },
      { uri: uri('deployment.yaml'), range: { start: { line: 21, character: 18 }, end: { line: 21, character: 26 } } },
    ]);
  });

  test('rename: a template label value renames the selector and the Service in another file, keeping comments and quotes', async () => {
    await client.open(uri('deployment.yaml'), DEPLOYMENT);
    const position = pos(DEPLOYMENT, 'app: "web"', 6);
    const prepared = await client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('deployment.yaml') }, position });
    assert.deepEqual(prepared, { range: { start: { line: 11, character: 13 }, end: { line: 11, character: 18 } }, placeholder: 'web' });
    const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uri('deployment.yaml') }, position, newName: 'shop' });
    const byUri = Object.fromEntries(edit.documentChanges.map((change) => [change.textDocument.uri, change]));
    assert.deepEqual(Object.keys(byUri).sort(), [uri('deployment.yaml'), uri('service.yaml')].sort());
    assert.equal(byUri[uri('deployment.yaml')].textDocument.version, 1, 'open documents are pinned to their version');
    const deployment = applyEdits(DEPLOYMENT, byUri[uri('deployment.yaml')].edits);
    assert.equal(deployment, DEPLOYMENT.replace('app: web # keep', 'app: shop # keep').replace('app: "web"', 'app: "shop"'));
    assert.equal(applyEdits(SERVICE, byUri[uri('service.yaml')].edits), SERVICE.replace('app: web', 'app: shop'));
    // Applied by the client: the open documents change, and the Service still selects the Deployment.
    await client.applyWorkspaceEdit(edit);
    const after = await client.connection.sendRequest('textDocument/definition', {
      textDocument: { uri: uri('service.yaml') },
      position: pos(client.text(uri('service.yaml')), 'app: shop', 6),
    });
    assert.equal(after.length, 1);
  });

  test('prepareRename refuses a position that is not renameable, with a message', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/prepareRename', { textDocument: { uri: uri('config.yaml') }, position: pos(CONFIG, 'mode: fast', 7) }),
      (error) => /renames object names/.test(error.message),
    );
  });

  test('code lenses: what the Service selects, which Services select the Deployment, how many use the ConfigMap', async () => {
    const titles = async (name) =>
      (await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(name) } })).map((lens) => [lens.range.start.line, lens.command.title]);
    assert.deepEqual(await titles('service.yaml'), [[0, 'selects 1 Deployment']]);
    assert.deepEqual(await titles('deployment.yaml'), [[0, 'selected by 1 Service']]);
    assert.deepEqual(await titles('config.yaml'), [[0, 'used by 1']]);
  });

  test('workspace symbols: every object as "Kind name"; the range comes on resolve', async () => {
    const symbols = await client.connection.sendRequest('workspace/symbol', { query: 'depweb' });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Deployment web'],
    );
    const all = await client.connection.sendRequest('workspace/symbol', { query: '' });
    assert.deepEqual(all.map((symbol) => symbol.name).sort(), ['ConfigMap settings', 'Deployment web', 'Service web']);
    const resolved = await client.connection.sendRequest('workspaceSymbol/resolve', symbols[0]);
    assert.deepEqual(resolved.location, { uri: uri('deployment.yaml'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } });
  });
});

describe('language server: navigation reads open documents and resolves symbols lazily', () => {
  test("an open document's unsaved text counts; a client that resolves gets symbols without ranges", async () => {
    const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-navigation-lazy-')));
    writeFileSync(join(workspace, 'deployment.yaml'), DEPLOYMENT);
    writeFileSync(join(workspace, 'service.yaml'), SERVICE);
    const client = await LspClient.start({
      workspaceFolders: [workspace],
      settings: {},
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: false },
          symbol: { resolveSupport: { properties: ['location.range'] } },
        },
      },
    });
    try {
      await client.idle();
      const deploymentUri = fileUri(join(workspace, 'deployment.yaml'));
      const serviceUri = fileUri(join(workspace, 'service.yaml'));
      // The Deployment gets a new name in the editor, not on disk: definition lands on the new name's range.
      const edited = DEPLOYMENT.replace('name: web\nspec', 'name: web-frontend\nspec');
      await client.open(deploymentUri, edited);
      await client.open(serviceUri, SERVICE);
      await client.idle();
      const locations = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: serviceUri }, position: pos(SERVICE, 'app: web', 6) });
      assert.deepEqual(locations, [{ uri: deploymentUri, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 20 } } }]);
      const symbols = await client.connection.sendRequest('workspace/symbol', { query: 'Service' });
      assert.deepEqual(
        symbols.map((symbol) => [symbol.name, symbol.location]),
        [['Service web', { uri: serviceUri }]],
      );
      // Without documentChanges, a rename answers `changes` per URI.
      const edit = await client.connection.sendRequest('textDocument/rename', { textDocument: { uri: serviceUri }, position: pos(SERVICE, 'name: web', 7), newName: 'front' });
      assert.deepEqual(Object.keys(edit.changes), [serviceUri]);
    } finally {
      await client.shutdown();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
