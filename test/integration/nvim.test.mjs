// Neovim (headless, its built-in LSP client) against `podwise-language-server --stdio`, configured
// exactly as docs/editors.md says (test/editors/nvim/podwise.lua, which the page includes verbatim):
// diagnostics on a seed manifest, a code action applied by Neovim, a completion, a hover, and a
// non-Kubernetes file left clean. Skips with a message when nvim is not installed
// (scripts/e2e/provision-editors.sh installs Debian's neovim; CI runs it).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { suiteUnless } from '../helpers/suite.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG = path.join(ROOT, 'test/editors/nvim/podwise.lua');
const HARNESS = path.join(ROOT, 'test/editors/nvim/harness.lua');

function findNvim() {
  try {
    const version = execFileSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10000 }).split('\n')[0];
    const m = /NVIM v(\d+)\.(\d+)/.exec(version);
    if (!m || (+m[1] === 0 && +m[2] < 7)) return { skip: `${version} is older than 0.7 (vim.lsp.start_client, nvim_create_autocmd)` };
    return { version };
  } catch {
    return { skip: 'nvim not found on PATH: install Debian neovim (scripts/e2e/provision-editors.sh neovim) to run the Neovim test' };
  }
}
const nvim = findNvim();
if (nvim.skip) console.log(`# SKIP nvim.test.mjs: ${nvim.skip}`);

suiteUnless('Neovim + podwise-language-server (docs/editors.md setup)', nvim.skip, () => {
  let tmp;
  let workspace;
  let binDir;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-nvim-'));
    workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), workspace, { recursive: true });
    // `podwise-language-server` on PATH, as after `npm link` / `npm install -g`
    binDir = path.join(tmp, 'bin');
    fs.mkdirSync(binDir);
    fs.symlinkSync(path.join(ROOT, 'bin/podwise-language-server.js'), path.join(binDir, 'podwise-language-server'));
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server/server.js')), 'dist/server/server.js is missing: npm run build');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** Runs the harness on a workspace file; returns its JSON report. */
  function runNvim(file, env = {}) {
    const out = path.join(tmp, `report-${path.basename(file)}-${Date.now()}.json`);
    const xdg = path.join(tmp, 'xdg');
    return new Promise((resolve, reject) => {
      const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', HARNESS, file], {
        cwd: workspace,
        env: {
          ...process.env,
          PATH: `${binDir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
          XDG_CONFIG_HOME: path.join(xdg, 'config'),
          XDG_DATA_HOME: path.join(xdg, 'data'),
          XDG_STATE_HOME: path.join(xdg, 'state'),
          XDG_CACHE_HOME: path.join(xdg, 'cache'),
          PODWISE_NVIM_CONFIG: CONFIG,
          E2E_OUT: out,
          E2E_TIMEOUT_MS: '20000',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => {
        output += d;
      });
      child.stderr.on('data', (d) => {
        output += d;
      });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`nvim did not finish within 60 s:\n${output}`));
      }, 60000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (!fs.existsSync(out)) return reject(new Error(`nvim exited ${code} without a report:\n${output}`));
        const report = JSON.parse(fs.readFileSync(out, 'utf8'));
        if (report.error) return reject(new Error(`${report.error}\nreport: ${JSON.stringify(report, null, 1).slice(0, 3000)}`));
        resolve(report);
      });
    });
  }

  test(`${nvim.version}: diagnostics, a code action applied, a completion and a hover on probes-lifecycle.yaml`, async () => {
    const report = await runNvim(path.join(workspace, 'probes-lifecycle.yaml'), {
      E2E_CODE: 'probe-success-threshold',
      E2E_ACTION: 'Set successThreshold to 1',
      E2E_COMPLETE_AT: '20,21', // the value of `imagePullPolicy: IfNotPresent` of the init container
      E2E_HOVER_AT: '52,6', // the livenessProbe key
    });
    assert.equal(report.filetype, 'yaml');
    assert.equal(report.client_name, 'podwise');
    assert.equal(report.root_dir, workspace, 'root: the folder holding .podwise.yaml');
    // diagnostics, with code, source and exact position
    const d = report.diagnostics.find((x) => x.code === 'probe-success-threshold');
    assert.ok(d, `probe-success-threshold in ${JSON.stringify(report.diagnostics.map((x) => x.code))}`);
    assert.deepEqual([d.lnum, d.col, d.end_lnum, d.end_col, d.severity, d.source], [60, 24, 60, 25, 1, 'podwise']);
    assert.match(d.message, /successThreshold 3/);
    assert.ok(
      report.diagnostics.some((x) => x.code === 'image-latest-tag'),
      'image-latest-tag too',
    );
    assert.ok(!report.diagnostics.some((x) => x.code === 'resources-unset'), '.podwise.yaml (resources-unset: off) applies');
    // code actions, one applied through Neovim's own workspace-edit code
    assert.ok(report.code_actions.includes('Set successThreshold to 1'), JSON.stringify(report.code_actions));
    assert.ok(report.code_actions.includes('Disable probe-success-threshold for this line'), JSON.stringify(report.code_actions));
    assert.equal(report.applied, 'Set successThreshold to 1');
    assert.equal(report.line_after, '      successThreshold: 1 # [comment says: ready after 2 successes]');
    assert.equal(report.fixed, true, `probe-success-threshold still there after the fix: ${JSON.stringify(report.diagnostics_after)}`);
    // completion (enum values of imagePullPolicy)
    assert.equal(report.capabilities.completion, true, 'the server offers completion');
    assert.deepEqual([...report.completions].sort(), ['Always', 'IfNotPresent', 'Never'], `completions: ${JSON.stringify(report.completions)}`);
    // hover with the probe timeline
    assert.equal(report.capabilities.hover, true, 'the server offers hover');
    assert.match(String(report.hover), /livenessProbe timeline/);
  });

  test('the static-Pod manifest gets its static-Pod diagnostics; a quoting fix applies', async () => {
    const report = await runNvim(path.join(workspace, 'etc/kubernetes/manifests/static-mysql.yaml'), {
      E2E_CODE: 'schema-type',
      E2E_ACTION: 'Quote the value',
    });
    const codes = report.diagnostics.map((x) => x.code);
    // A rule that runs on static-Pod manifests only.
    assert.ok(codes.includes('priority-class-static-pod'), `priority-class-static-pod in ${JSON.stringify(codes)}`);
    assert.ok(report.code_actions.includes('Quote the value'), JSON.stringify(report.code_actions));
    assert.equal(report.line_after, '      value: "123456"');
    assert.equal(report.fixed, true, `schema-type still there: ${JSON.stringify(report.diagnostics_after)}`);
  });

  test('a GitHub Actions workflow (not Kubernetes) gets a publication with no diagnostics', async () => {
    const report = await runNvim(path.join(workspace, 'ci/github-workflow.yaml'));
    assert.ok(report.publishes >= 1, 'the server published for the file');
    assert.deepEqual(report.diagnostics, []);
  });

  test('docs/editors.md shows the tested Neovim configuration verbatim', () => {
    const docs = fs.readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
    assert.ok(docs.includes(fs.readFileSync(CONFIG, 'utf8').trimEnd()), 'docs/editors.md must include test/editors/nvim/podwise.lua');
  });
});
