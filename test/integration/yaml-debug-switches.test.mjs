// `yaml`'s debugging switches (LOG_TOKENS, LOG_STREAM) are compiled out of our Node bundles by
// scripts/yaml-debug-switches.mjs: reading process.env for every token cost 15-20 % of a parse,
// and with either variable set `yaml` prints to standard output, which is the language server's
// LSP channel and the CLI's report.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LspClient } from '../helpers/lsp-client.mjs';
import { switchesOff, YAML_DEBUG_SWITCHES } from '../../scripts/yaml-debug-switches.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEBUG_ENV = { LOG_TOKENS: '1', LOG_STREAM: '1' };

const TWO_DOCUMENTS = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    livenessprobe:
      httpGet: {path: /healthz, port: 80}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;

describe('yaml debugging switches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-yaml-switches-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the plugin turns each switch off, and refuses a yaml that reads it elsewhere or not at all', () => {
    for (const { module, read } of YAML_DEBUG_SWITCHES) {
      const source = readFileSync(join(ROOT, 'node_modules', 'yaml', module), 'utf8');
      const off = switchesOff(module, source);
      assert.ok(source.includes(read), `yaml/${module} reads ${read}`);
      assert.ok(!off.includes(read), `yaml/${module} still reads ${read}`);
      assert.equal(off.split('\n').length, source.split('\n').length, 'lines are kept');
      assert.throws(() => switchesOff(module, source.replace(read, 'other.read')), /found it 0 times/);
      assert.throws(() => switchesOff(module, `${source}\n${read};`), /found it 2 times/);
    }
    assert.equal(switchesOff('dist/index.js', 'x'), 'x', 'other modules pass through');
  });

  for (const bundle of ['server.js', 'cli.js', 'cli-worker.js', 'engine.js']) {
    test(`dist/server/${bundle} never reads them`, () => {
      const source = readFileSync(join(ROOT, 'dist', 'server', bundle), 'utf8');
      // The parser is in the bundle (so the test looks at the right text) …
      assert.match(source, /this\.atScalar = true;/);
      // … and no longer reads either variable.
      assert.doesNotMatch(source, /env\.LOG_TOKENS|env\.LOG_STREAM/);
    });
  }

  test('podwise check: with LOG_TOKENS and LOG_STREAM set, the JSON report is the same', () => {
    const files = ['one.yaml', 'two.yaml', 'three.yaml'].map((name) => join(dir, name));
    for (const file of files) writeFileSync(file, TWO_DOCUMENTS);
    // --jobs 2: files go to the worker bundle too (an explicit --jobs starts a worker).
    const run = (env) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'podwise.js'), 'check', '--format', 'json', '--jobs', '2', ...files], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
    const plain = run({});
    const withSwitches = run(DEBUG_ENV);
    assert.equal(plain.status, 1, plain.stderr);
    const findings = JSON.parse(plain.stdout);
    assert.ok(
      findings.some((finding) => finding.rule === 'schema-unknown-field'),
      plain.stdout,
    );
    assert.equal(withSwitches.status, plain.status, withSwitches.stderr);
    assert.equal(withSwitches.stdout, plain.stdout);
  });

  test('language server over stdio: with LOG_TOKENS and LOG_STREAM set, diagnostics arrive', async () => {
    const client = await LspClient.start({ settings: {}, env: DEBUG_ENV });
    try {
      const uri = 'untitled:switches.yaml';
      await client.open(uri, TWO_DOCUMENTS);
      const published = await client.waitForDiagnostics(uri, (diagnostics) => diagnostics.length > 0);
      assert.ok(
        published.diagnostics.some((diagnostic) => diagnostic.code === 'schema-unknown-field' && diagnostic.range.start.line === 8),
        JSON.stringify(published.diagnostics.map((diagnostic) => diagnostic.code)),
      );
    } finally {
      await client.shutdown();
    }
  });
});
