// Protocol tests: the built language server over stdio, driven by a real LSP client
// (vscode-languageserver-protocol). Diagnostics, their ranges, incremental edits, stale
// versions, settings and `.podwise.yaml` applied without reopening.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, fileUri, multiDocument, podManifest, positionOf, rangeOf } from '../helpers/lsp-client.mjs';

const ROOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const LIVENESS_TYPO = '    livenessprobe:\n      tcpSocket:\n        port: 8080\n';
const codes = (diagnostics) => diagnostics.map((d) => d.code).sort();
const schema = (diagnostics) => diagnostics.filter((d) => String(d.code).startsWith('schema-'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Offset where the `index`-th (0-based) document of a `---`-joined file starts. */
function documentStart(text, index) {
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset = text.indexOf('---\n', offset) + 4;
  return offset;
}

describe('language server: diagnostics', () => {
  let workspace;
  let client;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-lsp-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    const failures = client?.logs.filter((message) => / failed: /.test(message)) ?? [];
    assert.deepEqual(failures, [], 'no handler failed (errors are logged, not thrown)');
    const exit = await client?.shutdown();
    assert.equal(exit?.code, 0, 'the server exits cleanly after shutdown/exit');
    rmSync(workspace, { recursive: true, force: true });
  });

  test('advertises incremental sync and its features', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(capabilities.textDocumentSync.change, 2);
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.podwise']);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.foldingRangeProvider);
  });

  test('document 51 of a 100-document file: exact ranges for an unknown field and a type error', async () => {
    const uri = fileUri(join(workspace, 'hundred.yaml'));
    const text = multiDocument(100, (index) => (index === 50 ? { extraContainerYaml: LIVENESS_TYPO, envValue: '123456' } : {}));
    await client.open(uri, text);
    const { diagnostics, version } = await client.waitForDiagnostics(uri);
    assert.equal(version, 1);
    const start = documentStart(text, 50);
    const keyOffset = text.indexOf('livenessprobe:', start);
    const valueOffset = text.indexOf('value: 123456', start) + 'value: '.length;
    assert.deepEqual(
      schema(diagnostics).map((d) => ({ code: d.code, range: d.range })),
      [
        { code: 'schema-type', range: { start: positionOf(text, valueOffset), end: positionOf(text, valueOffset + 6) } },
        { code: 'schema-unknown-field', range: { start: positionOf(text, keyOffset), end: positionOf(text, keyOffset + 'livenessprobe'.length) } },
      ].sort((a, b) => a.range.start.line - b.range.start.line),
    );
    // The planted lines sit inside document 51, past line 2,500 of the file.
    const firstLine = positionOf(text, start).line;
    assert.ok(firstLine >= 2500, `document 51 starts at line ${firstLine}`);
    assert.ok(positionOf(text, keyOffset).line > firstLine && positionOf(text, keyOffset).line < firstLine + 60);
    for (const d of diagnostics) {
      assert.equal(d.source, 'podwise');
      // The rule page installed with the server: a file URI that exists (opens offline).
      assert.equal(d.codeDescription.href, pathToFileURL(join(ROOT_DIR, 'docs', 'rules', `${d.code}.md`)).href);
      assert.ok(existsSync(fileURLToPath(d.codeDescription.href)), d.codeDescription.href);
      assert.equal(d.data.version, 1);
      assert.ok(Array.isArray(d.data.fixes));
    }
    const unknown = diagnostics.find((d) => d.code === 'schema-unknown-field');
    assert.match(unknown.message, /livenessProbe/, 'says "did you mean livenessProbe"');
    assert.equal(diagnostics.filter((d) => d.severity === 1).length, 2, 'no other errors in the file');
  });

  test('republishes after incremental edits: fix one problem, plant another', async () => {
    const uri = fileUri(join(workspace, 'hundred.yaml'));
    const start = documentStart(client.text(uri), 50);
    // Fix the type error in document 51 (a one-line edit: other ranges do not move).
    const v2 = await client.replace(uri, 'value: 123456', 'value: "123456"', start);
    let { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: v2 });
    assert.deepEqual(codes(schema(diagnostics)), ['schema-unknown-field']);
    // Plant an unknown field in document 80 by inserting a line.
    const text = client.text(uri);
    const at = text.indexOf('    image: registry.example.com/web:1.79.0\n');
    const insertAt = positionOf(text, at);
    const v3 = await client.change(uri, [{ range: { start: insertAt, end: insertAt }, text: '    imagePolicy: Always\n' }]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: v3 }));
    const after = client.text(uri);
    const planted = rangeOf(after, 'imagePolicy');
    assert.deepEqual(
      schema(diagnostics).map((d) => [d.code, d.range.start.line]),
      [
        ['schema-unknown-field', rangeOf(after, 'livenessprobe').start.line],
        ['schema-unknown-field', planted.start.line],
      ],
    );
    assert.deepEqual(schema(diagnostics)[1].range, planted);
    // Delete the planted line again, and the typo too: the file is clean.
    const lineRange = { start: { line: planted.start.line, character: 0 }, end: { line: planted.start.line + 1, character: 0 } };
    const typo = rangeOf(after, LIVENESS_TYPO);
    const v4 = await client.change(uri, [
      { range: lineRange, text: '' },
      { range: { start: typo.start, end: { line: typo.start.line + 3, character: 0 } }, text: '' },
    ]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: v4 }));
    assert.deepEqual(schema(diagnostics), []);
  });

  test('a burst of edits ends with the diagnostics of the last version, never older ones after newer', async () => {
    const uri = fileUri(join(workspace, 'burst.yaml'));
    await client.open(uri, podManifest(1));
    await client.waitForDiagnostics(uri, undefined, { version: 1 });
    const mark = client.publications.length;
    // Type "imagePolicy: x" on a new line after the image, one character per didChange.
    const typed = '\n    imagePolicy: x';
    let offset = client.text(uri).indexOf('\n', client.text(uri).indexOf('    image: '));
    let version = 1;
    for (const character of typed) {
      const position = positionOf(client.text(uri), offset);
      version = await client.change(uri, [{ range: { start: position, end: position }, text: character }]);
      offset += 1;
    }
    const final = await client.waitForDiagnostics(uri, undefined, { version });
    await client.idle();
    const published = client.publications
      .slice(mark)
      .filter((p) => p.uri === uri)
      .map((p) => p.version);
    assert.ok(published.length >= 1);
    for (let i = 1; i < published.length; i += 1) assert.ok(published[i] >= published[i - 1], `versions went backwards: ${published}`);
    assert.equal(published[published.length - 1], version);
    assert.ok(final.diagnostics.every((d) => d.data.version === version));
  });

  test('results for a stale version are dropped (settings read while the document changes)', async () => {
    const uri = fileUri(join(workspace, 'stale.yaml'));
    await client.open(uri, podManifest(2));
    await client.waitForDiagnostics(uri, undefined, { version: 1 });
    client.configurationDelay = 150;
    try {
      const mark = client.publications.length;
      await client.setSettings({ kubernetesVersion: '1.36' }); // the re-validation of v1 now waits for settings
      await sleep(20);
      const v2 = await client.replace(uri, 'value: info', 'value: 42');
      const { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: v2 });
      await client.idle();
      const published = client.publications.slice(mark).filter((p) => p.uri === uri);
      assert.deepEqual(
        published.map((p) => p.version),
        [v2],
        'only the current version is published',
      );
      assert.deepEqual(codes(schema(diagnostics)), ['schema-type']);
    } finally {
      client.configurationDelay = 0;
    }
  });

  test('settings changes (kubernetesVersion, a rule off) re-validate open documents without reopening', async () => {
    const uri = fileUri(join(workspace, 'versions.yaml'));
    const text = podManifest(3).replace('spec:\n', 'spec:\n  hostnameOverride: web-3\n');
    await client.open(uri, text);
    let { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: 1 });
    assert.deepEqual(schema(diagnostics), [], 'hostnameOverride exists in 1.36');
    let mark = client.publications.length;
    await client.setSettings({ kubernetesVersion: '1.29' });
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => schema(d).length > 0, { since: mark }));
    assert.deepEqual(
      schema(diagnostics).map((d) => [d.code, d.range]),
      [['schema-unknown-field', rangeOf(text, 'hostnameOverride')]],
    );
    assert.equal(client.statuses.filter((s) => s.uri === uri).at(-1).kubernetesVersion, '1.29');
    mark = client.publications.length;
    await client.setSettings({ kubernetesVersion: '1.29', rules: { 'schema-unknown-field': 'off' } });
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => schema(d).length === 0, { since: mark }));
    mark = client.publications.length;
    await client.setSettings({ kubernetesVersion: '1.29', rules: { 'schema-unknown-field': 'hint' } });
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => schema(d).length === 1, { since: mark }));
    assert.equal(schema(diagnostics)[0].severity, 4);
    mark = client.publications.length;
    await client.setSettings({});
    await client.waitForDiagnostics(uri, (d) => schema(d).length === 0, { since: mark });
  });

  test('exclude globs publish empty diagnostics; static-Pod paths are detected', async () => {
    const excludedUri = fileUri(join(workspace, 'generated', 'pod.yaml'));
    const staticUri = fileUri(join(workspace, 'node', 'etc', 'kubernetes', 'manifests', 'etcd.yaml'));
    const broken = podManifest(4, { envValue: '123' });
    let mark = client.publications.length;
    await client.setSettings({ exclude: ['generated/**'] });
    await client.open(excludedUri, broken);
    await client.open(staticUri, podManifest(5));
    const excluded = await client.waitForDiagnostics(excludedUri, undefined, { since: mark });
    assert.deepEqual(excluded.diagnostics, []);
    await client.waitForDiagnostics(staticUri, undefined, { since: mark });
    await client.idle();
    assert.equal(client.statuses.filter((s) => s.uri === excludedUri).at(-1).state, 'excluded');
    assert.equal(client.statuses.filter((s) => s.uri === staticUri).at(-1).staticPod, true);
    mark = client.publications.length;
    await client.setSettings({});
    const included = await client.waitForDiagnostics(excludedUri, (d) => d.length > 0, { since: mark });
    assert.deepEqual(codes(schema(included.diagnostics)), ['schema-type']);
    await client.close(excludedUri);
    await client.close(staticUri);
  });

  test('.podwise.yaml on disk and in the editor applies without reopening; its problems are published on it', async () => {
    const uri = fileUri(join(workspace, 'configured.yaml'));
    const text = podManifest(6, { envValue: '8080' }).replace('spec:\n', 'spec:\n  hostnameOverride: web-6\n');
    await client.open(uri, text);
    let { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: 1 });
    assert.deepEqual(codes(schema(diagnostics)), ['schema-type']);

    // Created on disk: the watcher event makes it apply.
    const configPath = join(workspace, '.podwise.yaml');
    writeFileSync(configPath, 'rules:\n  schema-type: off\n');
    let mark = client.publications.length;
    await client.didChangeWatchedFiles([{ uri: fileUri(configPath), type: 1 }]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => schema(d).length === 0, { since: mark }));

    // Opened and edited in the editor: unsaved text applies, and a typo in it is reported on it.
    const configUri = fileUri(configPath);
    mark = client.publications.length;
    await client.open(configUri, 'kubernetesVersion: "1.29"\nrules:\n  schema-type: off\nrulez: {}\n');
    const configDiagnostics = await client.waitForDiagnostics(configUri, (d) => d.length > 0, { since: mark });
    assert.deepEqual(
      configDiagnostics.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['config-invalid', 3]],
    );
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => codes(schema(d)).join() === 'schema-unknown-field', { since: mark }));
    assert.equal(client.statuses.filter((s) => s.uri === uri).at(-1).versionSource, 'config-file');

    mark = client.publications.length;
    await client.replace(configUri, '"1.29"', '"1.36"');
    await client.waitForDiagnostics(uri, (d) => schema(d).length === 0, { since: mark });

    // Closed: the disk content (rules only) applies again. Deleted: nothing applies.
    mark = client.publications.length;
    await client.close(configUri);
    await client.waitForDiagnostics(configUri, (d) => d.length === 0, { since: mark });
    rmSync(configPath);
    mark = client.publications.length;
    await client.didChangeWatchedFiles([{ uri: configUri, type: 3 }]);
    ({ diagnostics } = await client.waitForDiagnostics(uri, (d) => schema(d).length === 1, { since: mark }));
    assert.deepEqual(codes(schema(diagnostics)), ['schema-type']);
    await client.close(uri);
  });

  test('non-Kubernetes YAML and non-YAML documents get empty diagnostics', async () => {
    const workflow = fileUri(join(workspace, '.github', 'workflows', 'ci.yaml'));
    await client.open(workflow, 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n    - run: npm test\n');
    assert.deepEqual((await client.waitForDiagnostics(workflow)).diagnostics, []);
    const compose = fileUri(join(workspace, 'compose.yaml'));
    await client.open(compose, 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
    assert.deepEqual((await client.waitForDiagnostics(compose)).diagnostics, []);
    const markdown = fileUri(join(workspace, 'README.md'));
    await client.open(markdown, 'apiVersion: v1\nkind: Pod\nspec:\n  containers: 3\n', 'markdown');
    assert.deepEqual((await client.waitForDiagnostics(markdown)).diagnostics, []);
    assert.deepEqual(await client.documentSymbol(workflow), []);
  });

  test('odd input never takes the server down', async () => {
    const junk = [
      '\u0000\u0001\u0002binary\uFFFD junk {{{ [[[ ::: ---',
      '\uFEFFapiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  containers: 3\r\n',
      `${'['.repeat(2000)}${']'.repeat(2000)}`,
      'a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c, *c, *c]\n',
      '\tapiVersion: v1\n\tkind: Pod\n',
      '---\n---\n...\n---\n',
    ];
    for (const [index, text] of junk.entries()) {
      const uri = fileUri(join(workspace, `junk-${index}.yaml`));
      await client.open(uri, text);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      const lines = text.split('\n').length;
      for (const d of diagnostics) assert.ok(d.range.end.line < lines, `diagnostic inside the document: ${JSON.stringify(d.range)}`);
      await client.documentSymbol(uri);
      await client.foldingRange(uri);
      await client.codeAction(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, diagnostics);
      await client.close(uri);
    }
    const uri = fileUri(join(workspace, 'after-junk.yaml'));
    await client.open(uri, podManifest(9, { envValue: '9' }));
    assert.deepEqual(codes(schema((await client.waitForDiagnostics(uri)).diagnostics)), ['schema-type']);
    assert.equal(client.process.exitCode, null, 'still running');
  });

  test('untitled documents are checked', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, podManifest(7, { envValue: '99' }));
    const { diagnostics } = await client.waitForDiagnostics(uri);
    assert.deepEqual(codes(schema(diagnostics)), ['schema-type']);
    await client.close(uri);
  });
});

describe('language server: multi-root workspaces and trust', () => {
  const roots = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  const hostnamePod = podManifest(8).replace('spec:\n', 'spec:\n  hostnameOverride: web-8\n');

  test('each workspace folder uses its own .podwise.yaml and its own editor settings', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'podwise-multi-'));
    roots.push(parent);
    const a = join(parent, 'a');
    const b = join(parent, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, '.podwise.yaml'), 'kubernetesVersion: "1.29"\n');
    const settings = (scopeUri) => (scopeUri === fileUri(b) ? { rules: { 'schema-type': 'off' } } : {});
    const client = await LspClient.start({ workspaceFolders: [a, b], settings });
    try {
      const uriA = fileUri(join(a, 'pod.yaml'));
      const uriB = fileUri(join(b, 'pod.yaml'));
      const text = hostnamePod.replace('value: "8080"', 'value: 8080');
      await client.open(uriA, text);
      await client.open(uriB, text);
      const inA = await client.waitForDiagnostics(uriA);
      const inB = await client.waitForDiagnostics(uriB);
      assert.deepEqual(codes(schema(inA.diagnostics)), ['schema-type', 'schema-unknown-field']);
      assert.deepEqual(codes(schema(inB.diagnostics)), []);
    } finally {
      await client.shutdown();
    }
  });

  test('in an untrusted workspace .podwise.yaml may change the version and rules, not the globs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'podwise-untrusted-'));
    roots.push(root);
    writeFileSync(join(root, '.podwise.yaml'), 'kubernetesVersion: "1.29"\nexclude: ["**/*.yaml"]\n');
    const client = await LspClient.start({ workspaceFolders: [root], initializationOptions: { workspaceTrusted: false } });
    try {
      const uri = fileUri(join(root, 'pod.yaml'));
      await client.open(uri, hostnamePod);
      const { diagnostics } = await client.waitForDiagnostics(uri);
      assert.deepEqual(codes(schema(diagnostics)), ['schema-unknown-field'], 'version applies, exclude does not');
      const mark = client.publications.length;
      await client.sendNotification('podwise/workspaceTrust', { trusted: true });
      await client.waitForDiagnostics(uri, (d) => d.length === 0, { since: mark });
      assert.equal(client.statuses.at(-1).state, 'excluded');
    } finally {
      await client.shutdown();
    }
  });
});
