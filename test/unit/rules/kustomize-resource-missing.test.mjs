import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, textOf, yaml } from '../../helpers/engine.mjs';
import { kustomizeFindingsOf } from '../../helpers/kustomize.mjs';

const ID = 'kustomize-resource-missing';

const text = yaml`
  apiVersion: kustomize.config.k8s.io/v1beta1
  kind: Kustomization
  resources:
  - deployment.yaml
  - servce.yaml
  - ../base
  - ../plain-folder
  - github.com/example/app//deploy?ref=v1.2.0
  - https://example.com/manifests/app.yaml
  components:
  - ../components/debug
  - ../components/missing
  patches:
  - path: patches/replicas.yaml
  - path: patches
    target: {kind: Deployment}
  patchesStrategicMerge:
  - gone.yaml
  configMapGenerator:
  - name: cfg
    files:
    - app.properties
    - config=missing.properties
    envs:
    - missing.env
`;

const tree = {
  '/repo/app/deployment.yaml': 'file',
  '/repo/base': 'folder',
  '/repo/base/kustomization.yaml': 'file',
  '/repo/plain-folder': 'folder',
  '/repo/components/debug': 'folder',
  '/repo/components/debug/kustomization.yaml': 'file',
  '/repo/app/patches/replicas.yaml': 'file',
  '/repo/app/patches': 'folder',
  '/repo/app/app.properties': 'file',
};

test('missing files and folders, each at its entry; remote entries are skipped', () => {
  const findings = kustomizeFindingsOf(text, ID, { tree });
  const got = findings.map((f) => [lineOf(text, f), textOf(text, f)]);
  assert.deepEqual(got, [
    [4, 'servce.yaml'],
    [6, '../plain-folder'],
    [11, '../components/missing'],
    [14, 'patches'],
    [17, 'gone.yaml'],
    [22, 'config=missing.properties'],
    [24, 'missing.env'],
  ]);
  assert.match(findings[0].message, /Resource "servce.yaml" does not exist/);
  assert.match(findings[1].message, /Folder "..\/plain-folder" has no kustomization.yaml/);
  assert.match(findings[3].message, /Patch file "patches" is a folder, not a file/);
  assert.match(findings[5].message, /Generator source "missing.properties" does not exist/);
  assert.match(findings[0].detail, /relative to its folder/);
});

test('everything present: silent (a folder is a fine generator source)', () => {
  const good = yaml`
    resources:
    - deployment.yaml
    - ../base
    configMapGenerator:
    - name: cfg
      files: [conf=config]
  `;
  assert.deepEqual(kustomizeFindingsOf(good, ID, { tree: { ...tree, '/repo/app/config': 'folder' } }), []);
});

test('without a probe (no file system, e.g. standard input) nothing is judged', () => {
  const role = { kind: 'kustomization', entries: {} };
  assert.deepEqual(kustomizeFindingsOf(text, ID, { role }), []);
});

test('absolute entries and Windows separators resolve', () => {
  const windows = yaml`
    resources:
    - ..\\base
    - /srv/shared/namespace.yaml
  `;
  const findings = kustomizeFindingsOf(windows, ID, { tree: { ...tree, '/srv/shared/namespace.yaml': 'file' } });
  assert.deepEqual(findings, []);
});
