#!/usr/bin/env node
// `npm run package`: build the .vsix for VS Code.
//   1. production build (node scripts/build.mjs --production: minified, no source maps);
//   2. check the bundles need nothing from node_modules at run time (only Node built-ins, and
//      `vscode` in the client);
//   3. vsce package --no-dependencies (everything is bundled; .vscodeignore is an allowlist);
//   4. check the contents: what must ship (client, server, every version's validator index and
//      chunks, schemas, every rule page, snippets, icon, README, CHANGELOG) and what must not
//      (tests, sources, node_modules, source maps, validator chunks no index names), and the size
//      budget (fail above 3 MB, warn above 2 MB);
//   5. unpack it into an empty temp folder and run the packaged language server over stdio (no
//      node_modules anywhere above it): it must publish a schema diagnostic for a broken Pod;
//   6. rebuild dist/ for development (the production build only lives in the .vsix).
// usage: node scripts/package.mjs [--out file.vsix] [--no-build] [--no-smoke]
// Prints the .vsix path and size; exit code 1 on any failed check.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const { values: opt } = util.parseArgs({
  options: {
    out: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-smoke': { type: 'boolean', default: false },
  },
});
const OUT = path.resolve(opt.out || path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
const BUDGET_FAIL = 3 * 1024 * 1024;
const BUDGET_AIM = 2 * 1024 * 1024;

const t0 = Date.now();
const say = (msg) => console.log(`[package] ${msg}`);
const problems = [];
const check = (ok, msg) => {
  if (!ok) problems.push(msg);
};
const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;

try {
  execFileSync('unzip', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('[package] FAIL: unzip not found (the .vsix contents are checked with it): apt-get install unzip');
  process.exit(1);
}

// ------------------------------------------------------------------------------ 1. production build
if (!opt['no-build']) {
  say('node scripts/build.mjs --production');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production'], { cwd: ROOT, stdio: 'inherit' });
}

// ------------------------------------------------------------------------ 2. bundles are self-contained
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
function externalRequires(file, allowed = []) {
  const code = fs.readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    const id = m[1];
    if (builtins.has(id) || allowed.includes(id) || id.startsWith('.') || id.startsWith('/')) continue;
    found.add(id);
  }
  for (const m of code.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) if (!builtins.has(m[1])) found.add(m[1]);
  return [...found];
}
const versions = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/versions.json'), 'utf8')).versions;
// Each version's validators: the index dist/validators/v1.NN.js and the chunks it names.
function validatorFiles(v) {
  const index = path.join(ROOT, `dist/validators/v${v}.js`);
  if (!fs.existsSync(index)) return [`dist/validators/v${v}.js`];
  delete require.cache[index];
  const chunks = Object.keys(require(index).chunks ?? {});
  check(chunks.length > 0, `dist/validators/v${v}.js names no validator chunks`);
  return [`dist/validators/v${v}.js`, ...chunks.map((file) => `dist/validators/${file}`)];
}
const validators = versions.flatMap(validatorFiles);
const bundles = [['dist/client/extension.js', ['vscode']], ['dist/server/launch.js', []], ['dist/server/server.js', []], ...validators.map((file) => [file, []])];
for (const [rel, allowed] of bundles) {
  const file = path.join(ROOT, rel);
  if (!fs.existsSync(file)) {
    problems.push(`${rel} is missing (build failed?)`);
    continue;
  }
  const ext = externalRequires(file, allowed);
  check(ext.length === 0, `${rel} requires modules that are not bundled: ${ext.join(', ')}`);
}
if (problems.length) fail();
say(`bundles are self-contained (${bundles.length} files: only Node built-ins${' and vscode in the client'})`);

// ------------------------------------------------------------------------------------- 3. vsce package
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const args = ['package', '--no-dependencies', '--out', OUT];
// No public repository (package.json has none, rather than a placeholder): vsce would ask for one
// and would refuse to rewrite README.md's relative links without a base URL. Keep them relative:
// in VS Code's extension page they resolve inside the installed extension (docs/rules/ ships).
if (!pkg.repository) args.push('--allow-missing-repository', '--no-rewrite-relative-links');
const license = ['LICENSE', 'LICENSE.md', 'LICENSE.txt'].some((f) => fs.existsSync(path.join(ROOT, f)));
if (!license) {
  say('WARNING: no LICENSE file at the repository root: packaging with --skip-license (add one for the Marketplace)');
  args.push('--skip-license');
}
fs.rmSync(OUT, { force: true });
// vsce walks every file below its folder before applying .vscodeignore (here: .cache/e2e holds a
// whole VS Code, node_modules…), so it runs on a staging copy of the candidates; .vscodeignore
// (an allowlist) still decides what ships.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-stage-'));
for (const rel of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'images', 'dist', 'schemas', 'docs/rules', 'snippets']) {
  const from = path.join(ROOT, rel);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, rel), { recursive: true });
}
say(`vsce ${args.join(' ')}`);
const tVsce = Date.now();
try {
  execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
say(`vsce done in ${((Date.now() - tVsce) / 1000).toFixed(1)} s`);

// --------------------------------------------------------------------------------------- 4. contents
const listing = execFileSync('unzip', ['-Z1', OUT], { encoding: 'utf8' }).split('\n').filter(Boolean);
const files = listing.filter((f) => f.startsWith('extension/') && !f.endsWith('/')).map((f) => f.slice('extension/'.length));
const lower = new Set(files.map((f) => f.toLowerCase()));
const has = (f) => files.includes(f) || lower.has(f.toLowerCase()); // vsce stores readme.md, changelog.md
const must = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  pkg.icon,
  'dist/client/extension.js',
  'dist/server/launch.js',
  'dist/server/server.js',
  'dist/server/engine-cel.js',
  'snippets/kubernetes.code-snippets.json',
  'schemas/versions.json',
  'schemas/crds/index.json',
  ...validators,
  ...versions.flatMap((v) => [`schemas/v${v}/definitions.json`, `schemas/v${v}/index.json`]),
  ...fs
    .readdirSync(path.join(ROOT, 'docs/rules'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/rules/${f}`),
];
for (const f of must) check(has(f), `missing from the .vsix: ${f}`);
const forbidden = [
  /^node_modules\//,
  /^test\//,
  /^client\/src\//,
  /^server\/src\//,
  /^scripts\//,
  /^bench\//,
  /^examples\//,
  /^\.cache\//,
  /\.map$/,
  /\.ts$/,
  /\.mjs$/,
  /^dist\/server\/(cli|engine)\.js$/,
  /(^|\/)\.[^/]+$/,
];
const bad = files.filter((f) => forbidden.some((re) => re.test(f)) || (f.startsWith('dist/validators/') && !validators.includes(f)));
check(bad.length === 0, `must not ship: ${bad.slice(0, 10).join(', ')}${bad.length > 10 ? ` … (${bad.length})` : ''}`);
const shipped = JSON.parse(execFileSync('unzip', ['-p', OUT, 'extension/package.json'], { encoding: 'utf8' }));
check(shipped.version === pkg.version, 'package.json in the .vsix has another version');
const size = fs.statSync(OUT).size;
check(size <= BUDGET_FAIL, `size ${mb(size)} is over the 3 MB budget`);
const unpacked = files.length;
if (problems.length) fail();
say(`contents ok: ${unpacked} files (${must.length} required present, nothing from node_modules/test/src)`);
if (size > BUDGET_AIM) say(`WARNING: ${mb(size)} is over the 2 MB aim (the 3 MB budget still holds)`);

// ------------------------------------------------------------------------ 5. packaged server, no node_modules
if (!opt['no-smoke']) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'podwise-vsix-'));
  try {
    execFileSync('unzip', ['-q', OUT, 'extension/*', '-d', tmp]);
    await smokeServer(path.join(tmp, 'extension/dist/server/launch.js'), tmp);
  } catch (e) {
    problems.push(`the packaged language server failed: ${e.message}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (problems.length) fail();
}

if (!opt['no-build']) {
  // back to the development build (source maps, readable stacks) that tests and the editor use
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
}
say(`${path.relative(process.cwd(), OUT) || OUT}: ${mb(size)} (${size} bytes; budget 3 MB, aim 2 MB), ${unpacked} files, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

function fail() {
  for (const p of problems.filter(Boolean)) console.error(`[package] FAIL: ${p}`);
  if (!opt['no-build'])
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      /* reported by the next build */
    }
  process.exit(1);
}

/** Minimal LSP over stdio: initialize, open a Pod with a typo, expect schema-unknown-field. */
function smokeServer(serverJs, cwd) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NODE_PATH: '' };
    const child = spawn(process.execPath, [serverJs, '--stdio'], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let buf = Buffer.alloc(0);
    let id = 0;
    const timer = setTimeout(() => done(new Error(`no diagnostics within 15 s; stderr: ${stderr.slice(-1000)}`)), 15000);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    const uri = pathToFileURL(path.join(cwd, 'pod.yaml')).href;
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      livenessprobe: {}\n';
    function done(err) {
      clearTimeout(timer);
      try {
        send({ id: ++id, method: 'shutdown' });
        send({ method: 'exit' });
      } catch {
        /* closed */
      }
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      if (err) reject(err);
      else resolve();
    }
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => {
      if (code) done(new Error(`server exited with code ${code}; stderr: ${stderr.slice(-1500)}`));
    });
    child.stdout.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const headerEnd = buf.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, headerEnd).toString())[1]);
        if (buf.length < headerEnd + 4 + length) return;
        const msg = JSON.parse(buf.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buf = buf.subarray(headerEnd + 4 + length);
        if (msg.id === 1 && msg.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
        } else if (msg.method && msg.id !== undefined) {
          // server → client requests (configuration, registrations): answer with defaults
          send({ id: msg.id, result: msg.method === 'workspace/configuration' ? msg.params.items.map(() => null) : null });
        } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
          const codes = msg.params.diagnostics.map((d) => d.code);
          if (codes.includes('schema-unknown-field')) {
            // Rule links open offline: the page inside the unpacked extension, not a web address.
            const href = msg.params.diagnostics.find((d) => d.code === 'schema-unknown-field').codeDescription?.href ?? '';
            const page = href.startsWith('file:') ? fileURLToPath(href) : '';
            if (!page.startsWith(path.join(cwd, 'extension', 'docs', 'rules')) || !fs.existsSync(page)) {
              done(new Error(`the rule link is not the page in the package: ${JSON.stringify(href)}`));
              return;
            }
            say(`packaged server ok: ${codes.length} diagnostics (${codes.join(', ')}) from ${path.relative(cwd, serverJs)} with no node_modules`);
            done();
          }
        }
      }
    });
    send({ id: ++id, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } });
  });
}
