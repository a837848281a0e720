// The language server reads a folder's `.podwise.yaml` only when it is a regular file of at most
// 1 MB (issue #9): a FIFO there used to block the folder for good (no diagnostics, hover hung),
// trusted workspace or not. Through the real server, as an editor talks to it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileUri, LspClient } from '../helpers/lsp-client.mjs';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: mysql:8.0.36
    env:
    - name: MYSQL_PORT
      value: 3306
`;

const roots = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function workspace(prepare) {
  const root = mkdtempSync(join(tmpdir(), 'podwise-lsp-config-'));
  roots.push(root);
  prepare(join(root, '.podwise.yaml'));
  return root;
}

/** Fails instead of waiting forever when the server does not answer. */
function answered(promise, what, ms = 10_000) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms))),
  ]);
}

async function checkPod(root, initializationOptions) {
  const client = await LspClient.start({ workspaceFolders: [root], initializationOptions });
  try {
    const uri = fileUri(join(root, 'pod.yaml'));
    await client.open(uri, POD);
    const { diagnostics } = await client.waitForDiagnostics(uri, (list) => list.length > 0, { timeout: 10_000 });
    const hover = await answered(client.hover(uri, { line: 10, character: 8 }), 'hover');
    return { client, diagnostics, hover };
  } catch (error) {
    await client.shutdown();
    throw error;
  }
}

describe('.podwise.yaml that is not a regular file', { skip: process.platform === 'win32' && 'POSIX only' }, () => {
  for (const trusted of [true, false]) {
    test(`a FIFO: diagnostics arrive, hover answers, the log says why (${trusted ? 'trusted' : 'untrusted'} workspace)`, async () => {
      const root = workspace((config) => execFileSync('mkfifo', [config]));
      const { client, diagnostics, hover } = await checkPod(root, { workspaceTrusted: trusted });
      try {
        assert.ok(
          diagnostics.some((diagnostic) => diagnostic.code === 'schema-type'),
          JSON.stringify(diagnostics.map((d) => d.code)),
        );
        assert.notEqual(hover, undefined);
        assert.ok(
          client.logs.some((line) => /ignoring .*\.podwise\.yaml: it is a FIFO \(named pipe\), not a regular file; the defaults apply/.test(line)),
          client.logs.join('\n'),
        );
      } finally {
        await client.shutdown();
      }
    });
  }

  test('a config over 1 MB is not read: defaults, and the log says so', async () => {
    // Were it read, rules: {schema-type: off} would hide the finding.
    const root = workspace((config) => writeFileSync(config, `rules:\n  schema-type: off\n# ${'x'.repeat(1024 * 1024)}\n`));
    const { client, diagnostics } = await checkPod(root, {});
    try {
      assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'schema-type'));
      assert.ok(
        client.logs.some((line) => /ignoring .*\.podwise\.yaml: it is 1\.0 MB and Podwise reads config files up to 1\.0 MB/.test(line)),
        client.logs.join('\n'),
      );
    } finally {
      await client.shutdown();
    }
  });

  test('a regular config in UTF-16 with a BOM applies', async () => {
    const text = 'rules:\n  schema-type: warning\n';
    const root = workspace((config) => writeFileSync(config, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    const { client, diagnostics } = await checkPod(root, {});
    try {
      const finding = diagnostics.find((diagnostic) => diagnostic.code === 'schema-type');
      assert.equal(finding?.severity, 2, 'the config set schema-type to warning');
    } finally {
      await client.shutdown();
    }
  });
});
