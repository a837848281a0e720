#!/usr/bin/env node
// Run the e2e suite (test/e2e/suite/index.js) in desktop VS Code through @vscode/test-electron, for machines
// that can download VS Code or already have one (VSCODE_EXECUTABLE_PATH). Offline machines (this project's
// CI) use scripts/e2e/run-offline.mjs instead: same suite, VS Code server + headless chromium.
// usage: npm run build && node test/e2e/launch-electron.mjs [--workspace <folder>]
// Env: VSCODE_EXECUTABLE_PATH (skip the download), VSCODE_VERSION (download this version, default 'stable'),
//      PODWISE_E2E_GREP, PODWISE_E2E_TEST_TIMEOUT (passed to the suite). Linux without a display: run under xvfb-run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: opt } = util.parseArgs({ options: { workspace: { type: 'string' } } });

const extensionDevelopmentPath = REPO;
const extensionTestsPath = path.join(REPO, 'test/e2e/suite/index.js');
const main = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).main;
if (main && !fs.existsSync(path.resolve(REPO, main))) {
  console.error(`[e2e] ${main} is missing: run \`npm run build\` first`);
  process.exit(2);
}

// The suite may edit and save files (quick fixes): give it a copy of the workspace.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-e2e-electron-'));
const workspace = path.join(tmp, 'workspace');
fs.cpSync(path.resolve(opt.workspace || path.join(REPO, 'test/e2e/workspace')), workspace, { recursive: true });

// Remember the suite's closing line ("e2e: N passed, N failed") to repeat it as the last line.
let closing,
  buf = '';
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  buf += chunk.toString();
  const lines = buf.split('\n');
  buf = lines.pop();
  for (const l of lines) {
    const m = /(\d+) passed, (\d+) failed(, \d+ skipped)?\s*$/.exec(l);
    if (m) closing = `${m[1]} passed, ${m[2]} failed${m[3] || ''}`;
  }
  return write(chunk, ...rest);
};

let code;
try {
  await runTests({
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspace, '--disable-extensions'],
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
    version: process.env.VSCODE_VERSION || undefined,
  });
  code = 0;
} catch (err) {
  console.error(`[e2e] VS Code tests failed: ${err && err.message ? err.message : err}`);
  code = 1;
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write = write;
console.log(closing && !(code !== 0 && / 0 failed/.test(closing)) ? closing : `0 passed, 1 failed`);
process.exit(code);
