// No eval or other code generation from strings at run time: the schema validators are ajv
// "standalone" code precompiled at build time (scripts/build-validators.mjs), loaded with require.
// Two proofs: the built bundles contain no `eval(` / `new Function(` / `vm` evaluation (but the
// server's launcher, which compiles our own module files as Node's loader would, to use a V8 code
// cache: checked to do only that), and the CLI and the server run under
// `node --disallow-code-generation-from-strings`, which makes V8 throw on any eval or Function
// constructor.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LspClient, fileUri, podManifest } from '../helpers/lsp-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'podwise.js');
const CORPUS = process.env.PODWISE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
// `eval(` as a call of the global; a method named eval (`node.eval(ctx)`, `eval(ctx) { … }` in the
// CEL interpreter's classes) generates no code.
const FORBIDDEN = [
  /(?<![.\w$])eval\s*\((?![^()]*\)\s*\{)/,
  /\bnew\s+Function\s*\(/,
  /[^.\w]Function\s*\(\s*["'`]/,
  /\bvm\.run\w*\(/,
  /\brunIn(This|New)?Context\s*\(/,
  /require\(["'](node:)?vm["']\)/,
];

// dist/server/launch.js compiles module files itself, for the V8 code cache (server/src/node/
// code-cache.ts): checked on its own below.
const LAUNCHER = join(ROOT, 'dist', 'server', 'launch.js');
const bundles = () => [
  ...readdirSync(join(ROOT, 'dist', 'server'))
    .filter((name) => name.endsWith('.js') && name !== 'launch.js')
    .map((name) => join(ROOT, 'dist', 'server', name)),
  ...readdirSync(join(ROOT, 'dist', 'validators'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(ROOT, 'dist', 'validators', name)),
];

function hits(file) {
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const pattern of FORBIDDEN) {
    const match = new RegExp(pattern.source, 'g');
    for (const m of text.matchAll(match)) found.push(`${file.slice(ROOT.length + 1)}: ${text.slice(Math.max(0, m.index - 60), m.index + 60).replace(/\s+/g, ' ')}`);
  }
  return found;
}

test('the server, CLI, engine and validator bundles contain no eval, Function constructor or vm evaluation', () => {
  const files = bundles();
  assert.ok(files.length >= 4, 'the build produced the bundles (npm run build)');
  assert.deepEqual(files.flatMap(hits), []);
});

test("the launcher compiles nothing but the module files Node's loader read from dist/ (for the code cache)", () => {
  const text = readFileSync(LAUNCHER, 'utf8');
  // One compilation, of the text Node's loader passes to Module.prototype._compile, and only for
  // files under dist/: anything else goes to Node's own _compile.
  assert.equal([...text.matchAll(/runInThisContext\(/g)].length, 1);
  assert.equal([...text.matchAll(/new vm\.Script\(/g)].length, 1);
  assert.match(text, /new vm\.Script\([\w.]+\.wrap\(content\), \{ filename, cachedData \}\)/);
  assert.match(text, /if \(!filename\.startsWith\(prefix\)\) return compile\.call\(this, content, filename\);/);
  const rest = FORBIDDEN.filter((pattern) => !/vm|runIn/.test(pattern.source));
  for (const pattern of rest) assert.doesNotMatch(text, pattern);
});

test('the validators require nothing but themselves, or ajv runtime helpers that generate no code', () => {
  const require = createRequire(join(ROOT, 'package.json'));
  const modules = new Set();
  for (const file of bundles().filter((f) => f.includes(`${join('dist', 'validators')}`))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)) if (!m[1].startsWith('.')) modules.add(m[1]);
  }
  for (const id of modules) {
    assert.match(id, /^ajv\/dist\/runtime\//, `validators require ${id}`);
    assert.deepEqual(hits(require.resolve(id)), [], id);
  }
});

test('the CLI runs with code generation from strings disallowed', () => {
  const paths = [
    join(ROOT, 'examples'),
    join(CORPUS, 'valid', 'kubernetes-website'),
    join(CORPUS, 'fixtures', 'kube-linter'),
    join(ROOT, 'test', 'fixtures', 'custom-resources'),
  ].filter(existsSync);
  for (const version of ['1.29', '1.36']) {
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', CLI, 'check', ...paths, '--kubernetes-version', version, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 128 * 1024 * 1024,
    });
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(-2000)}`);
    assert.doesNotMatch(run.stderr, /internal error|Code generation from strings disallowed/);
    const findings = JSON.parse(run.stdout);
    assert.ok(
      findings.some((f) => String(f.rule).startsWith('schema-')),
      'the schema validators ran',
    );
  }
});

test('the language server runs with code generation from strings disallowed', { timeout: 30_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'podwise-nocodegen-'));
  const client = await LspClient.start({ workspaceFolders: [folder], settings: {}, nodeArgs: ['--disallow-code-generation-from-strings'] });
  try {
    const uri = fileUri(join(folder, 'pod.yaml'));
    await client.open(uri, podManifest(1).replace('periodSeconds: 5', 'periodSeconds: 5\n      succesThreshold: 1'));
    const diagnostics = await client.diagnosticsForCurrent(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'schema-unknown-field'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    await client.documentSymbol(uri);
  } finally {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  }
  assert.doesNotMatch(client.stderr + client.logs.join('\n'), /Code generation from strings disallowed/);
});
