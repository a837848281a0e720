// Protocol tests for the outline (document symbols) and folding ranges.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri, multiDocument, rangeOf } from '../helpers/lsp-client.mjs';

const FILE = `# The shop front end
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      initContainers:
      - name: migrate
        image: shop-migrate:1.0
      - name: proxy
        image: envoy:1.30
        restartPolicy: Always
      containers:
      - name: web
        image: shop:2.1
---
apiVersion: v1
kind: Service
metadata:
  name: shop
spec:
  selector:
    app: shop
  ports:
  - port: 80
    targetPort: 8080
---
# only a comment
---
apiVersion: batch/v1
kind: CronJob
metadata:
  generateName: nightly-
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - image: backup:3
`;

describe('language server: outline and folding', () => {
  let workspace;
  let client;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-outline-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  const contains = (outer, inner) =>
    (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
    (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));

  test('one symbol per Kubernetes object (Kind/name), containers underneath', async () => {
    const uri = fileUri(join(workspace, 'shop.yaml'));
    await client.open(uri, FILE);
    const symbols = await client.documentSymbol(uri);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail, s.children.map((c) => [c.name, c.detail])]),
      [
        [
          'Deployment/shop',
          'apps/v1',
          [
            ['migrate', 'init container · shop-migrate:1.0'],
            ['proxy', 'sidecar container · envoy:1.30'],
            ['web', 'container · shop:2.1'],
          ],
        ],
        ['Service/shop', 'v1', []],
        ['CronJob/nightly-', 'batch/v1', [['containers[0]', 'container · backup:3']]],
      ],
    );
    const [deployment, service] = symbols;
    assert.equal(deployment.range.start.line, 0);
    assert.equal(deployment.range.end.line, 23);
    assert.deepEqual(deployment.selectionRange, rangeOf(FILE, 'shop', { from: FILE.indexOf('name: shop') }));
    assert.deepEqual(deployment.children[2].selectionRange, rangeOf(FILE, 'web', { from: FILE.indexOf('- name: web') }));
    assert.equal(service.range.start.line, 24, 'the Service starts at its --- line');
    for (const symbol of symbols) {
      assert.ok(contains(symbol.range, symbol.selectionRange));
      for (const child of symbol.children) {
        assert.ok(contains(symbol.range, child.range), `${child.name} inside ${symbol.name}`);
        assert.ok(contains(child.range, child.selectionRange));
      }
    }
    assert.equal(deployment.kind, 5);
    assert.equal(deployment.children[0].kind, 19);
  });

  test('symbols follow edits', async () => {
    const uri = fileUri(join(workspace, 'shop.yaml'));
    const version = await client.replace(uri, 'name: web', 'name: storefront');
    await client.waitForDiagnostics(uri, undefined, { version });
    const symbols = await client.documentSymbol(uri);
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['migrate', 'proxy', 'storefront'],
    );
  });

  test('folding: each document, each indented block, comment runs', async () => {
    const uri = fileUri(join(workspace, 'shop.yaml'));
    const folds = await client.foldingRange(uri);
    const spans = folds.map((f) => `${f.startLine}-${f.endLine}${f.kind ? ` ${f.kind}` : ''}`);
    // Documents: the Deployment (after its leading comment), the Service and the CronJob (from ---).
    for (const span of ['1-23', '24-34', '37-50']) assert.ok(spans.includes(span), `${span} in ${spans}`);
    // Blocks: metadata, spec, template, initContainers with its items, a sequence item.
    for (const span of ['5-23', '10-23', '15-20', '16-17', '18-20', '21-23', '32-34']) assert.ok(spans.includes(span), `${span} in ${spans}`);
    const starts = folds.map((f) => f.startLine);
    assert.equal(new Set(starts).size, starts.length, 'one range per start line');
    for (const fold of folds) assert.ok(fold.endLine > fold.startLine);
  });

  test('comment blocks fold as comments', async () => {
    const uri = fileUri(join(workspace, 'commented.yaml'));
    await client.open(uri, '# line one\n# line two\n# line three\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "1"\n');
    const folds = await client.foldingRange(uri);
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine, f.kind]),
      [
        [0, 2, 'comment'],
        [3, 8, undefined],
        [5, 6, undefined],
        [7, 8, undefined],
      ],
    );
  });

  test('a 100-document file: 100 symbols and a fold per document', async () => {
    const uri = fileUri(join(workspace, 'hundred.yaml'));
    const text = multiDocument(100);
    await client.open(uri, text);
    const symbols = await client.documentSymbol(uri);
    assert.equal(symbols.length, 100);
    assert.equal(symbols[50].name, 'Pod/web-50');
    assert.deepEqual(
      symbols[50].children.map((c) => c.name),
      ['app'],
    );
    const folds = await client.foldingRange(uri);
    const documentStarts = text.split('\n').flatMap((line, index) => (line === '---' ? [index] : []));
    for (const start of documentStarts)
      assert.ok(
        folds.some((f) => f.startLine === start),
        `fold at --- line ${start}`,
      );
  });

  test('no symbols for non-Kubernetes YAML', async () => {
    const uri = fileUri(join(workspace, 'compose.yaml'));
    await client.open(uri, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(await client.documentSymbol(uri), []);
    const folds = await client.foldingRange(uri);
    assert.ok(folds.some((f) => f.startLine === 0 && f.endLine === 2));
  });
});
