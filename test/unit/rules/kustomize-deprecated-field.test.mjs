import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, textOf, yaml } from '../../helpers/engine.mjs';
import { applyFix, kustomizeFindingsOf } from '../../helpers/kustomize.mjs';

const ID = 'kustomize-deprecated-field';
const tree = { '/repo/app/deployment.yaml': 'file', '/repo/base': 'folder', '/repo/base/kustomization.yaml': 'file', '/repo/app/patch.yaml': 'file', '/repo/app/ops.yaml': 'file' };

const text = yaml`
  apiVersion: kustomize.config.k8s.io/v1beta1
  kind: Kustomization
  bases:
  - ../base # the shared base
  resources:
  - deployment.yaml
  commonLabels:
    app: web
  patchesStrategicMerge:
  - patch.yaml
  patchesJson6902:
  - path: ops.yaml
    target: {group: apps, version: v1, kind: Deployment, name: web}
  imageTags:
  - name: nginx
    newTag: "1.27"
  vars:
  - name: HOST
    objref: {kind: Service, name: web, apiVersion: v1}
  configMapGenerator:
  - name: cfg
    env: app.env
`;

test('each deprecated field at its key, warning severity', () => {
  const findings = kustomizeFindingsOf(text, ID, { tree: { ...tree, '/repo/app/app.env': 'file' } });
  assert.deepEqual(
    findings.map((f) => [lineOf(text, f), textOf(text, f)]),
    [
      [2, 'bases'],
      [6, 'commonLabels'],
      [8, 'patchesStrategicMerge'],
      [10, 'patchesJson6902'],
      [13, 'imageTags'],
      [16, 'vars'],
      [21, 'env'],
    ],
  );
  assert.ok(findings.every((f) => f.severity === 'warning'));
  assert.match(findings[1].message, /use labels with includeSelectors/);
  assert.deepEqual(findings[5].fixes, [], 'vars has no automatic rewrite');
});

for (const [field, expected] of [
  ['bases', /resources:\n- deployment.yaml\n- \.\.\/base\n/],
  ['commonLabels', /labels:\n {2}- pairs:\n {6}app: web\n {4}includeSelectors: true\n/],
  ['patchesStrategicMerge', /patches:\n {2}- path: patch.yaml\n/],
  ['patchesJson6902', /\npatches:\n- path: ops.yaml\n {2}target:/],
  ['imageTags', /\nimages:\n- name: nginx\n/],
  ['env', /envs:\n {4}- app.env\n/],
]) {
  test(`fix for ${field} moves it and the warning goes`, () => {
    const finding = kustomizeFindingsOf(text, ID, { tree }).find((f) => f.path[f.path.length - 1] === field);
    assert.ok(finding.fixes[0].safe);
    const { fixed, after } = applyFix(text, finding.fixes[0], { tree });
    assert.match(fixed, expected);
    assert.ok(!after.some((f) => f.ruleId === ID && f.path[f.path.length - 1] === field), fixed);
    assert.ok(!after.some((f) => f.ruleId === 'kustomize-unknown-field'), fixed);
    assert.ok(fixed.includes('# the shared base') || field === 'bases');
  });
}

test('bases alone is renamed in place, keeping its comment', () => {
  const only = yaml`
    bases:
    - ../base # the shared base
  `;
  const [finding] = kustomizeFindingsOf(only, ID, { tree });
  const { fixed, after } = applyFix(only, finding.fixes[0], { tree });
  assert.equal(fixed, 'resources:\n- ../base # the shared base\n');
  assert.deepEqual(after, []);
});

test('commonLabels whose key labels also sets: no fix (kustomize refuses the pair)', () => {
  const clash = yaml`
    commonLabels: {app: web}
    labels:
    - pairs: {app: web}
  `;
  const [finding] = kustomizeFindingsOf(clash, ID);
  assert.deepEqual(finding.fixes, []);
});

test('current fields only: silent', () => {
  const good = yaml`
    resources: [deployment.yaml]
    labels:
    - pairs: {app: web}
      includeSelectors: true
    patches:
    - path: patch.yaml
    images:
    - {name: nginx, newTag: "1.27"}
  `;
  assert.deepEqual(kustomizeFindingsOf(good, ID, { tree }), []);
});
