// Protocol tests for completion: schema keys for the target version (none already present, no
// duplicates), enum values, Pod-spec context values (declared port names for a probe port), text
// edits indented for the line, the target version taken from settings and `.podwise.yaml`,
// snippets by context, kinds by apiVersion (and the apiVersion a picked kind brings), names from
// the file.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, fileUri, positionOf } from '../helpers/lsp-client.mjs';

/** A Pod whose first container ends with `tail` (container-level lines, 4-space indented). */
const pod = (tail, specTail = '') => `# the web Pod
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
    - name: metrics
      containerPort: 9090
${tail}${specTail}`;

const LIVENESS = `    livenessProbe:
      httpGet:
        path: /healthz
        port: http
      periodSeconds: 10
      ‸
`;

const labels = (list) => list.items.map((item) => item.label);

/** Applies one completion item's text edit to `text` (snippet placeholders left in). */
function applyItem(text, item) {
  const document = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  return TextDocument.applyEdits(document, [item.textEdit]);
}

describe('language server: completion', () => {
  let workspace;
  let pinned;
  let client;
  let counter = 0;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-completion-'));
    pinned = join(workspace, 'pinned');
    mkdirSync(join(workspace, 'main'));
    mkdirSync(pinned);
    writeFileSync(join(pinned, '.podwise.yaml'), 'kubernetesVersion: "1.29"\n');
    client = await LspClient.start({ workspaceFolders: [join(workspace, 'main'), pinned], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Opens `textWithCursor` (the ‸ marks the cursor) and asks for completion there. */
  async function completeIn(textWithCursor, { folder = join(workspace, 'main'), triggerCharacter } = {}) {
    const offset = textWithCursor.indexOf('‸');
    assert.ok(offset >= 0, 'no ‸ cursor marker');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    counter += 1;
    const uri = fileUri(join(folder, `pod-${counter}.yaml`));
    await client.open(uri, text);
    const position = positionOf(text, offset);
    const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
    const list = await client.completion(uri, position, context);
    await client.close(uri);
    return { list, text, position };
  }

  test('the server declares completion with trigger characters', () => {
    const provider = client.initializeResult.capabilities.completionProvider;
    assert.ok(provider);
    assert.deepEqual([...provider.triggerCharacters].sort(), [' ', '-', ':']);
  });

  test('inside livenessProbe: the probe fields, nothing already present, no second handler, no duplicates', async () => {
    const { list, position } = await completeIn(pod(LIVENESS));
    const keys = labels(list);
    for (const expected of ['failureThreshold', 'initialDelaySeconds', 'successThreshold', 'timeoutSeconds', 'terminationGracePeriodSeconds']) {
      assert.ok(keys.includes(expected), `missing ${expected} in ${keys}`);
    }
    for (const present of ['httpGet', 'periodSeconds']) assert.ok(!keys.includes(present), `${present} is already in the probe`);
    for (const handler of ['exec', 'tcpSocket', 'grpc']) assert.ok(!keys.includes(handler), `a second handler (${handler}) is an error`);
    for (const containerKey of ['image', 'name', 'ports']) assert.ok(!keys.includes(containerKey), `container key ${containerKey} leaked into the probe`);
    assert.equal(new Set(keys).size, keys.length, `duplicates in ${keys}`);

    const failure = list.items.find((item) => item.label === 'failureThreshold');
    assert.equal(failure.kind, 10, 'Property');
    assert.equal(failure.detail, 'integer');
    assert.equal(failure.documentation.kind, 'markdown');
    assert.match(failure.documentation.value, /Omitted or 0 means 3/);
    assert.equal(failure.insertTextFormat, 2, 'snippet');
    assert.deepEqual(failure.textEdit.range, { start: position, end: position });
    assert.equal(failure.textEdit.newText, 'failureThreshold: $0');
    assert.ok(list.items.every((item) => typeof item.sortText === 'string'));
  });

  test('right under livenessProbe: every handler; a block key is indented for its line', async () => {
    const { list, text } = await completeIn(pod('    livenessProbe:\n      ‸\n'));
    const keys = labels(list);
    for (const expected of ['httpGet', 'tcpSocket', 'exec', 'grpc', 'periodSeconds']) assert.ok(keys.includes(expected), `missing ${expected}`);
    const httpGet = list.items.find((item) => item.label === 'httpGet');
    assert.equal(httpGet.detail, 'HTTPGetAction');
    assert.equal(httpGet.insertTextMode, 1, 'asIs: the continuation line is indented by the server');
    const after = applyItem(text, httpGet);
    assert.match(after, /\n {4}livenessProbe:\n {6}httpGet:\n {8}\$0\n/);
  });

  test('a key typed part-way is replaced whole; required keys first on a fresh list item', async () => {
    const partial = await completeIn(pod('    readi‸\n'));
    const readiness = partial.list.items.find((item) => item.label === 'readinessProbe');
    assert.ok(readiness);
    assert.equal(readiness.textEdit.range.start.character, 4);
    assert.equal(readiness.textEdit.range.end.character, 9);
    assert.ok(!labels(partial.list).includes('image'), 'image is already there');

    const fresh = await completeIn('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - ‸\n');
    const sorted = [...fresh.list.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.equal(sorted[0].label, 'name');
    assert.equal(sorted[0].labelDetails?.description, 'required');
    // Triggered by the `-` itself: the item brings its own separating space.
    const dash = await completeIn('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  -‸\n', { triggerCharacter: '-' });
    const name = dash.list.items.find((item) => item.label === 'name');
    assert.equal(name.textEdit.newText, ' name: $0');
    assert.match(applyItem(dash.text, name), /\n {2}- name: \$0\n/);
  });

  test('enum values, also right after the colon', async () => {
    const { list } = await completeIn(pod('    imagePullPolicy: ‸\n'), { triggerCharacter: ' ' });
    assert.deepEqual(labels(list).sort(), ['Always', 'IfNotPresent', 'Never']);
    assert.ok(
      list.items.every((item) => item.kind === 12 && item.insertTextFormat === 1),
      'plain Value items',
    );
    const restart = await completeIn(pod('', '  restartPolicy: ‸\n'));
    assert.deepEqual(labels(restart.list).sort(), ['Always', 'Never', 'OnFailure']);

    const colon = await completeIn(pod('    imagePullPolicy:‸\n'), { triggerCharacter: ':' });
    const ifNotPresent = colon.list.items.find((item) => item.label === 'IfNotPresent');
    assert.equal(ifNotPresent.textEdit.newText, ' IfNotPresent');
    assert.match(applyItem(colon.text, ifNotPresent), /\n {4}imagePullPolicy: IfNotPresent\n/);
  });

  test('a probe port offers the container’s declared port names first', async () => {
    const { list } = await completeIn(pod('    readinessProbe:\n      httpGet:\n        path: /ready\n        port: ‸\n'));
    const sorted = [...list.items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
    assert.deepEqual(sorted.slice(0, 2).sort(), ['http', 'metrics']);
    assert.ok(sorted.includes('8080'));
    const grpc = await completeIn(pod('    livenessProbe:\n      grpc:\n        port: ‸\n'));
    assert.deepEqual(labels(grpc.list).sort(), ['8080', '9090'], 'gRPC takes a number only');
  });

  test('the target version comes from settings and .podwise.yaml, without reopening', async () => {
    const text = pod('    ‸\n');
    assert.ok(labels((await completeIn(text)).list).includes('restartPolicyRules'), '1.36 (default) has restartPolicyRules');
    assert.ok(!labels((await completeIn(text, { folder: pinned })).list).includes('restartPolicyRules'), '.podwise.yaml pins 1.29');
    await client.setSettings({ kubernetesVersion: '1.29' });
    assert.ok(!labels((await completeIn(text)).list).includes('restartPolicyRules'), 'settings: 1.29');
    await client.setSettings({});
    assert.ok(labels((await completeIn(text)).list).includes('restartPolicyRules'));
  });

  test('a client without snippets or insertTextMode gets plain text indented relative to its line', async () => {
    const plain = await LspClient.start({
      workspaceFolders: [join(workspace, 'main')],
      settings: {},
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    });
    try {
      const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - \n';
      const uri = fileUri(join(workspace, 'main', 'plain.yaml'));
      await plain.open(uri, text);
      const list = await plain.completion(uri, { line: 6, character: 4 });
      const byLabel = (label) => list.items.find((item) => item.label === label);
      assert.equal(byLabel('name').insertTextFormat, 1);
      assert.equal(byLabel('name').textEdit.newText, 'name: ');
      assert.equal(byLabel('imagePullPolicy').textEdit.newText, 'imagePullPolicy: Always', 'a choice becomes its first value');
      // The client adds the line's own indentation (up to the dash); the server adds the dash.
      assert.equal(byLabel('livenessProbe').textEdit.newText, 'livenessProbe:\n    ');
      assert.equal(byLabel('livenessProbe').insertTextMode, undefined);
      assert.ok(
        list.items.every((item) => !/\$\{?\d/.test(item.textEdit.newText)),
        'no snippet syntax left',
      );
    } finally {
      await plain.shutdown();
    }
  });

  test('manifest snippets on an empty document only: Snippet items with snippet text', async () => {
    const { list } = await completeIn('‸');
    const deployment = list.items.find((item) => item.label === 'deployment-zero-downtime');
    assert.ok(deployment, labels(list).join(','));
    assert.equal(deployment.kind, 15, 'Snippet');
    assert.equal(deployment.insertTextFormat, 2);
    assert.match(deployment.textEdit.newText, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n {2}name: \$\{1:web\}\n/);
    const inProbe = await completeIn(pod('    livenessProbe:\n      ‸\n'));
    assert.deepEqual(
      inProbe.list.items.filter((item) => item.kind === 15).map((item) => item.label),
      [],
      'no snippet inside a probe',
    );
    const inContainer = labels((await completeIn(pod('    ‸\n'))).list);
    assert.ok(inContainer.includes('probe-http') && inContainer.includes('prestop'), inContainer.join(','));
    assert.ok(!inContainer.includes('pod') && !inContainer.includes('deployment-zero-downtime'), 'no manifest inside a container');
    const value = await completeIn(pod('    imagePullPolicy: ‸\n'), { triggerCharacter: ' ' });
    assert.ok(
      value.list.items.every((item) => item.kind !== 15),
      'no snippet at a value',
    );
  });

  test('no Kubernetes items in a GitHub workflow, empty or not', async () => {
    const folder = join(workspace, 'main', '.github', 'workflows');
    mkdirSync(folder, { recursive: true });
    const workflow = 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n\n';
    const uri = fileUri(join(folder, 'ci.yaml'));
    await client.open(uri, workflow);
    for (const position of [
      { line: 7, character: 0 },
      { line: 5, character: 4 },
    ]) {
      assert.deepEqual((await client.completion(uri, position)).items, [], JSON.stringify(position));
    }
    await client.close(uri);
    const empty = fileUri(join(folder, 'new.yml'));
    await client.open(empty, '');
    assert.deepEqual((await client.completion(empty, { line: 0, character: 0 })).items, []);
    await client.close(empty);
  });

  test('kind values follow apiVersion; a kind picked with no apiVersion adds it', async () => {
    const apps = await completeIn('apiVersion: apps/v1\nkind: ‸\n');
    assert.deepEqual(labels(apps.list).sort(), ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
    assert.ok(!labels(apps.list).includes('ConfigMap'));

    const bare = await completeIn('kind: Dep‸\nmetadata:\n  name: web\n');
    const deployment = bare.list.items.find((item) => item.label === 'Deployment');
    assert.equal(deployment.detail, 'apps/v1');
    const document = TextDocument.create('file:///x.yaml', 'yaml', 1, bare.text);
    const after = TextDocument.applyEdits(document, [deployment.textEdit, ...deployment.additionalTextEdits]);
    assert.equal(after, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');

    const crlf = await completeIn('metadata:\r\n  name: web\r\nkind: ‸\r\n');
    const job = crlf.list.items.find((item) => item.label === 'Job');
    assert.deepEqual(job.additionalTextEdits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'apiVersion: batch/v1\r\n' }]);
  });

  test('selector labels from the Pod template; ConfigMap names from the file', async () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  MODE: fast
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      ‸
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: @
`;
    const selector = await completeIn(text.replace('@', ''));
    assert.deepEqual(labels(selector.list), ['app']);
    assert.equal(selector.list.items[0].textEdit.newText, 'app: web');
    const reference = await completeIn(text.replace('‸', 'app: web').replace('@', '‸'), { triggerCharacter: ' ' });
    assert.deepEqual(labels(reference.list), ['app-config']);
  });

  test('a client without snippet support gets manifests as plain text', async () => {
    const plain = await LspClient.start({
      workspaceFolders: [join(workspace, 'main')],
      settings: {},
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } },
    });
    try {
      const uri = fileUri(join(workspace, 'main', 'plain-manifest.yaml'));
      await plain.open(uri, '');
      const list = await plain.completion(uri, { line: 0, character: 0 });
      const job = list.items.find((item) => item.label === 'job');
      assert.equal(job.kind, 15);
      assert.equal(job.insertTextFormat, 1);
      assert.match(job.textEdit.newText, /^apiVersion: batch\/v1\nkind: Job\nmetadata:\n {2}name: migrate\n/);
      assert.match(job.textEdit.newText, /restartPolicy: Never\n/);
      assert.ok(!/\$\{?\d/.test(job.textEdit.newText), 'no snippet syntax left');
    } finally {
      await plain.shutdown();
    }
  });

  test('nothing inside comments or block scalars; nothing for a .podwise.yaml', async () => {
    assert.deepEqual((await completeIn(pod('    # liveness‸\n'))).list.items, []);
    assert.deepEqual((await completeIn(pod('    command:\n    - |\n      echo ‸\n'))).list.items, []);
    const uri = fileUri(join(workspace, 'main', '.podwise.yaml'));
    await client.open(uri, 'kubernetesVersion: "1.36"\n');
    const list = await client.completion(uri, { line: 1, character: 0 });
    assert.deepEqual(list.items, []);
    await client.close(uri);
  });
});
