// The server's start-up line in the client's log (versions, Node, the Kubernetes version and where
// it comes from), rule-docs links that open offline (the pages installed with the server, as
// `file://` URIs, also for clients that run the command on the server), and the client-only
// `podwise.trace.server` setting passing through the server's settings without a complaint.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizeSettings, ruleDocsLink } from '../../dist/server/engine.js';
import { LspClient, fileUri } from '../helpers/lsp-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const DOCS = `${pathToFileURL(join(ROOT, 'docs', 'rules')).href}/`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const STARTED = /^Podwise \S+: server (\S+ )?started/;
async function startupLine(client) {
  for (let i = 0; i < 250 && !client.logs.some((line) => STARTED.test(line)); i += 1) await sleep(20);
  return client.logs.find((line) => STARTED.test(line));
}

test('start-up line: extension and server version, Node, Kubernetes version and its source', async () => {
  const vscodeLike = await LspClient.start({
    initializationOptions: { clientSynchronizes: true, kubernetesVersion: '1.34', kubernetesVersionSource: 'user settings', extensionVersion: VERSION },
  });
  try {
    assert.equal(await startupLine(vscodeLike), `Podwise ${VERSION}: server started (Node ${process.version}), Kubernetes 1.34 from user settings`);
    assert.equal(vscodeLike.initializeResult.serverInfo.version, VERSION, 'serverInfo carries the package version');
  } finally {
    await vscodeLike.shutdown();
  }

  const unset = await LspClient.start({ initializationOptions: { kubernetesVersion: '1.36', kubernetesVersionSource: 'default', extensionVersion: '9.9.9' } });
  try {
    assert.equal(await startupLine(unset), `Podwise 9.9.9: server ${VERSION} started (Node ${process.version}), Kubernetes 1.36 (default)`, 'a client of another version says so');
  } finally {
    await unset.shutdown();
  }

  const other = await LspClient.start({});
  try {
    assert.match(
      await startupLine(other),
      new RegExp(`^Podwise ${VERSION.replace(/\./g, '\\.')}: server started \\(Node v[\\d.]+\\), Kubernetes 1\\.\\d+ \\(default until the settings are read\\)$`),
    );
  } finally {
    await other.shutdown();
  }
});

test('rule docs: diagnostics and the showRuleDocs command point at the installed pages (file URIs that exist)', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'podwise-docs-'));
  const shown = [];
  const client = await LspClient.start({ workspaceFolders: [workspace] });
  client.connection.onRequest('window/showDocument', (params) => {
    shown.push(params);
    return { success: true };
  });
  try {
    const uri = fileUri(join(workspace, 'pod.yaml'));
    await client.open(uri, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n    ports:\n    - containerPort: "80"\n');
    const diagnostics = await client.diagnosticsForCurrent(uri, { predicate: (list) => list.length > 0 });
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.codeDescription.href, `${DOCS}${diagnostic.code}.md`);
      assert.ok(existsSync(fileURLToPath(diagnostic.codeDescription.href)), diagnostic.codeDescription.href);
    }
    await client.connection.sendRequest('workspace/executeCommand', { command: 'podwise.showRuleDocs', arguments: ['probe-success-threshold'] });
    await client.connection.sendRequest('workspace/executeCommand', { command: 'podwise.showRuleDocs', arguments: ['../../etc/passwd'] });
    assert.deepEqual(shown, [{ uri: `${DOCS}probe-success-threshold.md`, takeFocus: true }], 'the installed page, in the editor; a bad id opens nothing');
  } finally {
    await client.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  }
});

test('ruleDocsLink joins a front end base and a rule id', () => {
  assert.equal(ruleDocsLink('file:///opt/podwise/docs/rules/', 'schema-type'), 'file:///opt/podwise/docs/rules/schema-type.md');
  assert.equal(ruleDocsLink('file:///opt/podwise/docs/rules', 'schema-type'), 'file:///opt/podwise/docs/rules/schema-type.md');
});

test('podwise.trace.server (read by the VS Code client) is no unknown setting for the server', () => {
  // VS Code sends the whole `podwise` section, the contributed trace default included.
  const { problems, settings } = normalizeSettings('editor', { kubernetesVersion: '1.35', trace: { server: 'verbose' } });
  assert.deepEqual(problems, []);
  assert.equal(settings.kubernetesVersion, '1.35');
});
