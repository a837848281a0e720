// LSP soak: the built server over stdio takes bursts of incremental didChange (hundreds, sent
// without waiting), requests cancelled in flight ($/cancelRequest on codeAction, hover,
// documentSymbol, completion), close and reopen, and configuration changes mid-burst (Kubernetes
// version, a rule turned off). Afterwards the published diagnostics of every document equal a
// fresh analysis of its final text by the engine bundle: nothing lost, nothing stale.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText } from '../../dist/server/engine.js';
import { LspClient, fileUri, multiDocument, podManifest } from '../helpers/lsp-client.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edits that keep the file mostly Kubernetes: values, typos, planted errors, lines, documents. */
const SNIPPETS = ['x', ' ', '\n', ': ', '- ', '#', 'yes', '0777', '"', '{', ']', '    livenessprobe: {}\n', 'successThreshold: 3', '---\n', 'image: nginx:latest', '\t'];

function randomEdit(document, next) {
  const text = document.getText();
  const at = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.45) {
    return { range: { start: document.positionAt(at), end: document.positionAt(at) }, text: SNIPPETS[Math.floor(next() * SNIPPETS.length)] };
  }
  if (kind < 0.8) {
    const end = Math.min(text.length, at + 1 + Math.floor(next() * 12));
    return { range: { start: document.positionAt(at), end: document.positionAt(end) }, text: '' };
  }
  // Replace a whole line (or duplicate it).
  const line = document.positionAt(at).line;
  const lineText = text.split('\n')[line] ?? '';
  const start = { line, character: 0 };
  const end = { line, character: lineText.length };
  return { range: { start, end }, text: next() < 0.5 ? `${lineText}\n${lineText}` : lineText.replace(/: .*/, ': 0') };
}

/** The LSP diagnostics the server should publish for `text`: the fresh analysis, converted. */
function expected(uri, text, settings) {
  const document = TextDocument.create(uri, 'yaml', 0, text);
  const result = analyzeText(text, {
    kubernetesVersion: settings.kubernetesVersion ?? '1.36',
    rules: settings.rules ?? {},
    staticPodManifest: false,
    filePath: new URL(uri).pathname,
  });
  return result.findings.map((finding) =>
    summarize({ range: { start: document.positionAt(finding.range.start), end: document.positionAt(finding.range.end) }, code: finding.ruleId, message: finding.message }),
  );
}

const summarize = (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`;
const sorted = (list) => [...list].sort();

let workspace;
let client;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'podwise-soak-'));
  client = await LspClient.start({ workspaceFolders: [workspace], settings: { kubernetesVersion: '1.36', rules: {} } });
});

after(async () => {
  const failures = client?.logs.filter((message) => / failed: /.test(message)) ?? [];
  assert.deepEqual(failures, [], 'no handler failed (errors are logged, not thrown)');
  const exit = await client?.shutdown();
  assert.equal(exit?.code, 0, 'the server exits cleanly after the soak');
  rmSync(workspace, { recursive: true, force: true });
});

/**
 * Waits until the server has published diagnostics for the document's current version and then
 * has nothing more scheduled or running (the idle sentinel), and returns the last publication.
 */
async function settled(uri) {
  await client.waitForDiagnostics(uri, () => true, { version: client.version(uri), timeout: 20_000 });
  await client.idle();
  return client.latest(uri);
}

test('bursts of edits, cancellations, close/reopen and settings changes end in exact diagnostics', { timeout: 120_000 }, async () => {
  const next = random(20_260_601);
  const uris = [fileUri(join(workspace, 'big.yaml')), fileUri(join(workspace, 'pod.yaml')), fileUri(join(workspace, 'other.yaml'))];
  const initial = [multiDocument(30), podManifest(1), 'name: not kubernetes\nlist: [1, 2, 3]\n'];
  await Promise.all(uris.map((uri, i) => client.open(uri, initial[i])));
  let settings = { kubernetesVersion: '1.36', rules: {} };
  const requests = [];
  let cancelled = 0;

  const sendCancellable = (method, params) => {
    const source = new CancellationTokenSource();
    const promise = client.connection.sendRequest(method, params, source.token).then(
      (value) => ({ ok: true, value }),
      (error) => ({ ok: false, code: error?.code, message: error?.message }),
    );
    requests.push(promise);
    // Cancel most of them right away (in flight), the rest after a tick.
    if (next() < 0.7) {
      source.cancel();
      cancelled += 1;
    } else {
      setTimeout(() => source.cancel(), 1);
    }
  };

  const ROUNDS = 6;
  const BURST = 80;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i < BURST; i += 1) {
      const uri = uris[Math.floor(next() * uris.length)];
      const document = client.documents.get(uri);
      // Sent without waiting for any diagnostics: a burst, as fast typing or a paste storm.
      // One to three changes in one didChange, each on the text the previous one left (LSP order).
      // (TextDocument.update changes the document it is given: work on a copy.)
      let scratch = TextDocument.create(uri, 'yaml', 0, client.text(uri));
      const changes = [];
      for (let k = 1 + Math.floor(next() * 3); k > 0; k -= 1) {
        const change = randomEdit(scratch, next);
        changes.push(change);
        scratch = TextDocument.update(scratch, [change], scratch.version + 1);
      }
      await client.change(uri, changes);
      if (i % 7 === 0) {
        const position = document.positionAt(Math.floor(next() * document.getText().length));
        const range = { start: position, end: position };
        const textDocument = { uri };
        sendCancellable('textDocument/codeAction', { textDocument, range, context: { diagnostics: [], triggerKind: 1 } });
        sendCancellable('textDocument/hover', { textDocument, position });
        sendCancellable('textDocument/documentSymbol', { textDocument });
        sendCancellable('textDocument/completion', { textDocument, position });
      }
    }
    // Mid-flight: a settings change, a close and reopen, then let some analyses run.
    if (round === 1) {
      settings = { kubernetesVersion: '1.29', rules: {} };
      await client.setSettings(settings);
    } else if (round === 2) {
      const text = client.text(uris[1]);
      await client.close(uris[1]);
      await client.open(uris[1], text);
    } else if (round === 3) {
      settings = { kubernetesVersion: '1.33', rules: { 'image-pull-policy-implicit': 'off', 'resources-unset': 'hint' } };
      await client.setSettings(settings);
      const text = client.text(uris[2]);
      await client.close(uris[2]);
      await client.open(uris[2], `${text}\n---\n${podManifest(7)}`);
    } else if (round === 4) {
      await sleep(30);
    }
  }
  const results = await Promise.all(requests);
  assert.ok(cancelled > 10, 'requests were cancelled in flight');
  // A cancelled request answers with RequestCancelled (-32800) or a result; never another error.
  const unexpected = results.filter((r) => !r.ok && r.code !== -32800);
  assert.deepEqual(unexpected, [], 'requests failed other than by cancellation');

  for (const uri of uris) {
    const publication = await settled(uri);
    assert.equal(publication.version, client.version(uri), `${uri}: the last publication is for the final version`);
    const got = sorted(publication.diagnostics.map(summarize));
    const want = sorted(expected(uri, client.text(uri), settings));
    const lost = want.filter((d) => !got.includes(d));
    const stale = got.filter((d) => !want.includes(d));
    assert.deepEqual({ lost, stale }, { lost: [], stale: [] }, `${uri}: diagnostics equal a fresh analysis`);
    assert.equal(got.length, want.length);
  }
  // Nothing published after the final one for an older version (stale results are dropped).
  for (const uri of uris) {
    const last = client.latest(uri);
    const afterwards = client.publications.slice(client.publications.indexOf(last) + 1).filter((p) => p.uri === uri);
    assert.deepEqual(afterwards, []);
  }
});

test('after the soak the server still answers promptly and exactly', { timeout: 30_000 }, async () => {
  const uri = fileUri(join(workspace, 'after.yaml'));
  const text = podManifest(3, { envValue: 'yes' });
  await client.open(uri, text);
  const diagnostics = await client.diagnosticsForCurrent(uri);
  assert.deepEqual(sorted(diagnostics.map(summarize)), sorted(expected(uri, text, client.settings)));
  const symbols = await client.documentSymbol(uri);
  assert.ok(Array.isArray(symbols) && symbols.length > 0);
});
