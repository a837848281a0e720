// Kustomize through the CLI (engine/kustomize/*, cli/kustomize-inputs.ts): a base and an overlay
// with patches and a component, in a temp folder. Patches and the labelled base get no finding that
// only exists because they are partial; the kustomizations are checked, their problems found at
// their lines and fixed by `podwise fix`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, kustomizationRoleOf } from '../../dist/server/engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const FIXTURE = join(root, 'test', 'fixtures', 'kustomize', 'shop');
const temp = mkdtempSync(join(tmpdir(), 'podwise-kustomize-'));
after(() => rmSync(temp, { recursive: true, force: true }));

let copies = 0;
function copy() {
  const dir = join(temp, `shop-${copies++}`);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function run(args, cwd) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { ...result, json: args.includes('json') && result.stdout ? JSON.parse(result.stdout) : undefined };
}

/** Findings other than the cross-file reference infos (a generated ConfigMap is H5's to resolve). */
const loud = (findings) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const describe = (findings) => findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.rule} ${f.message}`).join('\n');

test('base + overlay + patches + component: no finding only because a file is a patch or a base', () => {
  const dir = copy();
  for (const jobs of ['1', '2']) {
    const { json, status, stderr } = run(['check', '--format', 'json', '--jobs', jobs, '.'], dir);
    assert.equal(status, 0, stderr);
    assert.deepEqual(loud(json), [], describe(json));
  }
});

test('a patch named alone is still a patch (its kustomization is found above it)', () => {
  const dir = copy();
  const { json } = run(['check', '--format', 'json', 'overlays/prod/resources.yaml', 'components/debug/debug.yaml'], dir);
  assert.deepEqual(loud(json), [], describe(json));
  // A base named with its overlay gets the overlay's labels; named alone, only the kustomizations
  // above it are known, and kustomize would reject `kustomize build base` too.
  const withOverlay = run(['check', '--format', 'json', 'base/deployment.yaml', 'overlays/prod/kustomization.yaml'], dir);
  assert.deepEqual(loud(withOverlay.json), [], describe(withOverlay.json));
  const alone = run(['check', '--format', 'json', 'base/deployment.yaml'], dir);
  assert.deepEqual(
    loud(alone.json).map((f) => f.rule),
    ['workload-selector-missing'],
  );
});

test('without the kustomizations the same files are incomplete manifests (control)', () => {
  const dir = copy();
  for (const file of ['base/kustomization.yaml', 'overlays/prod/kustomization.yaml', 'components/debug/kustomization.yaml']) rmSync(join(dir, file));
  const { json } = run(['check', '--format', 'json', '.'], dir);
  const rules = new Set(loud(json).map((f) => f.rule));
  for (const rule of ['workload-selector-missing', 'container-image-missing', 'schema-unknown-field']) assert.ok(rules.has(rule), `${rule}: ${[...rules]}`);
});

test('an invalid kustomization: each problem at its line, fixed by podwise fix and re-checked', () => {
  const dir = copy();
  const file = join(dir, 'overlays', 'prod', 'kustomization.yaml');
  const text = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefx: prod- # typo
bases:
- ../../base
resources:
- missing.yaml
commonLabels:
  app.kubernetes.io/name: web
patchesStrategicMerge:
- replicas.yaml
- resources.yaml
`;
  writeFileSync(file, text);
  const { json } = run(['check', '--format', 'json', '.'], dir);
  const own = json.filter((f) => f.file.endsWith('overlays/prod/kustomization.yaml')).map((f) => [f.range.start.line + 1, f.rule, f.severity]);
  assert.deepEqual(own, [
    [3, 'kustomize-unknown-field', 'error'],
    [4, 'kustomize-deprecated-field', 'warning'],
    [7, 'kustomize-resource-missing', 'error'],
    [8, 'kustomize-deprecated-field', 'warning'],
    [10, 'kustomize-deprecated-field', 'warning'],
  ]);
  // The deprecated spellings still make patches and labelled bases.
  assert.deepEqual(
    loud(json).filter((f) => !f.file.endsWith('kustomization.yaml')),
    [],
    describe(json),
  );
  const fixed = run(['fix', '--format', 'json', '.'], dir);
  const after = readFileSync(file, 'utf8');
  assert.match(after, /namePrefix: prod- # typo/);
  assert.match(after, /resources:\n- missing.yaml\n- \.\.\/\.\.\/base\n/);
  assert.match(after, /labels:\n {2}- pairs:\n {6}app.kubernetes.io\/name: web\n {4}includeSelectors: true\n/);
  assert.match(after, /patches:\n {2}- path: replicas.yaml\n {2}- path: resources.yaml\n/);
  // What is left is the missing file, which only the user can settle.
  assert.deepEqual(
    loud(fixed.json).map((f) => f.rule),
    ['kustomize-resource-missing'],
    describe(fixed.json),
  );
});

const CORPUS = process.env.PODWISE_CORPUS ?? join(root, '..', 'shared', 'corpus');

test(
  'the shared corpus kustomizations: no finding about their fields; kube-linter mykustomize: no finding at all',
  { skip: existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` },
  () => {
    const kustomizations = [
      'nonk8s/kustomize/kube-prometheus/kustomization.yaml',
      'nonk8s/kustomize/argo-cd/examples/known-hosts/kustomization.yaml',
      'nonk8s/kustomize/argo-cd/manifests/ha/base/kustomization.yaml',
      'nonk8s/kustomize/argo-cd/manifests/cluster-install/kustomization.yaml',
      'nonk8s/kustomize/argo-cd/manifests/base/kustomization.yaml',
    ];
    for (const file of kustomizations) {
      const path = join(CORPUS, file);
      // Only the kustomization was copied into the corpus, so the files it lists are taken as present.
      const role = kustomizationRoleOf(path, readFileSync(path, 'utf8'), (entry) => (/\.ya?ml$/.test(entry) ? 'file' : entry.endsWith('kustomization.yaml') ? 'file' : 'folder'));
      const findings = analyzeText(readFileSync(path, 'utf8'), { kubernetesVersion: '1.36', filePath: path, kustomize: role }).findings;
      assert.deepEqual(
        findings.map((f) => `${f.ruleId} ${f.message}`),
        [],
        file,
      );
    }
    const dir = join(temp, 'mykustomize');
    cpSync(join(CORPUS, 'fixtures', 'kube-linter', 'tests', 'testdata', 'mykustomize'), dir, { recursive: true });
    const { json, status } = run(['check', '--format', 'json', '.'], dir);
    assert.equal(status, 0);
    assert.deepEqual(json, []);
  },
);
