// The CLI and the language server never open a network connection. Proof: both run with a
// preload (`node --require trap.cjs`) that replaces every way Node opens a connection or resolves
// a name (net, tls, http, https, http2, dgram, dns, fetch) and starts a process (child_process)
// with a function that records the call and throws. The CLI is driven over the examples and the
// corpus, the server through a full session; nothing may be recorded. stdio pipes (the LSP
// transport) are not connections and are untouched.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LspClient, fileUri, multiDocument, podManifest, rangeOf } from '../helpers/lsp-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'podwise.js');
const CORPUS = process.env.PODWISE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');

const TRAP = String.raw`
// Records and refuses every outbound connection, name lookup and child process (see the test).
'use strict';
const fs = require('fs');
const log = process.env.PODWISE_NET_TRAP_LOG;
function trap(name) {
  return function trapped() {
    const stack = new Error().stack.split('\n').slice(2, 6).join(' | ');
    fs.appendFileSync(log, JSON.stringify({ name, pid: process.pid, stack }) + '\n');
    throw new Error('network trap: ' + name + ' is not allowed');
  };
}
function patch(object, key, name) {
  if (object && typeof object[key] === 'function') object[key] = trap(name);
}
const net = require('net');
patch(net.Socket.prototype, 'connect', 'net.Socket#connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(net.Server.prototype, 'listen', 'net.Server#listen');
const tls = require('tls');
patch(tls, 'connect', 'tls.connect');
for (const id of ['http', 'https']) {
  const mod = require(id);
  patch(mod, 'request', id + '.request');
  patch(mod, 'get', id + '.get');
  patch(mod, 'createServer', id + '.createServer');
}
patch(require('http2'), 'connect', 'http2.connect');
patch(require('dgram'), 'createSocket', 'dgram.createSocket');
const dns = require('dns');
for (const key of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'resolveSrv', 'reverse']) {
  patch(dns, key, 'dns.' + key);
  patch(dns.promises, key, 'dns.promises.' + key);
}
const childProcess = require('child_process');
for (const key of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) patch(childProcess, key, 'child_process.' + key);
if (typeof globalThis.fetch === 'function') globalThis.fetch = trap('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = trap('WebSocket');
`;

let work;
let trapFile;
let logFile;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'podwise-net-'));
  trapFile = join(work, 'trap.cjs');
  logFile = join(work, 'trap.log');
  writeFileSync(trapFile, TRAP);
});

after(() => rmSync(work, { recursive: true, force: true }));

const recorded = () =>
  existsSync(logFile)
    ? readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];
const env = () => ({ ...process.env, PODWISE_NET_TRAP_LOG: logFile });

function runCli(args, input) {
  return spawnSync(process.execPath, ['--require', trapFile, CLI, ...args], { cwd: ROOT, env: env(), input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

test('the trap works: a connection, a lookup, fetch and a child process are recorded and refused', () => {
  writeFileSync(logFile, '');
  const script = `
    const attempts = [
      () => require('net').connect(443, 'example.com'),
      () => new (require('net').Socket)().connect(443, '127.0.0.1'),
      () => require('https').get('https://example.com/'),
      () => require('dns').lookup('example.com', () => {}),
      () => fetch('https://example.com/'),
      () => require('child_process').execSync('true'),
    ];
    let refused = 0;
    for (const attempt of attempts) { try { attempt(); } catch (error) { if (/network trap/.test(error.message)) refused += 1; } }
    process.stdout.write(String(refused));
  `;
  const run = spawnSync(process.execPath, ['--require', trapFile, '-e', script], { env: env(), encoding: 'utf8' });
  assert.equal(run.stdout, '6', run.stderr);
  assert.deepEqual(
    recorded().map((entry) => entry.name),
    ['net.connect', 'net.Socket#connect', 'https.get', 'dns.lookup', 'fetch', 'child_process.execSync'],
  );
});

test('the CLI checks the examples and the corpus without any connection', () => {
  writeFileSync(logFile, '');
  const paths = [join(ROOT, 'examples'), ...['valid', 'fixtures', 'nonk8s', 'legacy'].map((folder) => join(CORPUS, folder)).filter(existsSync)];
  // The whole corpus once (text); the other formats over the examples.
  for (const [format, inputs] of [
    ['text', paths],
    ['json', paths.slice(0, 1)],
    ['sarif', paths.slice(0, 1)],
  ]) {
    const run = runCli(['check', ...inputs, '--format', format]);
    assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr.slice(-2000)}`);
    assert.ok(run.stdout.length > 0);
  }
  const stdin = runCli(['check', '-', '--stdin-filename', 'etc/kubernetes/manifests/pod.yaml'], podManifest(1));
  assert.ok(stdin.status === 0 || stdin.status === 1, stdin.stderr);
  assert.ok([0, 1, 2].includes(runCli(['--help']).status));
  assert.deepEqual(recorded(), []);
});

test('the language server answers a whole session without any connection', { timeout: 60_000 }, async () => {
  writeFileSync(logFile, '');
  const folder = join(work, 'workspace');
  const client = await LspClient.start({
    workspaceFolders: [folder],
    settings: { kubernetesVersion: '1.36', rules: {} },
    nodeArgs: ['--require', trapFile],
    env: { PODWISE_NET_TRAP_LOG: logFile },
    capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, completion: { completionItem: { snippetSupport: true } }, inlayHint: {} } },
  });
  try {
    const uri = fileUri(join(folder, 'pods.yaml'));
    const text = multiDocument(3, (index) => (index === 1 ? { envValue: 'yes' } : {}));
    await client.open(uri, text);
    await client.diagnosticsForCurrent(uri);
    await client.replace(uri, 'periodSeconds: 5', 'periodSeconds: 5\n      successThreshold: 3');
    const diagnostics = await client.diagnosticsForCurrent(uri);
    assert.ok(diagnostics.length > 0);
    const position = rangeOf(client.text(uri), 'livenessProbe').start;
    const textDocument = { uri };
    await client.codeAction(uri, diagnostics[0].range, diagnostics);
    await client.codeAction(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.podwise']);
    await client.connection.sendRequest('textDocument/hover', { textDocument, position });
    await client.connection.sendRequest('textDocument/completion', { textDocument, position: { line: position.line, character: 4 } });
    await client.connection.sendRequest('textDocument/inlayHint', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
    await client.documentSymbol(uri);
    await client.foldingRange(uri);
    // The rule-docs command asks the client to open a URL; the server itself fetches nothing.
    await client.connection.sendRequest('workspace/executeCommand', { command: 'podwise.showRuleDocs', arguments: ['probe-success-threshold'] }).catch(() => null);
    await client.setSettings({ kubernetesVersion: '1.29', rules: { 'image-latest-tag': 'off' } });
    await client.diagnosticsForCurrent(uri);
    await client.close(uri);
  } finally {
    await client.shutdown();
  }
  assert.deepEqual(recorded(), []);
  assert.doesNotMatch(client.stderr, /network trap/);
});
