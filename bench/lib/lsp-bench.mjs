// The editor-side measurements: cold start to first diagnostics, and edit-to-diagnostics latency
// with a planted error toggled on every edit. A figure only counts when the server reported
// exactly what the edit should produce (the planted error present, or gone).
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { LspSession, pathToUri } from './lsp-driver.mjs';
import { applyToggle } from './fixtures.mjs';
import { summarize } from './stats.mjs';

/** The planted error: a diagnostic on the toggled line that names the misspelt key. */
export function plantedErrorReported(params, toggle) {
  const misspelt = 'liveness' + toggle.bad + 'robe';
  return params.diagnostics.some((d) => d.range.start.line === toggle.line && d.message.includes(misspelt));
}

function accepts(version, toggle, broken) {
  return (params) => {
    // Servers that version their diagnostics (Podwise) must answer for this very version; for
    // unversioned ones (yls), the toggle alternates, so a stale publish never matches.
    if (typeof params.version === 'number' && params.version !== version) return false;
    return plantedErrorReported(params, toggle) === broken;
  };
}

function newSession(server, workspace) {
  return new LspSession({ name: server.label, args: server.args, cwd: workspace, env: server.env, configuration: server.configuration, settings: server.settings });
}

/**
 * Spawn → initialize → didOpen (planted error present) → first publishDiagnostics with it.
 * Returns the session still running (for the edit phase) and the timings.
 */
async function openBroken(server, workspace, fixture, timeoutMs) {
  const session = newSession(server, workspace);
  const spawnedAt = session.start();
  try {
    const uri = pathToUri(fixture.path);
    await session.initialize(workspace, { timeoutMs });
    const initializedAt = performance.now();
    const text = applyToggle(fixture.text, fixture.toggle, true);
    const first = session.waitForDiagnostics(uri, accepts(1, fixture.toggle, true), timeoutMs, `first diagnostics on ${fixture.name}`);
    await session.open(uri, text, 1);
    const { at, params } = await first;
    return {
      session,
      uri,
      text,
      initializeMs: initializedAt - spawnedAt,
      firstDiagnosticsMs: at - spawnedAt,
      diagnosticsAtOpen: params.diagnostics.length,
    };
  } catch (error) {
    await session.shutdown({ timeoutMs: 1000 });
    error.stderr = session.stderr;
    throw error;
  }
}

/**
 * A server that writes a V8 code cache (Podwise) gets one before the cold starts are measured,
 * as every start after the first has: open the fixture, wait for the cache file (bounded).
 */
export async function primeCodeCache(server, workspace, fixture, { timeoutMs = 15000 } = {}) {
  if (!server.codeCacheDir) return false;
  const opened = await openBroken(server, workspace, fixture, timeoutMs);
  try {
    for (let waited = 0; waited < timeoutMs; waited += 100) {
      if (existsSync(server.codeCacheDir) && readdirSync(server.codeCacheDir).some((name) => name.startsWith('server-') && name.endsWith('.v8cache'))) return true;
      await sleep(100);
    }
    return false;
  } finally {
    await opened.session.shutdown();
  }
}

export async function coldStart(server, workspace, fixture, { timeoutMs = 30000 } = {}) {
  const opened = await openBroken(server, workspace, fixture, timeoutMs);
  const memory = opened.session.memoryReport();
  await opened.session.shutdown();
  return { initializeMs: opened.initializeMs, firstDiagnosticsMs: opened.firstDiagnosticsMs, peakRssMb: memory.peakRssMb };
}

/**
 * Opens the fixture with the planted error, then (after `ready(session)`, when given) makes
 * `warmup + edits` one-character edits, each toggling the error, waiting for the diagnostics of
 * that version that reflect it.
 */
export async function editLatency(server, workspace, fixture, { edits = 60, warmup = 5, gapMs = 30, timeoutMs = 15000, trace = false, ready } = {}) {
  const opened = await openBroken(server, workspace, fixture, 30000);
  const { session, uri } = opened;
  // Work to wait for before the first edit (the workspace bench: the index walk).
  if (ready) await ready(session);
  const latencies = [];
  const warmupLatencies = [];
  let confirmed = 0;
  try {
    let text = opened.text;
    let cpuAtStart;
    let loadAtStart;
    for (let i = 1; i <= warmup + edits; i++) {
      if (i === warmup + 1) {
        cpuAtStart = session.cpuTimeMs();
        loadAtStart = loadavg()[0];
      }
      const version = i + 1;
      const broken = i % 2 === 0; // opened broken: odd edits fix it, even edits break it again
      text = applyToggle(text, fixture.toggle, broken);
      const reply = session.waitForDiagnostics(uri, accepts(version, fixture.toggle, broken), timeoutMs, `diagnostics for edit ${i} (v${version}) on ${fixture.name}`);
      const sentAt = performance.now();
      await session.change(uri, version, { line: fixture.toggle.line, character: fixture.toggle.character }, broken ? fixture.toggle.bad : fixture.toggle.good, text);
      const { at } = await reply;
      confirmed += 1;
      (i <= warmup ? warmupLatencies : latencies).push(at - sentAt);
      if (gapMs > 0) await sleep(gapMs);
    }
    const cpuMs = session.cpuTimeMs() - cpuAtStart;
    const memory = session.memoryReport();
    return {
      firstDiagnosticsMs: opened.firstDiagnosticsMs,
      diagnosticsAtOpen: opened.diagnosticsAtOpen,
      syncKind: session.syncKind === 2 ? 'incremental' : 'full',
      confirmedEdits: confirmed,
      warmupEdits: warmup,
      latencyMs: summarize(latencies),
      // Server CPU time (user + system, 10 ms clock ticks) over the measured edits, per edit: less
      // sensitive to other load on the machine than the wall-clock latency.
      serverCpuMsPerEdit: cpuMs / edits,
      loadAverage: [loadAtStart, loadavg()[0]].map((x) => Math.round(x * 100) / 100),
      samplesMs: latencies,
      peakRssMb: memory.peakRssMb,
      peakSampledRssMb: memory.peakSampledRssMb,
      processes: memory.processes,
      ...(trace ? { serverLog: session.logMessages } : {}),
    };
  } catch (error) {
    error.stderr = session.stderr;
    throw error;
  } finally {
    await session.shutdown();
  }
}
