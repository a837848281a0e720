// Protocol tests for hover: the schema facts of every field (type, required, values, default, the
// versions that have it), the computed probe timeline, the rule summary and docs link on a
// finding's range (before the field's own hover), the mirror Pod of a static Pod (path globs from
// settings, without reopening), and the target version from the document's settings.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient, fileUri, positionOf } from '../helpers/lsp-client.mjs';

// The rule pages installed with the server (docs/rules/ of this checkout): links open offline.
const DOCS = `${pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules')).href}/`;

const POD = `# control plane
apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  nodeName: node-a
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - name: http
      containerPort: 8080
    livenessProbe:
      httpGet:
        path: /healthz
        port: http
      initialDelaySeconds: 60
      periodSeconds: 5
      failureThreshold: 2
    readinessProbe:
      httpGet:
        path: /ready
        port: http
      successThreshold: 1
`;

describe('language server: hover', () => {
  let workspace;
  let client;
  let counter = 0;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-hover-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function open(text, relative = `pod-${++counter}.yaml`) {
    const path = join(workspace, relative);
    mkdirSync(dirname(path), { recursive: true });
    const uri = fileUri(path);
    await client.open(uri, text);
    return uri;
  }

  /** Hover `n` characters into the first `marker` after `after`. */
  function hoverOn(uri, marker, { after = '', n = 1 } = {}) {
    const text = client.text(uri);
    const offset = text.indexOf(marker, text.indexOf(after));
    assert.ok(offset >= 0, `${marker} not found`);
    return client.hover(uri, positionOf(text, offset + n));
  }

  const rangeText = (text, range) => {
    const lines = text.split('\n');
    assert.equal(range.start.line, range.end.line);
    return lines[range.start.line].slice(range.start.character, range.end.character);
  };

  test('the server declares hover', () => {
    assert.equal(client.initializeResult.capabilities.hoverProvider, true);
  });

  test('on a liveness probe: the computed timeline, defaults named, the key as range', async () => {
    const uri = await open(POD);
    const hover = await hoverOn(uri, 'livenessProbe');
    assert.ok(hover, 'a hover');
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /first check at 60 s; restarted after 2 failures, 5 s apart ⇒ ~70 s after start/);
    assert.match(hover.contents.value, /Defaults applied: timeoutSeconds 1, successThreshold 1/);
    assert.equal(rangeText(POD, hover.range), 'livenessProbe');

    const readiness = await hoverOn(uri, 'readinessProbe');
    assert.match(readiness.contents.value, /unready after 3 failures, 10 s apart/);
    const timing = await hoverOn(uri, 'failureThreshold', { after: 'livenessProbe' });
    assert.match(timing.contents.value, /livenessProbe timeline/);
    await client.close(uri);
  });

  test('on a diagnostic: its message, explanation, fixes and docs link first, then the field', async () => {
    const text = POD.replace('      failureThreshold: 2\n', '      failureThreshold: 2\n      successThreshold: 3\n');
    const uri = await open(text);
    const diagnostics = await client.diagnosticsForCurrent(uri);
    const finding = diagnostics.find((d) => d.code === 'probe-success-threshold');
    assert.ok(finding, `no probe-success-threshold in ${diagnostics.map((d) => d.code)}`);
    const hover = await client.hover(uri, finding.range.start);
    const value = hover.contents.value;
    assert.ok(value.startsWith(`**${finding.message}**`), `the finding comes first:\n${value}`);
    assert.ok(value.includes(`[probe-success-threshold](${DOCS}probe-success-threshold.md)`), 'one docs link');
    assert.equal(value.split(`${DOCS}probe-success-threshold.md`).length, 2, 'the link once');
    const fixTitles = finding.data.fixes.map((fix) => fix.title);
    if (fixTitles.length > 0) assert.ok(value.includes(`Quick fix: ${fixTitles[0]}`), 'the fixes offered');
    assert.equal(value.split(finding.message).length, 2, 'the message is not repeated');
    assert.match(value, /livenessProbe timeline/, 'then the field hover');
    assert.ok(value.indexOf('livenessProbe timeline') > value.indexOf(DOCS));

    // A finding without a field note of its own still gets its rule.
    const typo = POD.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    imagePullPolicey: Always\n');
    const typoUri = await open(typo);
    const unknown = (await client.diagnosticsForCurrent(typoUri)).find((d) => d.code === 'schema-unknown-field');
    assert.ok(unknown);
    const typoHover = await client.hover(typoUri, { line: unknown.range.start.line, character: unknown.range.start.character + 2 });
    assert.ok(typoHover.contents.value.startsWith(`**${unknown.message}**`), typoHover.contents.value);
    assert.ok(typoHover.contents.value.includes(`${DOCS}schema-unknown-field.md`));
    assert.deepEqual(typoHover.range, unknown.range);

    // Off the finding: no rule text.
    const elsewhere = await hoverOn(uri, 'livenessProbe');
    assert.ok(!elsewhere.contents.value.includes('probe-success-threshold'));
    await client.close(uri);
    await client.close(typoUri);
  });

  test("a static Pod's metadata.name: the mirror Pod name; static-Pod paths from settings apply without reopening", async () => {
    const staticUri = await open(POD, 'etc/kubernetes/manifests/kube-apiserver.yaml');
    const hover = await hoverOn(staticUri, 'kube-apiserver');
    assert.match(hover.contents.value, /kube-apiserver-<nodeName>/);
    assert.match(hover.contents.value, /kubectl delete pod/);
    assert.match(hover.contents.value, /edit the manifest file|move the file/);
    assert.equal(rangeText(POD, hover.range), 'kube-apiserver');

    const plainUri = await open(POD, 'control/apiserver.yaml');
    assert.equal(await hoverOn(plainUri, 'kube-apiserver'), null, 'not a static Pod: nothing to say about the name');
    await client.setSettings({ staticPodPaths: ['control/**'] });
    const now = await hoverOn(plainUri, 'kube-apiserver');
    assert.match(now?.contents.value ?? '', /kube-apiserver-<nodeName>/);
    await client.setSettings({});
    await client.close(staticUri);
    await client.close(plainUri);
  });

  test("every field of a built-in kind: the schema's facts, the default, the versions that have it", async () => {
    const text = POD.replace(
      '    image: nginx:1.27\n',
      '    image: nginx:1.27\n    workingDir: /srv\n    imagePullPolicy: IfNotPresent\n    resources:\n      limits:\n        memory: 256Mi\n',
    ).replace('spec:\n', 'spec:\n  hostnameOverride: web-0\n  volumes:\n  - name: scratch\n    emptyDir: {}\n');
    const uri = await open(text);
    const workingDir = await hoverOn(uri, 'workingDir');
    assert.ok(workingDir.contents.value.startsWith("**workingDir** · string · optional\n\nDefault: the image's WORKDIR"), workingDir.contents.value);
    assert.equal(rangeText(text, workingDir.range), 'workingDir');
    assert.ok((await hoverOn(uri, 'containerPort')).contents.value.startsWith('**containerPort** · integer · required\n\nValues: 1–65535'));
    assert.ok((await hoverOn(uri, 'emptyDir')).contents.value.startsWith('**emptyDir** · object · optional'));
    assert.ok((await hoverOn(uri, 'kind')).contents.value.startsWith('**kind** · string · required'));
    assert.match((await hoverOn(uri, 'imagePullPolicy')).contents.value, /Values: `Always` \| `IfNotPresent` \| `Never`/);
    assert.ok((await hoverOn(uri, 'port', { after: 'livenessProbe' })).contents.value.startsWith('**port** · int-or-string · required'));
    assert.ok((await hoverOn(uri, 'memory')).contents.value.startsWith('**memory** · quantity'));
    assert.ok((await hoverOn(uri, 'hostnameOverride')).contents.value.startsWith('**hostnameOverride** · string · optional · since 1.34'));

    // The document's target version decides: at 1.29 the field is not there yet.
    await client.setSettings({ kubernetesVersion: '1.29' });
    const old = await hoverOn(uri, 'hostnameOverride');
    assert.match(old.contents.value, /\*\*hostnameOverride\*\* · not in Kubernetes 1\.29 · since 1\.34/);
    await client.setSettings({});
    await client.close(uri);

    const custom = await open('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  workingDir: /srv\n  image: nginx\n');
    assert.equal(await hoverOn(custom, 'workingDir'), null, 'a custom resource: nothing');
    assert.equal(await hoverOn(custom, 'image'), null);
    await client.close(custom);
  });

  test('a removed apiVersion names its replacement; nothing on plain text or excluded files', async () => {
    const petset = 'apiVersion: apps/v1alpha1\nkind: PetSet\nmetadata:\n  name: db\n';
    const uri = await open(petset);
    const hover = await hoverOn(uri, 'apps/v1alpha1', { n: 3 });
    assert.match(hover.contents.value, /apps\/v1/);
    assert.match(hover.contents.value, /StatefulSet/);
    await client.close(uri);

    const plain = await open('# not Kubernetes\nfoo:\n  bar: 1\n');
    assert.equal(await hoverOn(plain, 'bar'), null);
    await client.close(plain);

    await client.setSettings({ exclude: ['generated/**'] });
    const excluded = await open(POD, 'generated/pod.yaml');
    assert.equal(await hoverOn(excluded, 'livenessProbe'), null);
    await client.setSettings({});
    await client.close(excluded);
  });
});
