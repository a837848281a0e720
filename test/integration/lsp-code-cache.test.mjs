// The language server's V8 code cache (server/src/node/code-cache.ts, loaded by
// dist/server/launch.js): the first start writes the compiled bytecode of our bundles, later
// starts read it; a damaged or foreign cache file is refused by V8 and written anew; the
// findings never depend on it; PODWISE_CODE_CACHE=off leaves it out.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { LspClient } from '../helpers/lsp-client.mjs';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    livenessprobe:
      httpGet: {path: /healthz, port: 80}
`;
const URI = 'untitled:code-cache.yaml';

/** One server start: the codes of the findings on POD, and what the cache said on stderr. */
async function startAndCheck(env) {
  const client = await LspClient.start({ settings: {}, env: { PODWISE_CODE_CACHE_TRACE: '1', ...env } });
  try {
    await client.open(URI, POD);
    await client.idle();
    return { codes: client.latest(URI).diagnostics.map((d) => `${d.code}@${d.range.start.line}`), client };
  } catch (error) {
    await client.shutdown();
    throw error;
  }
}

/** The cache is written a few seconds after start: wait for the file (bounded), never time it. */
async function waitForFile(dir, prefix, { notMtime } = {}) {
  for (let waited = 0; waited < 15000; waited += 100) {
    const name = existsSync(dir) ? readdirSync(dir).find((file) => file.startsWith(prefix) && file.endsWith('.v8cache')) : undefined;
    if (name && (notMtime === undefined || statSync(join(dir, name)).mtimeMs !== notMtime)) return join(dir, name);
    await sleep(100);
  }
  throw new Error(`no ${prefix}*.v8cache in ${dir}: ${existsSync(dir) ? readdirSync(dir).join(', ') : 'no folder'}`);
}

describe('language server: the V8 code cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-code-cache-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the first start writes it, the next one reads it, with the same findings; a damaged file is refused and rewritten', async () => {
    const first = await startAndCheck({ PODWISE_CODE_CACHE_DIR: dir });
    assert.ok(first.codes.includes('schema-unknown-field@8'), first.codes.join(', '));
    assert.match(first.client.stderr, /code cache: server\.js not in /);
    const serverCache = await waitForFile(dir, 'server-');
    await waitForFile(dir, 'v1.36.workloads-');
    await first.client.shutdown();

    const second = await startAndCheck({ PODWISE_CODE_CACHE_DIR: dir });
    await second.client.shutdown();
    assert.match(second.client.stderr, /code cache: server\.js read from /);
    assert.match(second.client.stderr, /code cache: v1\.36\.workloads\.js read from /);
    assert.deepEqual(second.codes, first.codes);

    writeFileSync(serverCache, Buffer.alloc(4096, 7));
    const damagedMtime = statSync(serverCache).mtimeMs;
    const third = await startAndCheck({ PODWISE_CODE_CACHE_DIR: dir });
    assert.match(third.client.stderr, /code cache: server\.js not in /, 'V8 refused the damaged data');
    assert.deepEqual(third.codes, first.codes);
    await waitForFile(dir, 'server-', { notMtime: damagedMtime });
    await third.client.shutdown();
    assert.equal(readdirSync(dir).filter((file) => file.startsWith('server-')).length, 1, readdirSync(dir).join(', '));
  });

  test('PODWISE_CODE_CACHE=off: no cache is read or written', async () => {
    const unused = join(dir, 'off');
    const run = await startAndCheck({ PODWISE_CODE_CACHE_DIR: unused, PODWISE_CODE_CACHE: 'off' });
    await run.client.shutdown();
    assert.ok(run.codes.includes('schema-unknown-field@8'));
    assert.doesNotMatch(run.client.stderr, /code cache/);
    assert.equal(existsSync(unused), false);
  });
});
