#!/usr/bin/env node
// Measures the built language server over stdio, as an editor drives it:
//   - cold start: spawn → initialize → didOpen → first diagnostics (median of N runs);
//   - edit-to-diagnostics: didChange sent → publishDiagnostics for that version received, on
//     (a) a 150-line Pod and (b) a 5,000-line file of 100 Pods with the edit in document 51;
//     each edit toggles a planted type error, and every result is checked for it;
//   - peak RSS of the server process (VmHWM).
// usage: node scripts/measure-lsp.mjs [--edits=60] [--gap=0] [--cold=7] [--json] [--node-args="--flag …"]
import { readFileSync } from 'node:fs';
import { LspClient, multiDocument, podManifest, positionOf } from '../test/helpers/lsp-client.mjs';

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const EDITS = arg('edits', 60);
const GAP = arg('gap', 0);
const COLD = arg('cold', 7);
// Extra node flags for the server process, e.g. --node-args="--optimize-for-size".
const nodeArgs = (process.argv.find((a) => a.startsWith('--node-args='))?.slice('--node-args='.length) ?? '').split(' ').filter(Boolean);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1], min: sorted[0], n: sorted.length };
}

/** A realistic 150-line Pod: three containers with probes, hooks, env and resources. */
function pod150() {
  const base = podManifest(1);
  const start = base.indexOf('  - name: app\n');
  const container = base.slice(start);
  const extra = [2, 3].map((n) =>
    container
      .replace('- name: app', `- name: app-${n}`)
      .replace('containerPort: 8080', `containerPort: ${8080 + n}`)
      .replace('name: http\n', `name: http-${n}\n`)
      .replaceAll('port: http\n', `port: http-${n}\n`),
  );
  const text = base + extra.join('');
  const lines = text.split('\n').length - 1;
  return lines >= 150 ? text : text + '# padding\n'.repeat(150 - lines);
}

function peakRss(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function coldStart() {
  const started = performance.now();
  const client = new LspClient({ workspaceFolders: ['/tmp/podwise-measure'], nodeArgs });
  await client.initialize();
  const uri = 'file:///tmp/podwise-measure/pod.yaml';
  await client.open(uri, podManifest(1, { envValue: '123' }));
  const { diagnostics } = await client.waitForDiagnostics(uri);
  const elapsed = performance.now() - started;
  if (!diagnostics.some((d) => d.code === 'schema-type')) throw new Error('cold start: planted error not reported');
  await client.shutdown();
  return elapsed;
}

/** Toggles `value: "8080"` ↔ `value: 8080` at `offset`; returns per-edit latencies. */
async function editLatency(client, uri, text, offset) {
  const latencies = [];
  const position = positionOf(text, offset);
  const quoted = '"8080"';
  const bare = '8080';
  let current = quoted;
  for (let i = 0; i < EDITS; i += 1) {
    const next = current === quoted ? bare : quoted;
    const range = { start: position, end: { line: position.line, character: position.character + current.length } };
    const sent = performance.now();
    const version = await client.change(uri, [{ range, text: next }]);
    const { diagnostics, at } = await client.waitForDiagnostics(uri, undefined, { version });
    latencies.push(at - sent);
    const planted = diagnostics.some((d) => d.code === 'schema-type' && d.range.start.line === position.line);
    if (planted !== (next === bare)) throw new Error(`edit ${i}: planted error ${planted ? 'reported after fixing' : 'not reported'}`);
    current = next;
    if (GAP > 0) await sleep(GAP);
  }
  return latencies;
}

const cold = [];
for (let i = 0; i < COLD; i += 1) cold.push(await coldStart());

const client = new LspClient({ workspaceFolders: ['/tmp/podwise-measure'], nodeArgs });
await client.initialize();
const smallText = pod150();
const smallUri = 'file:///tmp/podwise-measure/pod150.yaml';
await client.open(smallUri, smallText);
await client.waitForDiagnostics(smallUri);
const small = await editLatency(client, smallUri, smallText, smallText.indexOf('value: "8080"') + 'value: '.length);
await client.close(smallUri);
const rssAfterSmall = peakRss(client.process.pid);

const bigText = multiDocument(100);
const bigUri = 'file:///tmp/podwise-measure/big.yaml';
const openedAt = performance.now();
await client.open(bigUri, bigText);
const firstBig = await client.waitForDiagnostics(bigUri);
const bigOpen = firstBig.at - openedAt;
const rssAfterBigOpen = peakRss(client.process.pid);
let middle = 0;
for (let i = 0; i < 50; i += 1) middle = bigText.indexOf('---\n', middle) + 4;
const big = await editLatency(client, bigUri, bigText, bigText.indexOf('value: "8080"', middle) + 'value: '.length);
const rss = peakRss(client.process.pid);
await client.shutdown();

const result = {
  coldStartMs: stats(cold),
  pod150: { lines: smallText.split('\n').length - 1, ...stats(small) },
  file5000: { lines: bigText.split('\n').length - 1, openMs: bigOpen, ...stats(big) },
  peakRssMb: rss,
  peakRssAfterPod150Mb: rssAfterSmall,
  peakRssAfterOpening5000Mb: rssAfterBigOpen,
  edits: EDITS,
  gapMs: GAP,
};
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  const f = (n) => n.toFixed(1).padStart(7);
  console.log(`cold start → first diagnostics: median ${f(result.coldStartMs.median)} ms  (min ${f(result.coldStartMs.min)}, max ${f(result.coldStartMs.max)}, n=${COLD})`);
  console.log(
    `edit → diagnostics, ${result.pod150.lines}-line Pod:   median ${f(result.pod150.median)} ms  p90 ${f(result.pod150.p90)}  max ${f(result.pod150.max)}  (n=${EDITS}, gap ${GAP} ms)`,
  );
  console.log(
    `edit → diagnostics, ${result.file5000.lines}-line file: median ${f(result.file5000.median)} ms  p90 ${f(result.file5000.p90)}  max ${f(result.file5000.max)}  (first open ${result.file5000.openMs.toFixed(0)} ms)`,
  );
  console.log(
    `peak RSS of the server: ${rss.toFixed(1)} MB (after the Pod edits ${rssAfterSmall.toFixed(1)} MB, after opening the 5,000-line file ${rssAfterBigOpen.toFixed(1)} MB)`,
  );
}
