#!/usr/bin/env node
// Podwise vs yaml-language-server, side by side, in one run (`npm run bench`).
//
//   node bench/run.mjs [--servers=podwise,yls] [--edits=100] [--warmup=5] [--modes=burst,paced]
//                      [--gap=100] [--cold=5]
//                      [--skip=cold,cold-a,cold-b,a,b,workspace,cli,engine] [--workspace-files=2000] [--corpus=DIR] [--out=FILE] [--markdown]
//                      [--cpu-prof] [--podwise-node-flags='--max-semi-space-size=4 …'] (experiments)
//                      [--podwise-root=DIR] (the server of another build: before/after in one session)
//
// Measures, for each server over stdio with the real LSP client library: cold start to first
// diagnostics, edit-to-diagnostics latency on (a) a 150-line Pod and (b) a 5,000-line file of
// 100 Pods and Deployments, and the peak RSS of each server's process tree; then Podwise's CLI
// throughput over the shared corpus and the engine's cost against bare `yaml` parsing. Every
// figure is confirmed by a planted error being reported (and cleared). Prints a table and writes
// bench/results/latest.json. It only reports: targets missed do not fail the run; a server that
// does not report the planted error does (exit code 1).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR, applyToggle, findToggle, generateLarge, loadPodFixture } from './lib/fixtures.mjs';
import { buildPeerSchema } from './lib/peer-schema.mjs';
import { K8S_VERSION, podwiseServer, yamlLanguageServer } from './lib/servers.mjs';
import { coldStart, editLatency, primeCodeCache } from './lib/lsp-bench.mjs';
import { cliThroughput } from './lib/cli-bench.mjs';
import { workspaceBench } from './lib/workspace-bench.mjs';
import { round, summarize } from './lib/stats.mjs';

const ROOT = join(BENCH_DIR, '..');
const HARD_LIMIT_MS = 20 * 60 * 1000;

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, ...rest] = arg.replace(/^--/, '').split('=');
    return [key, rest.length ? rest.join('=') : true];
  }),
);
const servers = String(args.servers ?? 'podwise,yls').split(',');
const skip = new Set(
  String(args.skip ?? '')
    .split(',')
    .filter(Boolean),
);
const edits = Number(args.edits ?? 100);
const warmup = Number(args.warmup ?? 5);
// Two pacings of the edits: `burst`, the next edit the moment the previous one's diagnostics
// arrive (what a scripted harness does), and `paced`, a pause of --gap ms after each (typing).
const modes = String(args.modes ?? 'burst,paced').split(',');
const gapMs = Number(args.gap ?? 100);
const MODE_GAP = { burst: 0, paced: gapMs };
const coldRuns = Number(args.cold ?? 5);
const corpusDir = args.corpus ?? join(ROOT, '..', 'shared', 'corpus');
const outFile = args.out ?? join(BENCH_DIR, 'results', 'latest.json');
const cpuProfDir = args['cpu-prof'] ? join(BENCH_DIR, 'profiles') : undefined;

const hardLimit = setTimeout(() => {
  console.error(`bench: hard limit of ${HARD_LIMIT_MS / 60000} min reached, stopping`);
  process.exit(2);
}, HARD_LIMIT_MS);
hardLimit.unref();

const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const failures = [];

// ---- set-up: the peer, its schema, the workspace with the fixtures ----
const peerBin = join(BENCH_DIR, '.peer', 'node_modules', 'yaml-language-server', 'package.json');
if (args.help || args.h) {
  console.log(
    readFileSync(new URL(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 15)
      .map((l) => l.replace(/^\/\/ ?/, ''))
      .join('\n'),
  );
  process.exit(0);
}
if (servers.includes('yls') && !existsSync(peerBin)) {
  log('installing yaml-language-server into bench/.peer (bench/setup.sh)');
  try {
    execFileSync('bash', [join(BENCH_DIR, 'setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 180000 });
  } catch (error) {
    log(`bench/setup.sh failed (${error.message}); yaml-language-server will be skipped`);
  }
}
const schemaFile = join(BENCH_DIR, '.peer', `k8s-strict-${K8S_VERSION}.json`);
const schemaInfo = servers.includes('yls') ? buildPeerSchema({ root: ROOT, version: K8S_VERSION, outFile: schemaFile }) : undefined;
const ylsVersion = existsSync(peerBin) ? JSON.parse(readFileSync(peerBin, 'utf8')).version : undefined;
const podwiseVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

const workspace = mkdtempSync(join(tmpdir(), 'podwise-bench-'));
// Podwise's V8 code cache, outside the workspace: empty for the first start, then filled (cold start below).
const codeCacheDir = mkdtempSync(join(tmpdir(), 'podwise-bench-code-cache-'));
process.once('exit', () => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(codeCacheDir, { recursive: true, force: true });
});
if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });

function fixture(name, file, text, nearLine) {
  const path = join(workspace, file);
  writeFileSync(path, text);
  return { name, path, text, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), toggle: findToggle(text, nearLine) };
}
const podText = loadPodFixture();
const largeText = generateLarge();
const fixtures = {
  a: fixture('(a) 150-line Pod', 'pod-150.yaml', podText, 0),
  b: fixture('(b) 5,000-line file, 100 documents', 'large-5000.yaml', largeText, Math.floor(largeText.split('\n').length / 2)),
};

const serverDefs = {
  podwise: podwiseServer({
    root: args['podwise-root'] ? String(args['podwise-root']) : ROOT,
    cpuProfDir,
    nodeFlags: args['podwise-node-flags'] ? String(args['podwise-node-flags']).split(' ').filter(Boolean) : [],
    codeCacheDir,
  }),
  yls: yamlLanguageServer({ benchDir: BENCH_DIR, schemaFile }),
};
const active = servers
  .map((id) => serverDefs[id])
  .filter((server) => {
    if (!server) return false;
    if (server.available()) return true;
    failures.push(`${server.label}: ${server.missing}`);
    log(`skipping ${server.label}: ${server.missing}`);
    return false;
  });

const results = Object.fromEntries(active.map((server) => [server.id, {}]));

async function guarded(what, fn) {
  try {
    return await fn();
  } catch (error) {
    failures.push(`${what}: ${error.message}`);
    log(`FAILED ${what}: ${error.message}`);
    if (error.stderr) log(`server stderr (tail):\n${String(error.stderr).slice(-3000)}`);
    return undefined;
  }
}

// ---- cold start: spawn → initialize → didOpen → first diagnostics with the planted error, on (a) and (b) ----
if (!skip.has('cold')) {
  // The very first start of a server that keeps a code cache (Podwise) has none: one start of (b)
  // for the record, then the cache is filled and every measured start below has it, as every
  // start after the first does.
  for (const server of active.filter((candidate) => candidate.codeCacheDir)) {
    const first = skip.has('cold-b') ? undefined : await guarded(`${server.label} first start on ${fixtures.b.name}`, () => coldStart(server, workspace, fixtures.b));
    if (first) {
      results[server.id].coldStartLargeFirstEver = { firstDiagnosticsMs: first.firstDiagnosticsMs, initializeMs: first.initializeMs };
      log(`${server.label}: first start (no code cache yet) on ${fixtures.b.name}: ${round(first.firstDiagnosticsMs)} ms`);
    }
    const primed = await guarded(`${server.label} code cache`, () => primeCodeCache(server, workspace, fixtures.b));
    if (!primed) log(`${server.label}: the code cache was not written; cold starts are measured without it`);
  }
  for (const key of ['a', 'b']) {
    if (skip.has(`cold-${key}`)) continue;
    const samples = Object.fromEntries(active.map((server) => [server.id, []]));
    for (let run = 0; run < coldRuns; run++) {
      for (const server of active) {
        const sample = await guarded(`${server.label} cold start #${run + 1} on ${fixtures[key].name}`, () => coldStart(server, workspace, fixtures[key]));
        if (sample) samples[server.id].push(sample);
      }
    }
    for (const server of active) {
      const list = samples[server.id];
      if (list.length === 0) continue;
      const summary = {
        runs: list.length,
        firstDiagnosticsMs: summarize(list.map((s) => s.firstDiagnosticsMs)),
        initializeMs: summarize(list.map((s) => s.initializeMs)),
        peakRssMb: summarize(list.map((s) => s.peakRssMb)),
      };
      // (a) keeps its historical place (`coldStart`); (b) is `coldStartLarge`.
      results[server.id][key === 'a' ? 'coldStart' : 'coldStartLarge'] = summary;
      log(`${server.label}: cold start on ${fixtures[key].name} median ${round(summary.firstDiagnosticsMs.median)} ms`);
    }
  }
}

// ---- edit-to-diagnostics on (a) and (b), in each pacing ----
for (const mode of modes) {
  for (const key of ['a', 'b']) {
    if (skip.has(key)) continue;
    for (const server of active) {
      const what = `${server.label} ${mode} edits on ${fixtures[key].name}`;
      const measured = await guarded(what, () => editLatency(server, workspace, fixtures[key], { edits, warmup, gapMs: MODE_GAP[mode] }));
      if (!measured) continue;
      results[server.id][mode] ??= {};
      results[server.id][mode][key] = measured;
      log(
        `${what}: median ${round(measured.latencyMs.median)} ms, p90 ${round(measured.latencyMs.p90)} ms, p99 ${round(measured.latencyMs.p99)} ms, max ${round(measured.latencyMs.max)} ms, peak RSS ${round(measured.peakRssMb)} MB (${measured.confirmedEdits}/${edits + warmup} edits confirmed)`,
      );
    }
  }
}
const peakRss = (id, key) => {
  const values = modes.map((mode) => results[id]?.[mode]?.[key]?.peakRssMb).filter((v) => v !== undefined);
  return values.length ? Math.max(...values) : undefined;
};
for (const id of Object.keys(results)) results[id].peakRssMb = { a: peakRss(id, 'a'), b: peakRss(id, 'b') };

// ---- the workspace of 2,000 manifest files (Podwise only: the peer has no cross-file checks) ----
let workspaceResult;
if (!skip.has('workspace') && active.some((server) => server.id === 'podwise')) {
  workspaceResult = await guarded('workspace', () =>
    workspaceBench({ server: serverDefs.podwise, files: Number(args['workspace-files'] ?? 2000), rounds: 20, edits: Math.min(edits, 60), warmup, log }),
  );
}

// ---- CLI throughput ----
let cli;
if (!skip.has('cli') && existsSync(join(ROOT, 'dist', 'server', 'cli.js'))) {
  const planted = join(workspace, 'planted-pod.yaml');
  writeFileSync(planted, applyToggle(podText, fixtures.a.toggle, true));
  cli = await guarded('CLI throughput', () => cliThroughput({ root: ROOT, corpusDir, plantedFile: planted, planted: { line: fixtures.a.toggle.line, word: 'livenessprobe' } }));
  if (cli)
    log(
      `CLI: ${cli.documents} documents in ${round(cli.medianMs)} ms = ${round(cli.documentsPerSecond, 0)} documents/s; ${round(cli.floorRatio, 2)}× the bare parse (${round(cli.parseFloorMedianMs)} ms), --jobs 1 ${round(cli.inProcessFloorRatio, 2)}×`,
    );
} else if (!skip.has('cli')) failures.push('CLI: dist/server/cli.js is missing: run `npm run build` first');

// ---- engine vs bare parse (own process, so the LSP client above is not disturbed) ----
let engine;
if (!skip.has('engine') && existsSync(join(ROOT, 'dist', 'server', 'engine.js'))) {
  engine = await guarded(
    'engine vs parse',
    () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(BENCH_DIR, 'engine-bench.mjs'), '--json', `--corpus=${corpusDir}`, '--rounds=3'], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
        const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60 * 1000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(JSON.parse(stdout));
          else reject(new Error(`engine-bench exited ${code}: ${stderr}`));
        });
      }),
  );
  if (engine && !engine.large.plantedErrorReported) failures.push('engine: planted error not reported on (b)');
  if (engine) log(`engine: ${round(engine.corpus.ratio, 2)}× bare parse over the corpus, ${round(engine.large.ratio, 2)}× on (b)`);
} else if (!skip.has('engine')) failures.push('engine: dist/server/engine.js is missing: run `npm run build` first');

// ---- targets (issue 6), on Podwise's medians ----
const pw = results.podwise ?? {};
const yl = results.yls ?? {};
const target = (name, limit, unit, value) => ({
  name,
  target: `≤ ${limit}${unit === '×' ? '' : ' '}${unit}`,
  limit,
  unit,
  value,
  met: value === undefined ? null : value <= limit,
});
const targets = [
  ...modes.flatMap((mode) => [
    target(`edit-to-diagnostics (a), median, ${mode}`, 15, 'ms', pw[mode]?.a?.latencyMs.median),
    target(`edit-to-diagnostics (b), median, ${mode}`, 20, 'ms', pw[mode]?.b?.latencyMs.median),
  ]),
  target('cold start to first diagnostics, median', 300, 'ms', pw.coldStart?.firstDiagnosticsMs.median),
  target('cold start to first diagnostics (b), median', 300, 'ms', pw.coldStartLarge?.firstDiagnosticsMs.median),
  ...modes.flatMap((mode) => [
    target(`edit-to-diagnostics (a), p90, ${mode}`, 10, 'ms', pw[mode]?.a?.latencyMs.p90),
    target(`edit-to-diagnostics (b), p90, ${mode}`, 10, 'ms', pw[mode]?.b?.latencyMs.p90),
  ]),
  target('peak RSS of the process tree on (b)', 80, 'MB', pw.peakRssMb?.b),
  target('workspace index ready (2,000 files)', 3000, 'ms', workspaceResult?.index.ms),
  target('workspace cross-file update, median', 30, 'ms', workspaceResult?.crossFile.bothMs.median),
  target('workspace peak RSS', 150, 'MB', workspaceResult?.peakRssMb),
  target('CLI wall clock / bare parse, corpus', 1, '×', cli?.floorRatio),
  target('engine cost / bare parse, corpus', 3, '×', engine?.corpus.ratio),
  target('engine cost / bare parse, (b)', 3, '×', engine?.large.ratio),
];
const byName = (name) => targets.find((t) => t.name === name);

// ---- table ----
const fmt = (value, unit, digits = 1) => (value === undefined ? '—' : unit === '×' ? `${round(value, 2)}×` : `${round(value, digits)} ${unit}`);
const ratio = (p, y) => (p === undefined || y === undefined || p === 0 ? '' : `${round(y / p, 1)}×`);
const met = (t) => (!t ? '' : t.met === null ? '—' : t.met ? 'yes' : 'NO');
const rows = [
  [
    'cold start → first diagnostics (a), median',
    pw.coldStart?.firstDiagnosticsMs.median,
    yl.coldStart?.firstDiagnosticsMs.median,
    'ms',
    byName('cold start to first diagnostics, median'),
  ],
  [
    'cold start → first diagnostics (b), median',
    pw.coldStartLarge?.firstDiagnosticsMs.median,
    yl.coldStartLarge?.firstDiagnosticsMs.median,
    'ms',
    byName('cold start to first diagnostics (b), median'),
  ],
  ['  (b), first start ever: no code cache yet', pw.coldStartLargeFirstEver?.firstDiagnosticsMs, undefined, 'ms'],
];
for (const mode of modes) {
  for (const key of ['a', 'b']) {
    const p = pw[mode]?.[key]?.latencyMs;
    const y = yl[mode]?.[key]?.latencyMs;
    rows.push([`edit → diagnostics (${key}) ${mode}, median`, p?.median, y?.median, 'ms', byName(`edit-to-diagnostics (${key}), median, ${mode}`)]);
    rows.push([`edit → diagnostics (${key}) ${mode}, p90`, p?.p90, y?.p90, 'ms', byName(`edit-to-diagnostics (${key}), p90, ${mode}`)]);
    rows.push([`edit → diagnostics (${key}) ${mode}, p99 / max`, p && `${round(p.p99)} / ${round(p.max)}`, y && `${round(y.p99)} / ${round(y.max)}`, 'ms', undefined, false]);
  }
}
for (const key of ['a', 'b']) {
  const cpu = (r) =>
    modes
      .map((mode) => r[mode]?.[key]?.serverCpuMsPerEdit)
      .map((v) => (v === undefined ? '—' : round(v)))
      .join(' / ');
  rows.push([`server CPU per edit (${key}), ${modes.join(' / ')}`, cpu(pw), cpu(yl), 'ms', undefined, false]);
}
rows.push(['peak RSS of the process tree, (a)', pw.peakRssMb?.a, yl.peakRssMb?.a, 'MB', undefined]);
rows.push(['peak RSS of the process tree, (b)', pw.peakRssMb?.b, yl.peakRssMb?.b, 'MB', byName('peak RSS of the process tree on (b)')]);
const header = ['', 'Podwise', `yls ${ylsVersion ?? ''}`.trim(), 'yls/Podwise', 'target', 'met'];
const body = rows.map(([name, p, y, unit, t, withRatio = true]) => [
  name,
  typeof p === 'string' ? `${p} ${unit}` : fmt(p, unit),
  typeof y === 'string' ? `${y} ${unit}` : fmt(y, unit),
  withRatio && typeof p === 'number' ? ratio(p, y) : '',
  t?.target ?? '',
  met(t),
]);
if (workspaceResult) {
  const ws = workspaceResult;
  const edit = ws.singleFileEdit;
  body.push([
    `workspace: index of ${ws.files.toLocaleString('en-US')} files ready`,
    fmt(ws.index.ms, 'ms', 0),
    'n/a',
    '',
    '≤ 3000 ms',
    met(byName('workspace index ready (2,000 files)')),
  ]);
  body.push(['workspace: cross-file update, median', fmt(ws.crossFile.bothMs.median, 'ms'), 'n/a', '', '≤ 30 ms', met(byName('workspace cross-file update, median'))]);
  body.push(['workspace: peak RSS', fmt(ws.peakRssMb, 'MB'), 'n/a', '', '≤ 150 MB', met(byName('workspace peak RSS'))]);
  body.push([
    'workspace: edit (a) median, with / without',
    `${round(edit.withWorkspace.latencyMs.median)} / ${round(edit.withoutWorkspace.latencyMs.median)} ms`,
    'n/a',
    '',
    '',
    '',
  ]);
}
body.push(['CLI throughput over the corpus', cli ? `${round(cli.documentsPerSecond, 0)} docs/s` : '—', 'n/a', '', '', '']);
body.push(['CLI wall clock / bare parse, corpus', fmt(cli?.floorRatio, '×'), 'n/a', '', '≤ 1×', met(byName('CLI wall clock / bare parse, corpus'))]);
body.push(['engine cost / bare parse, corpus', fmt(engine?.corpus.ratio, '×'), 'n/a', '', '≤ 3×', met(byName('engine cost / bare parse, corpus'))]);
body.push(['engine cost / bare parse, (b)', fmt(engine?.large.ratio, '×'), 'n/a', '', '≤ 3×', met(byName('engine cost / bare parse, (b)'))]);
const widths = header.map((_, i) => Math.max(header[i].length, ...body.map((row) => String(row[i]).length)));
const line = (row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
};
console.log(
  `\nPodwise ${podwiseVersion} vs yaml-language-server ${ylsVersion ?? '(not run)'}: Kubernetes ${K8S_VERSION}, same strict schema; ${machine.cpus} cores, Node ${machine.node}, load ${machine.loadAverageAtStart[0]} → ${machine.loadAverageAtEnd[0]}`,
);
console.log(`edits: ${edits} measured (+${warmup} warm-up) per fixture and pacing (burst: back-to-back; paced: ${gapMs} ms pause); cold start: median of ${coldRuns} runs\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of body) console.log(line(row));
if (args.markdown) {
  console.log(`\n| ${header.map((h) => h || 'measure').join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of body) console.log(`| ${row.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`);
}
if (cli)
  console.log(
    `\nCLI: ${cli.documents} documents (${cli.files} files, ${round(cli.megabytes)} MB) in ${round(cli.medianMs)} ms wall clock, node start-up included (median of ${cli.runs}): ${round(cli.megabytesPerSecond, 2)} MB/s; bare parse of the same files in one thread ${round(cli.parseFloorMedianMs)} ms (${round(cli.floorRatio, 2)}×); --jobs 1 (in-process) ${round(cli.inProcessMedianMs)} ms (${round(cli.inProcessFloorRatio, 2)}×)${cli.sameOutputInProcess ? '' : '; OUTPUT DIFFERS from --jobs 1'}`,
  );
if (engine)
  console.log(
    `engine (in-process): ${round(engine.corpus.engineUsPerDocument, 0)} µs/document vs ${round(engine.corpus.parseUsPerDocument, 0)} µs bare parse over ${engine.corpus.documents} corpus documents; editor path on (b): FileAnalyzer ${round(engine.incremental.analyzeMedianMs, 2)} ms per edit vs ${round(engine.incremental.changedDocumentParseMedianMs, 2)} ms to parse the changed document`,
  );
if (failures.length) console.log(`\nFAILURES:\n  ${failures.join('\n  ')}`);

// ---- JSON ----
const roundSamples = (value) => {
  if (Array.isArray(value)) return value.map(roundSamples);
  if (typeof value === 'number') return round(value, 3);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundSamples(v)]));
  return value;
};
const report = {
  date: new Date().toISOString(),
  machine,
  versions: { podwise: podwiseVersion, yamlLanguageServer: ylsVersion, kubernetes: K8S_VERSION },
  method: {
    edits,
    warmup,
    pacing: MODE_GAP,
    coldRuns,
    fixtures: Object.fromEntries(Object.entries(fixtures).map(([k, f]) => [k, { name: f.name, lines: f.lines, toggleLine: f.toggle.line }])),
    peerSchema: schemaInfo && { kinds: schemaInfo.kinds, definitions: schemaInfo.definitions, file: 'bench/.peer/' + schemaFile.split('/').pop() },
  },
  results: roundSamples(results),
  workspace: workspaceResult && roundSamples(workspaceResult),
  cli,
  engine,
  targets,
  failures,
};
mkdirSync(join(outFile, '..'), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
console.log(`\nwrote ${outFile.startsWith(ROOT) ? outFile.slice(ROOT.length + 1) : outFile}`);
process.exitCode = failures.length ? 1 : 0;
