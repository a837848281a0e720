// The workspace benchmark (issue #14 part 5): the language server with a workspace folder of
// 2,000 manifest files (workspace-gen.mjs), over stdio with the real LSP client library.
//   - index: time from `initialized` to the workspace index being ready (the debug request
//     `podwise/debug/index`, so the server runs with PODWISE_DEBUG=1), and what it holds;
//   - cross-file update: with a StatefulSet and its governing Service open (two files), one
//     keystroke renames the Service; time until the StatefulSet's diagnostics gain
//     `statefulset-service-missing`, and, after the keystroke that undoes it, lose it again;
//   - the peak RSS of the server with that workspace;
//   - edit → diagnostics on the 150-line Pod with the workspace loaded, against the same file
//     in an empty folder.
// Run by `npm run bench` (phase `workspace`), or alone:
//   node bench/lib/workspace-bench.mjs [--files=2000] [--rounds=20] [--edits=60] [--podwise-root=DIR] [--keep]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, findToggle, loadPodFixture } from './fixtures.mjs';
import { editLatency } from './lsp-bench.mjs';
import { LspSession, pathToUri } from './lsp-driver.mjs';
import { podwiseServer } from './servers.mjs';
import { round, summarize } from './stats.mjs';
import { generateWorkspace } from './workspace-gen.mjs';

const CROSS_FILE_RULE = 'statefulset-service-missing';

/** The server definition with the debug requests on. */
function withDebug(server) {
  return { ...server, env: { ...process.env, ...server.env, PODWISE_DEBUG: '1' } };
}

function session(server, folder) {
  return new LspSession({ name: server.label, args: server.args, cwd: folder, env: server.env, configuration: server.configuration, settings: server.settings });
}

/** Polls `podwise/debug/index` until the walk is done; resolves with the answer and when it came. */
async function indexReady(lsp, { timeoutMs = 60000, pollMs = 20 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const state = await lsp.connection.sendRequest('podwise/debug/index');
    if (state?.enabled && state.ready && state.objects > 0) return { state, at: performance.now() };
    if (performance.now() > deadline) throw new Error(`workspace index not ready after ${timeoutMs} ms: ${JSON.stringify(state)}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

const hasCrossFileFinding = (params) => params.diagnostics.some((d) => d.code === CROSS_FILE_RULE);

/** Index build time, cross-file update latency and peak RSS, in one session. */
async function indexAndCrossFile(server, folder, crossFile, { rounds, timeoutMs = 15000 }) {
  const lsp = session(server, folder);
  lsp.start();
  try {
    await lsp.initialize(folder);
    const initializedAt = performance.now();
    const cpuAtStart = lsp.cpuTimeMs();
    const ready = await indexReady(lsp);
    const indexMs = ready.at - initializedAt;
    // The server's CPU time for the walk (10 ms ticks): steadier than wall time on a busy machine.
    const indexCpuMs = lsp.cpuTimeMs() - cpuAtStart;

    const workloadUri = pathToUri(crossFile.workload);
    const serviceUri = pathToUri(crossFile.service);
    const workloadText = readFileSync(crossFile.workload, 'utf8');
    let serviceText = readFileSync(crossFile.service, 'utf8');
    // The name line of the governing Service, and the column of its last character.
    const lines = serviceText.split('\n');
    const line = lines.findIndex((text) => text === `  name: ${crossFile.serviceName}`);
    if (line < 0) throw new Error(`no Service ${crossFile.serviceName} in ${crossFile.service}`);
    const character = lines[line].length - 1;
    const good = lines[line][character];
    const bad = good === 'z' ? 'y' : 'z';

    const openedWorkload = lsp.waitForDiagnostics(workloadUri, (p) => !hasCrossFileFinding(p), timeoutMs, 'the StatefulSet opened without the cross-file finding');
    await lsp.open(workloadUri, workloadText, 1);
    await openedWorkload;
    const openedService = lsp.waitForDiagnostics(serviceUri, () => true, timeoutMs, 'the Service opened');
    await lsp.open(serviceUri, serviceText, 1);
    await openedService;

    const appear = [];
    const clear = [];
    let version = 1;
    for (let round = 0; round < rounds; round++) {
      for (const broken of [true, false]) {
        version += 1;
        const text = broken ? bad : good;
        const nextLines = serviceText.split('\n');
        nextLines[line] = nextLines[line].slice(0, character) + text;
        serviceText = nextLines.join('\n');
        const reply = lsp.waitForDiagnostics(workloadUri, (p) => hasCrossFileFinding(p) === broken, timeoutMs, `the StatefulSet's diagnostics after the Service edit v${version}`);
        const sentAt = performance.now();
        await lsp.change(serviceUri, version, { line, character }, text, serviceText);
        const { at } = await reply;
        (broken ? appear : clear).push(at - sentAt);
      }
    }
    const memory = lsp.memoryReport();
    return {
      index: { ms: indexMs, cpuMs: indexCpuMs, ...ready.state },
      crossFile: { appearMs: summarize(appear), clearMs: summarize(clear), bothMs: summarize([...appear, ...clear]) },
      peakRssMb: memory.peakRssMb,
    };
  } catch (error) {
    error.stderr = lsp.stderr;
    throw error;
  } finally {
    await lsp.shutdown();
  }
}

/**
 * The whole workspace phase. `server`: podwiseServer(...) from servers.mjs. Returns the figures
 * (and writes nothing but the generated workspace, removed at the end unless `keep`).
 */
export async function workspaceBench({ server, files = 2000, rounds = 20, edits = 60, warmup = 5, log = () => {}, keep = false }) {
  const root = mkdtempSync(join(tmpdir(), 'podwise-workspace-'));
  try {
    const folder = join(root, 'repo');
    mkdirSync(folder);
    const generatedAt = performance.now();
    const generated = generateWorkspace(folder, { files });
    log(
      `workspace: ${generated.manifests} manifest files (+${generated.kustomizations} kustomizations, ${round(generated.bytes / 1e6, 2)} MB) written in ${round(performance.now() - generatedAt, 0)} ms`,
    );
    const debugServer = withDebug(server);

    const measured = await indexAndCrossFile(debugServer, folder, generated.crossFile, { rounds });
    log(
      `workspace: index ready in ${round(measured.index.ms, 0)} ms, ${round(measured.index.cpuMs, 0)} ms of server CPU (${measured.index.objects} objects from ${measured.index.filesWithObjects} files); cross-file update median ${round(measured.crossFile.bothMs.median)} ms (appear ${round(measured.crossFile.appearMs.median)}, clear ${round(measured.crossFile.clearMs.median)}); peak RSS ${round(measured.peakRssMb)} MB`,
    );

    // The same single-file edits with and without the workspace around the file.
    const podText = loadPodFixture();
    const fixtureIn = (dir) => {
      const path = join(dir, 'edited', 'pod-150.yaml');
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, podText);
      return { name: '(a) 150-line Pod', path, text: podText, toggle: findToggle(podText, 0) };
    };
    const alone = join(root, 'alone');
    mkdirSync(alone);
    const without = await editLatency(debugServer, alone, fixtureIn(alone), { edits, warmup, gapMs: 0 });
    const within = await editLatency(debugServer, folder, fixtureIn(folder), { edits, warmup, gapMs: 0, ready: (lsp) => indexReady(lsp) });
    log(`workspace: edit → diagnostics on (a) median ${round(within.latencyMs.median)} ms with the workspace, ${round(without.latencyMs.median)} ms without`);
    return {
      files: generated.manifests,
      kustomizations: generated.kustomizations,
      megabytes: generated.bytes / 1e6,
      index: measured.index,
      crossFile: measured.crossFile,
      peakRssMb: measured.peakRssMb,
      singleFileEdit: {
        withWorkspace: { latencyMs: within.latencyMs, serverCpuMsPerEdit: within.serverCpuMsPerEdit, peakRssMb: within.peakRssMb },
        withoutWorkspace: { latencyMs: without.latencyMs, serverCpuMsPerEdit: without.serverCpuMsPerEdit, peakRssMb: without.peakRssMb },
      },
    };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
    else log(`workspace: kept ${root}`);
  }
}

// Alone: `node bench/lib/workspace-bench.mjs`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = Object.fromEntries(
    process.argv.slice(2).map((arg) => {
      const [key, ...rest] = arg.replace(/^--/, '').split('=');
      return [key, rest.length ? rest.join('=') : true];
    }),
  );
  const root = args['podwise-root'] ? String(args['podwise-root']) : join(BENCH_DIR, '..');
  const result = await workspaceBench({
    server: podwiseServer({ root }),
    files: Number(args.files ?? 2000),
    rounds: Number(args.rounds ?? 20),
    edits: Number(args.edits ?? 60),
    keep: Boolean(args.keep),
    log: (message) => process.stderr.write(`bench: ${message}\n`),
  });
  console.log(JSON.stringify(result, (key, value) => (typeof value === 'number' ? round(value, 2) : value), 2));
}
