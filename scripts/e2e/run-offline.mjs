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
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { REPO, E2E_HOME, createLog, missingTool, vscodeVersion, freePort, createRun, removeRun, installVsix, startServer, launchBrowser, stopRun } from './workbench.mjs';

const { seconds, say } = createLog('e2e');
let run; // the run folder, once created
const fail = (msg, code = 2) => {
  console.error(`[e2e] ERROR: ${msg}`);
  if (run) removeRun(run);
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
  console.log(
    fs
      .readFileSync(fileURLToPath(import.meta.url), 'utf8')
      .split('\n')
      .slice(1, 16)
      .join('\n')
      .replace(/^\/\/ ?/gm, ''),
  );
  process.exit(0);
}
if (opt.vsix && opt.dev) fail('--vsix and --dev are mutually exclusive');
const timeoutSec = Number(opt.timeout || process.env.PODWISE_E2E_TIMEOUT || 300);
const testsPath = path.resolve(opt.tests || path.join(REPO, 'test/e2e/suite/index.js'));
const wsSource = path.resolve(opt.workspace || path.join(REPO, 'test/e2e/workspace'));
const grep = opt.grep ?? process.env.PODWISE_E2E_GREP;

const missing = missingTool();
if (missing) fail(`${missing.what} not found at ${missing.path}\n  run scripts/e2e/provision.sh first (cache: ${E2E_HOME})`);
if (!fs.existsSync(testsPath)) fail(`extensionTestsPath ${testsPath} does not exist`);
if (!fs.statSync(wsSource).isDirectory()) fail(`workspace ${wsSource} is not a folder`);

// ------------------------------------------------------------------------------ run folder and cleanup
run = createRun('podwise-e2e-');
const RUN = run.dir;
const serverLog = path.join(RUN, 'server.log');
const browserLog = path.join(RUN, 'browser.log');
fs.writeFileSync(browserLog, '');

let exiting = false;
async function finish(code, summary) {
  if (exiting) return;
  exiting = true;
  const left = await stopRun(run);
  if (left) say(`killed ${left} leftover process(es) with SIGKILL`);
  if (code === 0 && !opt.keep) removeRun(run);
  else console.log(`[e2e] logs kept in ${RUN} (${['server.log', 'browser.log', 'failure.png'].filter((f) => fs.existsSync(path.join(RUN, f))).join(', ')})`);
  if (summary) console.log(summary);
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    say(`${sig}: stopping`);
    finish(130, '0 passed, 1 failed');
  });

// -------------------------------------------------------------------------------------------- helpers
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
  // run.env: the environment of the server, the extension host (the suite reads these) and chromium.
  if (grep) run.env.PODWISE_E2E_GREP = grep;
  else delete run.env.PODWISE_E2E_GREP;
  delete run.env.PODWISE_E2E_EXPECT_VSIX;
  if (opt.vsix) {
    let installed;
    try {
      installed = installVsix(run, opt.vsix);
    } catch (e) {
      fail(e.message);
    }
    const { dest, pj } = installed;
    devPath = path.join(REPO, 'test/e2e/vsix-host');
    run.env.PODWISE_E2E_EXPECT_VSIX = pj.version; // the smoke test checks it runs the installed copy
    extLabel = `${pj.publisher}.${pj.name}@${pj.version} installed from ${path.basename(opt.vsix)} into ${dest}`;
    checkExtension(devPath);
  } else {
    extLabel = checkExtension(devPath);
  }

  say(opt.vsix ? `extension ${extLabel}` : `extension ${extLabel} from ${devPath}`);
  say(`VS Code ${vscodeVersion()} server on ${host}, run folder ${RUN}`);
  // --enable-smoke-test-driver: the workbench then reports through window.codeAutomationLog / codeAutomationExit.
  const { exited: serverExit } = await startServer(run, { port, args: ['--enable-smoke-test-driver', '--log', opt.verbose ? 'trace' : 'info'] });
  say('server ready');

  const { page } = await launchBrowser(run, { viewport: { width: 1400, height: 900 } });

  let resolveExit;
  const exited = new Promise((r) => {
    resolveExit = r;
  });
  // Everything goes to browser.log; stdout gets the suite's lines (prefix-free) and workbench errors.
  const noise = /open-vsx\.org|marketplace|gallery|authentication provider|Service Worker|api\.github\.com|ERR_INTERNET_DISCONNECTED|Failed to fetch|update service|experiment/i;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(Array.isArray(args) ? args : [args]));
    fs.appendFileSync(browserLog, `[${type}] ${text}\n`);
    for (const raw of text.split('\n')) {
      const line = raw.replace(/\s+$/, '');
      const m = closingRe.exec(line.trim());
      if (m) {
        summary.passed = +m[1];
        summary.failed = +m[2];
        summary.skipped = +(m[3] || 0);
        summary.closing = line;
      } else if (/^ {2}✔ /.test(line)) summary.seenPassed = (summary.seenPassed || 0) + 1;
      else if (/^ {2}✘ /.test(line)) summary.seenFailed = (summary.seenFailed || 0) + 1;
    }
    const fromSuite = /^(e2e: |  |\s*\d+\) )/.test(text) || /\bE2E\b/.test(text);
    if (opt.verbose || fromSuite || (type === 'error' && !noise.test(text))) {
      console.log(fromSuite ? text : `[vscode ${type}] ${text.slice(0, 2000)}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
  ]);
  const url = `http://${host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`;
  say(`open workbench: folder=${ws}`);
  if (opt.verbose) say(url);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
  const code = await Promise.race([
    exited,
    serverExit.then((m) => {
      throw new Error(`${m}; see ${serverLog}`);
    }),
  ]);
  say(`codeAutomationExit ${code}`);
  if (code !== 0) await page.screenshot({ path: path.join(RUN, 'failure.png') }).catch(() => {});
  return code;
}

const overall = setTimeout(async () => {
  say(`overall timeout after ${timeoutSec} s`);
  const page = run.context && run.context.pages()[0];
  if (page) await page.screenshot({ path: path.join(RUN, 'failure.png') }).catch(() => {});
  finish(124, `${summary.seenPassed || 0} passed, ${(summary.seenFailed || 0) + 1} failed`);
}, timeoutSec * 1000);

main().then(
  (code) => {
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
    say(`finished in ${seconds()} s, exit code ${code}`);
    finish(code === 0 ? 0 : 1, `${passed} passed, ${failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`);
  },
  (e) => {
    clearTimeout(overall);
    if (exiting) return; // cleanup after a timeout or signal stopped the server: already reported
    console.error(`[e2e] ERROR: ${e && e.stack ? e.stack : e}`);
    finish(2, `${summary.seenPassed || 0} passed, ${(summary.seenFailed || 0) + 1} failed`);
  },
);
