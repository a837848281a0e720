// Protocol tests for inlay hints: the defaults the API server fills in, shown where the field is
// missing; `podwise.inlayHints.enabled: false` turns them off without reopening the document, and
// the server asks the client to refresh its hints when that setting (or the version) changes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri } from '../helpers/lsp-client.mjs';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    livenessProbe:
      httpGet: {path: /healthz, port: 8080}
      periodSeconds: 5
  - name: pinned
    image: nginx:1.27
    imagePullPolicy: IfNotPresent
    readinessProbe:
      tcpSocket: {port: 8080}
      periodSeconds: 5
      timeoutSeconds: 2
      failureThreshold: 3
      successThreshold: 1
`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(predicate, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Each hint as `line text⟨label⟩`, the line cut at the hint. */
const show = (text, hints) => hints.map((hint) => `${text.split('\n')[hint.position.line].slice(0, hint.position.character)}⟨${hint.label}⟩`);

describe('language server: inlay hints', () => {
  let workspace;
  let client;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-inlay-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the server declares inlay hints', () => {
    assert.ok(client.initializeResult.capabilities.inlayHintProvider);
  });

  test('defaults are shown where the fields are omitted, only within the requested range', async () => {
    const uri = fileUri(join(workspace, 'pod.yaml'));
    await client.open(uri, POD);
    const hints = await client.inlayHints(uri);
    assert.deepEqual(show(POD, hints), ['spec:⟨grace 30s⟩', '    image: nginx⟨pull: Always⟩', '    livenessProbe:⟨timeout 1s · failure 3⟩']);
    assert.ok(hints.every((hint) => hint.paddingLeft === true && typeof hint.tooltip === 'string' && hint.tooltip.length > 0));
    const firstLines = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } });
    assert.deepEqual(show(POD, firstLines), ['spec:⟨grace 30s⟩']);
    await client.close(uri);
  });

  test('podwise.inlayHints.enabled: false → none, without reopening; the client is asked to refresh', async () => {
    const uri = fileUri(join(workspace, 'toggle.yaml'));
    await client.open(uri, POD);
    assert.equal((await client.inlayHints(uri)).length, 3);

    const refreshes = client.inlayHintRefreshes;
    await client.setSettings({ inlayHints: { enabled: false } });
    await until(() => client.inlayHintRefreshes > refreshes, 'workspace/inlayHint/refresh after disabling');
    assert.deepEqual(await client.inlayHints(uri), []);

    // Still off after an edit; back on with the setting.
    await client.replace(uri, 'image: nginx\n', 'image: nginx:latest\n');
    assert.deepEqual(await client.inlayHints(uri), []);
    const again = client.inlayHintRefreshes;
    await client.setSettings({ inlayHints: { enabled: true } });
    await until(() => client.inlayHintRefreshes > again, 'workspace/inlayHint/refresh after enabling');
    assert.equal((await client.inlayHints(uri)).length, 3);

    // The target version changing asks for a refresh too.
    const versioned = client.inlayHintRefreshes;
    await client.setSettings({ inlayHints: { enabled: true }, kubernetesVersion: '1.29' });
    await until(() => client.inlayHintRefreshes > versioned, 'workspace/inlayHint/refresh after a version change');

    // A settings change that does not touch the hints does not ask for a refresh.
    const quiet = client.inlayHintRefreshes;
    await client.setSettings({ inlayHints: { enabled: true }, kubernetesVersion: '1.29', rules: { 'image-latest-tag': 'off' } });
    await client.diagnosticsForCurrent(uri, { predicate: (d) => !d.some((x) => x.code === 'image-latest-tag') });
    await client.idle();
    assert.equal(client.inlayHintRefreshes, quiet);
    await client.setSettings({});
    await client.close(uri);
  });
});
