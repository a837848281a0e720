// The CLI and the language server give the same findings for the same file: one classification
// (classifyFile: excluded, Helm template, kustomization, static Pod, manifest) and one settings
// model (normalizeSettings, rule overrides on config-invalid too). Each tree is checked with
// `podwise check --format json .` run in its root and with the server given the root as its
// workspace folder; every file's findings (rule, range, severity, message) must be equal. The CLI
// reads the Services and Namespaces of the other files of its run, the server those of its
// workspace index: a split tree (the Service in its own file) agrees too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../dist/server/engine.js';
import { LspClient, fileUri } from '../helpers/lsp-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'valid');
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const MANIFEST = /\.(ya?ml|json)$/i;

/** Files the CLI's folder walk takes (and .podwise.yaml, whose own findings both report). */
function filesUnder(root, folder = root) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(folder, entry.name);
    if (entry.isDirectory() && !['node_modules', '.git'].includes(entry.name)) found.push(...filesUnder(root, full));
    else if (entry.isFile() && (MANIFEST.test(entry.name) || entry.name === '.podwise.yaml')) found.push(relative(root, full).split(sep).join('/'));
  }
  return found;
}

const key = (finding) =>
  `${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character} ${finding.severity} ${finding.rule} ${finding.message}`;

function cliFindings(root, args = []) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'podwise.js'), 'check', '--format', 'json', ...args, '.'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(run.status === 0 || run.status === 1, `podwise check failed (${run.status}): ${run.stderr}`);
  const byFile = new Map();
  for (const finding of JSON.parse(run.stdout)) {
    if (!byFile.has(finding.file)) byFile.set(finding.file, []);
    byFile.get(finding.file).push(key(finding));
  }
  return { byFile, stderr: run.stderr };
}

async function serverFindings(root, files, settings = {}) {
  const client = await LspClient.start({ workspaceFolders: [root], settings });
  try {
    const byFile = new Map();
    for (const file of files) {
      const uri = fileUri(join(root, file));
      await client.open(uri, readFileSync(join(root, file), 'utf8'));
      await client.waitForDiagnostics(uri, () => true, { version: 1, timeout: 30_000 });
    }
    // Everything scheduled has run (an analysis over its budget publishes again when done).
    await client.idle();
    for (const file of files) {
      const { diagnostics } = client.latest(fileUri(join(root, file)));
      const found = diagnostics.map((d) => key({ range: d.range, severity: SEVERITY[d.severity], rule: d.code, message: d.message }));
      if (found.length > 0) byFile.set(file, found);
    }
    return { byFile, statuses: client.statuses };
  } finally {
    await client.shutdown();
  }
}

/** Both front ends over `root`; asserts equal findings per file and returns them. */
async function assertSame(root, { files = filesUnder(root), settings } = {}) {
  const cli = cliFindings(root);
  const server = await serverFindings(root, files, settings);
  for (const file of files) {
    const fromCli = [...(cli.byFile.get(file) ?? [])].sort();
    const fromServer = [...(server.byFile.get(file) ?? [])].sort();
    assert.deepEqual(fromServer, fromCli, `${file}: the editor and the CLI disagree`);
  }
  for (const file of cli.byFile.keys()) assert.ok(files.includes(file), `the CLI reported ${file}, which the test did not open`);
  return { cli, server };
}

function write(root, file, text) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

// spec.nodeName: a static-Pod rule (static-pod-name) reports it only where the file is a static Pod.
const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  nodeName: node01\n  containers:\n  - name: web\n    image: nginx:latest\n';

describe('CLI and language server agree', () => {
  let tree;
  before(() => {
    tree = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-')));
    write(tree, '.podwise.yaml', 'exclude: ["generated/**"]\nrules:\n  config-invalid: warning\nrulez: {}\n');
    write(tree, 'chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
    write(tree, 'chart/values.yaml', 'replicaCount: 1\n');
    write(tree, 'chart/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
    write(tree, 'chart/templates/plain-pod.yaml', BAD_POD);
    write(tree, 'kustomize/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - pod.yaml\n');
    write(tree, 'kustomize/pod.yaml', BAD_POD);
    write(tree, 'generated/pod.yaml', BAD_POD);
    write(tree, 'etc/kubernetes/manifests/static.yaml', BAD_POD);
    write(tree, 'plain/pod.yaml', BAD_POD);
  });
  after(() => rmSync(tree, { recursive: true, force: true }));

  test('examples/ (static Pods under examples/etc/kubernetes/manifests)', async () => {
    const { cli } = await assertSame(join(ROOT, 'examples'));
    const statics = cli.byFile.get('etc/kubernetes/manifests/000-mycron-static-pod.yaml') ?? [];
    assert.ok(
      statics.some((finding) => finding.includes('host-path-writable')),
      'static-Pod rules ran',
    );
  });

  test('a tree with a Helm chart, a kustomization, an excluded file and a static Pod', async () => {
    const { cli, server } = await assertSame(tree);
    // The template without {{ }} has findings as a manifest, and none as what it is.
    assert.ok(analyzeText(BAD_POD, { kubernetesVersion: '1.36' }).findings.length > 0);
    for (const skipped of ['chart/templates/plain-pod.yaml', 'chart/templates/deployment.yaml', 'generated/pod.yaml']) {
      assert.equal(cli.byFile.get(skipped), undefined, skipped);
    }
    assert.equal(cli.byFile.get('kustomize/kustomization.yaml'), undefined, 'a valid kustomization: checked, no findings');
    assert.ok(cli.byFile.get('kustomize/pod.yaml').length > 0, 'a file a kustomization lists is still a manifest');
    assert.ok(cli.byFile.get('etc/kubernetes/manifests/static.yaml').some((finding) => finding.includes('static-pod-name')));
    assert.ok(!cli.byFile.get('plain/pod.yaml').some((finding) => finding.includes('static-pod-')));
    // config-invalid: warning in the file applies to the file's own findings, in both.
    assert.deepEqual(
      cli.byFile.get('.podwise.yaml').map((finding) => finding.split(' ').slice(1, 3).join(' ')),
      ['warning config-invalid'],
    );
    const helm = server.statuses.find((status) => status.uri.endsWith('chart/templates/plain-pod.yaml'));
    assert.equal(helm.state, 'excluded');
    assert.equal(helm.fileClass, 'helm-template', 'the status says why the file is not checked');
  });

  test('static Pods by absolute path: the kubelet folder opened as the root', async () => {
    // Its own tree: the CLI looks for .podwise.yaml in parent folders too, the server in the folder only.
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-kubelet-')));
    try {
      write(base, 'etc/kubernetes/manifests/static.yaml', BAD_POD);
      write(base, 'etc/kubernetes/admin.yaml', BAD_POD);
      const { cli } = await assertSame(join(base, 'etc', 'kubernetes'));
      assert.ok(cli.byFile.get('manifests/static.yaml').some((finding) => finding.includes('static-pod-name')));
      assert.ok(!cli.byFile.get('admin.yaml').some((finding) => finding.includes('static-pod-')));
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  test('a sample of the shared corpus', { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` }, async () => {
    const all = filesUnder(CORPUS).filter((file) => MANIFEST.test(file));
    const step = Math.max(1, Math.floor(all.length / 60));
    const sample = all.filter((_, index) => index % step === 0).slice(0, 60);
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-corpus-')));
    try {
      for (const file of sample) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        copyFileSync(join(CORPUS, file), join(root, file));
      }
      await assertSame(root, { files: sample });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a kustomize tree: base, overlay, patches, component', () => {
  test('patches, the labelled base and the kustomizations (one of them broken) get the same findings', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-kustomize-')));
    try {
      cpSync(join(ROOT, 'test', 'fixtures', 'kustomize', 'shop'), root, { recursive: true });
      write(root, 'broken/kustomization.yaml', 'resources:\n- missing.yaml\nnamePrefx: x-\nbases:\n- ../base\npatchesStrategicMerge:\n- patch.yaml\n');
      write(root, 'broken/patch.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n');
      const { cli, server } = await assertSame(root);
      assert.deepEqual(
        (cli.byFile.get('broken/kustomization.yaml') ?? []).map((finding) => finding.split(' ')[2]),
        ['kustomize-resource-missing', 'kustomize-unknown-field', 'kustomize-deprecated-field', 'kustomize-deprecated-field'],
      );
      for (const file of [
        'overlays/prod/replicas.yaml',
        'overlays/prod/resources.yaml',
        'overlays/prod/ops.yaml',
        'components/debug/debug.yaml',
        'broken/patch.yaml',
        'base/deployment.yaml',
      ]) {
        const loud = (cli.byFile.get(file) ?? []).filter((finding) => / (error|warning) /.test(finding));
        assert.deepEqual(loud, [], file);
      }
      const patch = server.statuses.find((status) => status.uri.endsWith('overlays/prod/replicas.yaml'));
      assert.equal(patch.fileClass, 'kustomize-patch');
      assert.equal(patch.state, 'checked');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a split tree: Services and Namespaces in sibling files', () => {
  test('the CLI over the folder and the server with its workspace index agree', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-split-')));
    const statefulSet = (name) =>
      `apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: ${name}\nspec:\n  serviceName: ${name}\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: ${name}\n        image: postgres:16.3\n`;
    const service = (name, clusterIP) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  clusterIP: ${clusterIP}\n  selector: {app: ${name}}\n  ports: [{port: 5432}]\n`;
    try {
      write(root, '.podwise.yaml', 'exclude: ["generated/**"]\n');
      write(root, 'db/statefulset.yaml', statefulSet('db'));
      write(root, 'db/service.yaml', service('db', 'None'));
      write(root, 'cache/statefulset.yaml', statefulSet('cache'));
      write(root, 'cache/service.yaml', service('cache', '10.96.0.9'));
      write(root, 'queue/statefulset.yaml', statefulSet('queue'));
      write(root, 'generated/queue-service.yaml', service('queue', 'None'));
      write(root, 'team/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n');
      write(
        root,
        'team/pod.yaml',
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tool\n  namespace: team\nspec:\n  containers:\n  - name: tool\n    image: busybox:1.36\n    securityContext:\n      runAsUser: 0\n',
      );
      const { cli } = await assertSame(root);
      const rules = (file) => (cli.byFile.get(file) ?? []).filter((finding) => finding.includes('statefulset-service-missing') || finding.includes('pss-run-as-user'));
      assert.deepEqual(rules('db/statefulset.yaml'), [], 'the headless Service in db/service.yaml counts');
      assert.match(rules('cache/statefulset.yaml').join('\n'), /names a Service that is not headless/);
      assert.match(rules('queue/statefulset.yaml').join('\n'), /Governing Service "queue" was not found/, 'an excluded file does not count');
      assert.match(rules('team/pod.yaml').join('\n'), /error pss-run-as-user/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('settings problems and overrides are the same in both', () => {
  test('config-invalid overrides from the editor settings and from --rule apply alike', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'podwise-equality-override-')));
    try {
      write(root, '.podwise.yaml', 'rulez: {}\n');
      const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'podwise.js'), 'check', '--format', 'json', '--rule', 'config-invalid=off', '.'], { cwd: root, encoding: 'utf8' });
      assert.deepEqual(JSON.parse(cli.stdout), []);
      const { byFile } = await serverFindings(root, ['.podwise.yaml'], { rules: { 'config-invalid': 'off' } });
      assert.equal(byFile.get('.podwise.yaml'), undefined, 'the editor drops them too');
      const plain = await serverFindings(root, ['.podwise.yaml']);
      assert.equal(plain.byFile.get('.podwise.yaml').length, 1, 'and reports them without the override');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('bad editor settings are shown once per distinct set, and logged', async () => {
    const settings = { rules: { 'schema-typ': 'off' }, exclude: ['*(a)b'] };
    const client = await LspClient.start({ workspaceFolders: [join(ROOT, 'examples')], settings });
    const shown = [];
    client.connection.onNotification('window/showMessage', (params) => shown.push(params));
    try {
      const uri = fileUri(join(ROOT, 'examples', '003-nginx-pod.yaml'));
      await client.open(uri, readFileSync(join(ROOT, 'examples', '003-nginx-pod.yaml'), 'utf8'));
      await client.waitForDiagnostics(uri, () => true, { version: 1 });
      await client.setSettings({ ...settings });
      await client.idle();
      assert.equal(shown.length, 1, JSON.stringify(shown));
      assert.equal(shown[0].type, 2, 'a warning');
      assert.match(shown[0].message, /podwise\.rules\.schema-typ: Unknown rule id "schema-typ"\. Did you mean "schema-type"\?/);
      assert.ok(
        client.logs.some((line) => /podwise\.exclude\.0: "\*\(a\)b" uses an extglob/.test(line)),
        client.logs.join('\n'),
      );
      await client.setSettings({ exclude: ['/abs/**'] });
      const uri2 = fileUri(join(ROOT, 'examples', '002-nfs-pv.yaml'));
      await client.open(uri2, readFileSync(join(ROOT, 'examples', '002-nfs-pv.yaml'), 'utf8'));
      await client.waitForDiagnostics(uri2, () => true, { version: 1 });
      await client.idle();
      assert.equal(shown.length, 2, 'a new set of problems is shown');
      assert.match(shown[1].message, /podwise\.exclude\.0: "\/abs\/\*\*" is an absolute path/);
    } finally {
      await client.shutdown();
    }
  });
});
