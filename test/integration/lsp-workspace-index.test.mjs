// The language server's workspace index (server/src/lsp/workspace-index.ts), over stdio: the
// Services and Namespaces of the workspace's other files count for the open document, as they do
// for `podwise check` over the folder. Disk changes arrive as watched-file events; an open
// document's unsaved text counts instead of its disk copy; excluded files are not read.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri } from '../helpers/lsp-client.mjs';

const STATEFULSET = (name) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${name}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: postgres:16.3
`;
const SERVICE = (name, clusterIP = 'None') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  clusterIP: ${clusterIP}
  selector: {app: ${name}}
  ports: [{port: 5432}]
`;
const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels:
    pod-security.kubernetes.io/enforce: restricted
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: tool
  namespace: team
spec:
  containers:
  - name: tool
    image: busybox:1.36
    securityContext:
      runAsUser: 0
`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  mode: production
`;
const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
spec:
  selector:
    matchLabels: {app: app}
  template:
    metadata:
      labels: {app: app}
    spec:
      containers:
      - name: app
        image: app:1.0
        envFrom:
        - configMapRef: {name: app-config}
`;
const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema: {type: object}
`;

const CREATED = 1;
const DELETED = 3;
const missing = (diagnostics) => diagnostics.filter((d) => d.code === 'statefulset-service-missing');

const configMapMissing = (diagnostics) => diagnostics.filter((d) => d.code === 'configmap-ref-missing');

describe('language server: the objects of the whole workspace', () => {
  let workspace;
  let client;
  const file = (name) => join(workspace, name);
  const write = (name, text) => {
    mkdirSync(dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  };

  before(async () => {
    workspace = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-')));
    write('statefulset.yaml', STATEFULSET('db'));
    write('service.yaml', SERVICE('db'));
    write('namespace.yaml', NAMESPACE);
    write('pod.yaml', POD);
    write('cache.yaml', STATEFULSET('cache'));
    write('generated/cache-service.yaml', SERVICE('cache'));
    write('node_modules/pkg/cache-service.yaml', SERVICE('cache'));
    write('config.yaml', CONFIG_MAP);
    write('app.yaml', APP);
    client = await LspClient.start({ workspaceFolders: [workspace], settings: { exclude: ['generated/**'] } });
  });

  after(async () => {
    const failures = client?.logs.filter((message) => / failed: /.test(message)) ?? [];
    assert.deepEqual(failures, [], 'no handler failed');
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('registers a watcher for the manifests, next to .podwise.yaml', async () => {
    await client.idle();
    const patterns = client.registrations.flatMap((registration) => registration.registerOptions?.watchers?.map((watcher) => watcher.globPattern) ?? []);
    assert.ok(patterns.includes('**/*.{yaml,yml}'), JSON.stringify(patterns));
    assert.ok(patterns.includes('**/.podwise.yaml'));
    assert.ok(
      client.logs.some((line) => /workspace index: 7 YAML files, 7 objects/.test(line)),
      client.logs.join('\n'),
    );
  });

  test('a headless Service in service.yaml satisfies the StatefulSet in statefulset.yaml', async () => {
    const uri = fileUri(file('statefulset.yaml'));
    await client.open(uri, STATEFULSET('db'));
    await client.idle();
    assert.deepEqual(missing(client.latest(uri).diagnostics), []);
  });

  test('deleting service.yaml brings the finding back within a second; creating it again removes it', async () => {
    const uri = fileUri(file('statefulset.yaml'));
    unlinkSync(file('service.yaml'));
    let since = client.publications.length;
    let started = performance.now();
    await client.didChangeWatchedFiles([{ uri: fileUri(file('service.yaml')), type: DELETED }]);
    const back = await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 1, { since, timeout: 1000 });
    assert.ok(back.at - started < 1000);
    const [finding] = missing(back.diagnostics);
    assert.equal(finding.message, 'Governing Service "db" was not found');
    assert.deepEqual(finding.range.start, { line: 5, character: 15 });

    write('service.yaml', SERVICE('db'));
    since = client.publications.length;
    started = performance.now();
    await client.didChangeWatchedFiles([{ uri: fileUri(file('service.yaml')), type: CREATED }]);
    await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 0, { since, timeout: 1000 });
    await client.idle();
    assert.deepEqual(missing(client.latest(uri).diagnostics), []);
  });

  test('a ConfigMap in config.yaml: deleting the file brings configmap-ref-missing (info) to app.yaml, creating it again removes it', async () => {
    const uri = fileUri(file('app.yaml'));
    await client.open(uri, APP);
    await client.idle();
    assert.deepEqual(configMapMissing(client.latest(uri).diagnostics), []);
    unlinkSync(file('config.yaml'));
    let since = client.publications.length;
    const started = performance.now();
    await client.didChangeWatchedFiles([{ uri: fileUri(file('config.yaml')), type: DELETED }]);
    const back = await client.waitForDiagnostics(uri, (diagnostics) => configMapMissing(diagnostics).length === 1, { since, timeout: 1000 });
    assert.ok(back.at - started < 1000);
    const [finding] = configMapMissing(back.diagnostics);
    assert.equal(finding.message, 'Container "app" names ConfigMap "app-config", which was not found');
    assert.equal(finding.severity, 3, 'info: it may exist in the cluster');
    assert.deepEqual(finding.range.start, { line: 15, character: 31 });
    write('config.yaml', CONFIG_MAP);
    since = client.publications.length;
    await client.didChangeWatchedFiles([{ uri: fileUri(file('config.yaml')), type: CREATED }]);
    await client.waitForDiagnostics(uri, (diagnostics) => configMapMissing(diagnostics).length === 0, { since, timeout: 1000 });
    await client.close(uri);
  });

  test("an open document's unsaved text counts instead of its disk copy; closing it brings the disk copy back", async () => {
    const uri = fileUri(file('statefulset.yaml'));
    const serviceUri = fileUri(file('service.yaml'));
    await client.open(serviceUri, SERVICE('db'));
    await client.idle();
    let since = client.publications.length;
    await client.replace(serviceUri, 'clusterIP: None', 'clusterIP: 10.96.0.9');
    const notHeadless = await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 1, { since, timeout: 3000 });
    assert.equal(missing(notHeadless.diagnostics)[0].message, 'serviceName "db" names a Service that is not headless');
    since = client.publications.length;
    await client.close(serviceUri);
    await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 0, { since, timeout: 3000 });
  });

  test("an edit that changes the document's own objects analyzes it once; the other open documents follow", async () => {
    const uri = fileUri(file('statefulset.yaml'));
    const serviceUri = fileUri(file('service.yaml'));
    await client.open(serviceUri, SERVICE('db'));
    await client.idle();
    const statuses = client.statuses.length;
    const since = client.publications.length;
    const version = await client.replace(serviceUri, 'clusterIP: None', 'clusterIP: 10.96.0.9');
    await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 1, { since, timeout: 3000 });
    await client.idle();
    const runs = client.statuses.slice(statuses).filter((status) => status.uri === serviceUri);
    assert.deepEqual(
      runs.map((status) => status.version),
      [version],
      'the edited document is analyzed for its edit only: its own objects are left out of its analysis',
    );
    assert.ok(client.statuses.slice(statuses).some((status) => status.uri === uri));
    await client.close(serviceUri);
    await client.idle();
  });

  test('a Namespace file that enforces restricted makes a root Pod in another file an error', async () => {
    const uri = fileUri(file('pod.yaml'));
    await client.open(uri, POD);
    await client.idle();
    const runAsUser = client.latest(uri).diagnostics.filter((d) => d.code === 'pss-run-as-user');
    assert.equal(runAsUser.length, 1, JSON.stringify(client.latest(uri).diagnostics.map((d) => d.code)));
    assert.equal(runAsUser[0].severity, 1, 'an error: the Namespace enforces restricted');
  });

  test('excluded files and node_modules are not indexed', async () => {
    const uri = fileUri(file('cache.yaml'));
    await client.open(uri, STATEFULSET('cache'));
    await client.idle();
    assert.equal(missing(client.latest(uri).diagnostics).length, 1, 'generated/ is excluded and node_modules skipped');
    // An event for an excluded file does not add it either.
    await client.didChangeWatchedFiles([{ uri: fileUri(file('generated/cache-service.yaml')), type: CREATED }]);
    await client.idle();
    assert.equal(missing(client.latest(uri).diagnostics).length, 1);
  });

  test('the exclude setting decides: removing the glob indexes the file, with one walk', async () => {
    const uri = fileUri(file('cache.yaml'));
    let since = client.publications.length;
    await client.setSettings({});
    await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 0, { since, timeout: 3000 });
    since = client.publications.length;
    await client.setSettings({ exclude: ['generated/**'] });
    await client.waitForDiagnostics(uri, (diagnostics) => missing(diagnostics).length === 1, { since, timeout: 3000 });
  });

  test('a burst of file events (a checkout) analyzes the open documents once', async () => {
    const uri = fileUri(file('statefulset.yaml'));
    await client.idle();
    const names = Array.from({ length: 200 }, (_, index) => `burst/s${index}.yaml`);
    for (const name of names) write(name, SERVICE(`burst-${name.length}`));
    const since = client.publications.length;
    const statuses = client.statuses.length;
    await client.didChangeWatchedFiles(names.map((name) => ({ uri: fileUri(file(name)), type: CREATED })));
    await client.idle();
    const runs = client.statuses.slice(statuses).filter((status) => status.uri === uri);
    assert.equal(runs.length, 1, `one analysis of the open document, not one per file (${runs.length})`);
    assert.ok(client.publications.length - since <= 4, 'identical diagnostics are not sent again');
  });
});

describe('language server: what the index reads', () => {
  test('symbolic links are not followed; an untrusted workspace classifies files as it checks them', async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-trust-')));
    const root = join(base, 'repo');
    mkdirSync(join(root, 'generated'), { recursive: true });
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'service.yaml'), SERVICE('db'));
    symlinkSync(join(base, 'outside', 'service.yaml'), join(root, 'linked-service.yaml'));
    symlinkSync(join(base, 'outside'), join(root, 'linked-folder'));
    writeFileSync(join(root, '.podwise.yaml'), 'exclude: ["generated/**"]\n');
    writeFileSync(join(root, 'generated', 'cache-service.yaml'), SERVICE('cache'));
    const client = await LspClient.start({ workspaceFolders: [root], settings: {}, initializationOptions: { workspaceTrusted: false } });
    try {
      const db = fileUri(join(root, 'statefulset.yaml'));
      const cache = fileUri(join(root, 'cache.yaml'));
      await client.open(db, STATEFULSET('db'));
      await client.open(cache, STATEFULSET('cache'));
      await client.idle();
      assert.equal(missing(client.latest(db).diagnostics).length, 1, 'the Service behind the links is not read');
      // Untrusted: .podwise.yaml may not exclude files (workspace-settings.ts), so generated/ is checked, and indexed.
      assert.deepEqual(missing(client.latest(cache).diagnostics), []);
      const since = client.publications.length;
      await client.sendNotification('podwise/workspaceTrust', { trusted: true });
      await client.waitForDiagnostics(cache, (diagnostics) => missing(diagnostics).length === 1, { since, timeout: 3000 });
    } finally {
      await client.shutdown();
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('language server: the crds setting', () => {
  test('CRD files outside the workspace are read with it (only their CRDs), and workspaceIsComplete makes a missing reference a warning', async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-crds-')));
    const root = join(base, 'repo');
    mkdirSync(root);
    mkdirSync(join(base, 'crds', 'nested'), { recursive: true });
    writeFileSync(join(base, 'crds', 'nested', 'widget.yaml'), CRD + '---\n' + CONFIG_MAP);
    writeFileSync(join(base, 'crds', 'notes.txt'), 'not yaml');
    const client = await LspClient.start({ workspaceFolders: [root], settings: { crds: [join(base, 'crds', '**', '*.yaml')], workspaceIsComplete: true } });
    try {
      const uri = fileUri(join(root, 'app.yaml'));
      await client.open(uri, APP);
      await client.idle();
      assert.ok(
        client.logs.some((line) => /workspace index: 0 YAML files, 0 objects, 1 CRDs from 1 crds files/.test(line)),
        client.logs.join('\n'),
      );
      const [finding, ...rest] = configMapMissing(client.latest(uri).diagnostics);
      assert.equal(rest.length, 0, 'the ConfigMap of a crds file does not count');
      assert.equal(finding.severity, 2, 'a warning: the workspace is declared complete');
    } finally {
      await client.shutdown();
      rmSync(base, { recursive: true, force: true });
    }
  });
});

describe('language server: index limits', () => {
  test('.gitignore keeps files out of the index: nested files, negation, and file events alike', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-gitignore-')));
    const put = (name, text) => {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    };
    put('.gitignore', 'rendered/\n');
    put('rendered/web-service.yaml', SERVICE('web'));
    put('deploy/.gitignore', '*.local.yaml\n!keep.local.yaml\n');
    put('deploy/api-service.local.yaml', SERVICE('api'));
    put('deploy/keep.local.yaml', SERVICE('kept'));
    const client = await LspClient.start({ workspaceFolders: [root], settings: {} });
    try {
      const missingFor = async (name) => {
        const uri = fileUri(join(root, `${name}.yaml`));
        await client.open(uri, STATEFULSET(name));
        await client.idle();
        return missing(client.latest(uri).diagnostics).length;
      };
      assert.equal(await missingFor('web'), 1, 'rendered/ is ignored by the root .gitignore');
      assert.equal(await missingFor('api'), 1, '*.local.yaml is ignored by deploy/.gitignore');
      assert.equal(await missingFor('kept'), 0, 'a negated pattern brings keep.local.yaml back');
      // An event for an ignored file does not add it either.
      put('rendered/api-service.yaml', SERVICE('api'));
      await client.didChangeWatchedFiles([{ uri: fileUri(join(root, 'rendered/api-service.yaml')), type: CREATED }]);
      await client.idle();
      assert.equal(missing(client.latest(fileUri(join(root, 'api.yaml'))).diagnostics).length, 1);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('past the file limit further files are not seen, and the log says so once', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-limit-')));
    for (const name of ['a.yaml', 'b.yaml']) writeFileSync(join(root, name), SERVICE(name[0]));
    writeFileSync(join(root, 'c.yaml'), SERVICE('db'));
    const client = await LspClient.start({ workspaceFolders: [root], settings: {}, env: { PODWISE_INDEX_MAX_FILES: '2' } });
    try {
      const uri = fileUri(join(root, 'statefulset.yaml'));
      await client.open(uri, STATEFULSET('db'));
      await client.idle();
      assert.equal(missing(client.latest(uri).diagnostics).length, 1, 'c.yaml (the third file in order) is not indexed');
      writeFileSync(join(root, 'd.yaml'), SERVICE('db'));
      await client.didChangeWatchedFiles([{ uri: fileUri(join(root, 'd.yaml')), type: CREATED }]);
      await client.idle();
      assert.equal(missing(client.latest(uri).diagnostics).length, 1, 'nor is a new file');
      const warnings = client.logs.filter((line) => /more than 2 YAML files/.test(line));
      assert.equal(warnings.length, 1, client.logs.join('\n'));
      // A file of the index that is deleted makes room.
      unlinkSync(join(root, 'a.yaml'));
      await client.didChangeWatchedFiles([
        { uri: fileUri(join(root, 'a.yaml')), type: DELETED },
        { uri: fileUri(join(root, 'd.yaml')), type: 2 },
      ]);
      await client.idle();
      assert.deepEqual(missing(client.latest(uri).diagnostics), []);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server: a big file in the walk', () => {
  test('its documents are parsed in slices, with the event loop let run between them, and every object counts', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-slices-')));
    // 60 Services in one file; the StatefulSet names the last one. With a slice of 0 ms the walk
    // yields after every document, so an answer in between cannot lose or repeat one.
    const services = Array.from({ length: 60 }, (_, index) => SERVICE(`db-${index}`)).join('---\n');
    writeFileSync(join(root, 'services.yaml'), services);
    const client = await LspClient.start({ workspaceFolders: [root], settings: {}, env: { PODWISE_INDEX_SLICE_MS: '0' } });
    try {
      const uri = fileUri(join(root, 'statefulset.yaml'));
      await client.open(uri, STATEFULSET('db-59'));
      await client.idle();
      assert.deepEqual(missing(client.latest(uri).diagnostics), []);
      assert.ok(
        client.logs.some((line) => /workspace index: 1 YAML files, 60 objects/.test(line)),
        client.logs.join('\n'),
      );
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('language server without workspace folders', () => {
  test('a loose file is checked alone (no index)', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-index-loose-')));
    const client = await LspClient.start({ settings: {} });
    try {
      writeFileSync(join(dir, 'service.yaml'), SERVICE('db'));
      const uri = fileUri(join(dir, 'statefulset.yaml'));
      await client.open(uri, STATEFULSET('db'));
      await client.idle();
      assert.equal(missing(client.latest(uri).diagnostics).length, 1);
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
