// Emacs (batch) + eglot against `podwise-language-server --stdio`, configured exactly as
// docs/editors.md says (test/editors/emacs/podwise-eglot.el, included there verbatim): diagnostics
// through flymake, a code action applied by eglot, a completion, a non-Kubernetes file left clean.
// Skips with a message when emacs or eglot is missing (scripts/e2e/provision-editors.sh emacs).
// Run: node --test test/integration/emacs.test.mjs   (after npm run build)
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { suiteUnless } from '../helpers/suite.mjs';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONFIG = path.join(ROOT, 'test/editors/emacs/podwise-eglot.el');
const HARNESS = path.join(ROOT, 'test/editors/emacs/harness.el');
// Debian's elpa-eglot lives here; emacs -Q does not add it to the load path by itself.
const LOAD_ELPA = '(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list \'load-path d))';

function findEmacs() {
  let version;
  try {
    version = execFileSync('emacs', ['--version'], { encoding: 'utf8', timeout: 10000 }).split('\n')[0];
  } catch {
    return { skip: 'emacs not found on PATH: install Debian emacs-nox and elpa-eglot (scripts/e2e/provision-editors.sh emacs)' };
  }
  try {
    execFileSync('emacs', ['--batch', '-Q', '--eval', LOAD_ELPA, '--eval', "(require 'eglot)"], { stdio: 'ignore', timeout: 30000 });
  } catch {
    return { skip: `${version} has no eglot (Emacs 29+ has it built in; Debian 12: apt-get install elpa-eglot)` };
  }
  return { version };
}
const emacs = findEmacs();
if (emacs.skip) console.log(`# SKIP emacs.test.mjs: ${emacs.skip}`);

suiteUnless('Emacs eglot + podwise-language-server (docs/editors.md setup)', emacs.skip, () => {
  let tmp;
  let workspace;
  let binDir;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-emacs-'));
    workspace = path.join(tmp, 'workspace');
    fs.cpSync(path.join(ROOT, 'test/e2e/workspace'), workspace, { recursive: true });
    binDir = path.join(tmp, 'bin');
    fs.mkdirSync(binDir);
    fs.symlinkSync(path.join(ROOT, 'bin/podwise-language-server.js'), path.join(binDir, 'podwise-language-server'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function runEmacs(file, env = {}) {
    const out = path.join(tmp, `report-${Date.now()}.json`);
    return new Promise((resolve, reject) => {
      const child = spawn('emacs', ['--batch', '-Q', '--eval', LOAD_ELPA, '-l', HARNESS], {
        cwd: workspace,
        env: {
          ...process.env,
          HOME: path.join(tmp, 'home'),
          PATH: `${binDir}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
          PODWISE_EMACS_CONFIG: CONFIG,
          E2E_FILE: file,
          E2E_OUT: out,
          E2E_TIMEOUT: '20',
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
        reject(new Error(`emacs did not finish within 90 s:\n${output}`));
      }, 90000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (!fs.existsSync(out)) return reject(new Error(`emacs exited ${code} without a report:\n${output.slice(-3000)}`));
        const report = JSON.parse(fs.readFileSync(out, 'utf8'));
        if (report.error) return reject(new Error(`${report.error}\nreport: ${JSON.stringify(report).slice(0, 3000)}\n${output.slice(-2000)}`));
        resolve(report);
      });
    });
  }

  test(`${emacs.version}: flymake diagnostics, a code action applied by eglot, completion`, async () => {
    const report = await runEmacs(path.join(workspace, 'probes-lifecycle.yaml'), {
      E2E_CODE: 'probe-success-threshold',
      E2E_ACTION: 'Set successThreshold to 1',
      E2E_COMPLETE_AT: '20,21',
    });
    assert.equal(report.language_id, 'yaml');
    const d = report.diagnostics.find((x) => x.code === 'probe-success-threshold');
    assert.ok(d, JSON.stringify(report.diagnostics.map((x) => x.code)));
    assert.deepEqual([d.line, d.col, d.type], [60, 24, 'eglot-error']);
    assert.ok(!report.diagnostics.some((x) => x.code === 'resources-unset'), '.podwise.yaml applies');
    assert.ok(report.code_actions.includes('Set successThreshold to 1'), JSON.stringify(report.code_actions));
    assert.equal(report.line_after, '      successThreshold: 1 # [comment says: ready after 2 successes]');
    assert.equal(report.fixed, true);
    assert.deepEqual([...report.completions].sort(), ['Always', 'IfNotPresent', 'Never']);
  });

  test('the PetSet conversion is offered and applied by eglot', async () => {
    const report = await runEmacs(path.join(workspace, 'petset.yaml'), {
      E2E_CODE: 'api-version-removed',
      E2E_ACTION: 'Convert to apps/v1 StatefulSet',
    });
    assert.equal(report.line_after, 'apiVersion: apps/v1');
    assert.equal(report.fixed, true);
    const text = fs.readFileSync(path.join(workspace, 'petset.yaml'), 'utf8'); // unsaved: file unchanged on disk
    assert.match(text, /apps\/v1alpha1/);
  });

  test('a GitHub Actions workflow (not Kubernetes) gets a publication with no diagnostics', async () => {
    const report = await runEmacs(path.join(workspace, 'ci/github-workflow.yaml'));
    assert.ok(report.publishes >= 1);
    assert.deepEqual(report.diagnostics, []);
  });

  test('docs/editors.md shows the tested Emacs configuration verbatim', () => {
    const docs = fs.readFileSync(path.join(ROOT, 'docs/editors.md'), 'utf8');
    assert.ok(docs.includes(fs.readFileSync(CONFIG, 'utf8').trimEnd()), 'docs/editors.md must include test/editors/emacs/podwise-eglot.el');
  });
});
