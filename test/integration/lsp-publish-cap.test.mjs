// What the language server publishes for very large or slow files: at most 1,000 diagnostics per
// file (errors first) plus one `yaml-limit` note, nothing re-sent when nothing changed, and an
// analysis over its time budget published in parts without holding up other requests.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzeText } from '../../dist/server/engine.js';
import { LspClient, fileUri, multiDocument, podManifest } from '../helpers/lsp-client.mjs';

const CAP = 1000;
const LSP_SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * A small Pod with two type errors (env values must be strings), a `:latest` warning and an info
 * (a volume that names no source).
 */
function noisyPod(index) {
  return `apiVersion: v1
kind: Pod
metadata:
  name: noisy-${index}
spec:
  volumes:
  - name: scratch
  containers:
  - name: app
    image: nginx:latest
    env:
    - name: A
      value: 1
    - name: B
      value: 2
`;
}
const noisyFile = (count) => Array.from({ length: count }, (_, index) => noisyPod(index)).join('---\n');

let workspace;
before(() => {
  workspace = mkdtempSync(join(tmpdir(), 'podwise-cap-'));
});
after(() => rmSync(workspace, { recursive: true, force: true }));

describe('published diagnostics per file', () => {
  let client;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { kubernetesVersion: '1.36' } });
  });
  after(async () => {
    assert.deepEqual(
      client.logs.filter((message) => / failed: /.test(message)),
      [],
    );
    await client.shutdown();
  });

  test('more findings than the cap: the cap (errors first, then warnings…) plus one yaml-limit note', async () => {
    const text = noisyFile(300);
    const findings = analyzeText(text, { kubernetesVersion: '1.36', filePath: join(workspace, 'noisy.yaml') }).findings;
    const bySeverity = (severity) => findings.filter((f) => f.severity === severity).length;
    assert.ok(findings.length > CAP && bySeverity('error') < CAP && bySeverity('error') + bySeverity('warning') < CAP, `${findings.length} findings`);
    const uri = fileUri(join(workspace, 'noisy.yaml'));
    await client.open(uri, text);
    // On a slow machine the first analysis may run over its time budget and come in parts.
    const complete = (d) => d.filter((x) => x.severity === LSP_SEVERITY.warning).length === bySeverity('warning');
    const { diagnostics } = await client.waitForDiagnostics(uri, complete, { version: 1, timeout: 30000 });
    assert.equal(diagnostics.length, CAP + 1);
    const notes = diagnostics.filter((d) => d.code === 'yaml-limit');
    assert.equal(notes.length, 1);
    assert.equal(notes[0].severity, LSP_SEVERITY.info);
    assert.deepEqual(notes[0].range.start, { line: 0, character: 0 });
    assert.match(notes[0].message, new RegExp(findings.length.toLocaleString('en-US')));
    const shown = diagnostics.filter((d) => d !== notes[0]);
    assert.equal(shown.filter((d) => d.severity === LSP_SEVERITY.error).length, bySeverity('error'), 'every error');
    assert.equal(shown.filter((d) => d.severity === LSP_SEVERITY.warning).length, bySeverity('warning'), 'every warning');
    assert.equal(shown.filter((d) => d.severity === LSP_SEVERITY.info).length, CAP - bySeverity('error') - bySeverity('warning'), 'infos fill the rest');
    // The status bar still counts everything.
    const status = client.statuses.filter((s) => s.uri === uri).at(-1);
    assert.equal(status.counts.error, bySeverity('error'));
    assert.equal(status.counts.info, bySeverity('info'));
  });

  test('more errors than the cap: only errors, still one note', async () => {
    const uri = fileUri(join(workspace, 'noisier.yaml'));
    const text = noisyFile(600);
    const errors = analyzeText(text, { kubernetesVersion: '1.36', filePath: join(workspace, 'noisier.yaml') }).findings.filter((f) => f.severity === 'error');
    assert.ok(errors.length > CAP);
    await client.open(uri, text);
    // Complete once the status (sent before the diagnostics) counts every error.
    const complete = () => client.statuses.filter((s) => s.uri === uri).at(-1)?.counts.error === errors.length;
    const { diagnostics } = await client.waitForDiagnostics(uri, complete, { version: 1, timeout: 30000 });
    assert.equal(diagnostics.length, CAP + 1);
    assert.deepEqual([...new Set(diagnostics.filter((d) => d.code !== 'yaml-limit').map((d) => d.severity))], [LSP_SEVERITY.error]);
    assert.equal(diagnostics.filter((d) => d.code === 'yaml-limit').length, 1);
  });

  test('under the cap: no note', async () => {
    const uri = fileUri(join(workspace, 'quiet.yaml'));
    await client.open(uri, noisyFile(10));
    const { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: 1 });
    assert.ok(diagnostics.length > 0 && diagnostics.length < CAP);
    assert.ok(!diagnostics.some((d) => d.code === 'yaml-limit'));
  });

  test('identical diagnostics for the same version are not published again', async () => {
    const uri = fileUri(join(workspace, 'same.yaml'));
    await client.open(uri, noisyFile(3));
    await client.waitForDiagnostics(uri, undefined, { version: 1 });
    const publications = client.publications.filter((p) => p.uri === uri).length;
    const statuses = client.statuses.filter((s) => s.uri === uri).length;
    // The same settings again: every document is analyzed again, with the same result.
    await client.setSettings({ kubernetesVersion: '1.36' });
    const deadline = Date.now() + 10000;
    while (client.statuses.filter((s) => s.uri === uri).length === statuses && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(client.statuses.filter((s) => s.uri === uri).length > statuses, 'analyzed again (its status was sent)');
    // A round trip after the status: a publication would have been written before its answer.
    await client.documentSymbol(uri);
    assert.equal(client.publications.filter((p) => p.uri === uri).length, publications, 'no second publication');
    // A real change is published.
    const version = await client.replace(uri, 'value: 1', 'value: "1"');
    const { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version });
    assert.ok(diagnostics.length > 0);
  });
});

describe('an analysis over its time budget', () => {
  let client;
  before(async () => {
    // A budget of 0 ms: every analysis checks one document, publishes, and continues later.
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { kubernetesVersion: '1.36' }, env: { PODWISE_ANALYSIS_BUDGET_MS: '0' } });
  });
  after(async () => {
    assert.deepEqual(
      client.logs.filter((message) => / failed: /.test(message)),
      [],
    );
    await client.shutdown();
  });

  test('is published in parts with one yaml-limit note, answers requests meanwhile, and ends complete', async () => {
    const smallUri = fileUri(join(workspace, 'small.yaml'));
    await client.open(smallUri, podManifest(1));
    await client.waitForDiagnostics(smallUri, undefined, { version: 1 });
    const uri = fileUri(join(workspace, 'big.yaml'));
    const text = multiDocument(30, (index) => (index % 5 === 0 ? { envValue: '123' } : {}));
    const expected = analyzeText(text, { kubernetesVersion: '1.36', filePath: join(workspace, 'big.yaml') }).findings;
    await client.open(uri, text);
    const symbols = await client.documentSymbol(smallUri);
    assert.equal(symbols.length, 1);
    const atAnswer = client.publications.filter((p) => p.uri === uri).length;
    const done = await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'yaml-limit'), { version: 1, timeout: 30000 });
    const parts = client.publications.filter((p) => p.uri === uri);
    assert.ok(parts.length > 10, `published in ${parts.length} parts`);
    assert.ok(atAnswer < parts.length, 'the other request was answered before the analysis ended');
    for (const part of parts.slice(0, -1)) assert.equal(part.diagnostics.filter((d) => d.code === 'yaml-limit').length, 1, 'each part says it is partial');
    const summary = (d) => `${d.code} ${d.message}`;
    assert.deepEqual(done.diagnostics.map(summary).sort(), expected.map((f) => `${f.ruleId} ${f.message}`).sort());
  });
});
