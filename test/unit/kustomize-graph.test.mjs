// The kustomize graph (engine/kustomize/kustomize-graph.ts): which files are patches and resources
// of which kustomizations, the labels and names those add on the way up, and classifyFile's use of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildKustomizeGraph, classifyFile, kustomizeNames, kustomizeRoleOf } from '../../dist/server/engine.js';

const base = {
  path: '/repo/base/kustomization.yaml',
  text: `resources:
- deployment.yaml
- service.yaml
images:
- {name: nginx, newTag: "1.26"}
namePrefix: app-
configMapGenerator:
- name: web-config
  literals: [A=1]
`,
};
const overlay = {
  path: '/repo/overlays/prod/kustomization.yaml',
  text: `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: prod-
nameSuffix: -v1
resources:
- ../../base
- github.com/example/other?ref=main
components:
- ../../components/debug
commonLabels:
  env: prod
labels:
- pairs: {team: web}
  includeSelectors: true
- pairs: {note: plain}
patches:
- path: replicas.yaml
- path: ops.yaml
  target: {kind: Deployment}
patchesStrategicMerge:
- legacy.yaml
patchesJson6902:
- path: json.yaml
  target: {kind: Service, name: web}
imageTags:
- {name: nginx, newName: mirror/nginx}
secretGenerator:
- name: creds
  namespace: shop
  literals: [password=x]
`,
};
const component = { path: '/repo/components/debug/kustomization.yaml', text: 'kind: Component\npatches:\n- path: debug.yaml\n' };
const graph = buildKustomizeGraph([base, overlay, component]);

test('patches of every spelling are patches, in the kustomization folder that lists them', () => {
  for (const file of [
    '/repo/overlays/prod/replicas.yaml',
    '/repo/overlays/prod/ops.yaml',
    '/repo/overlays/prod/legacy.yaml',
    '/repo/overlays/prod/json.yaml',
    '/repo/components/debug/debug.yaml',
  ]) {
    assert.deepEqual(kustomizeRoleOf(graph, file), { kind: 'patch' }, file);
  }
  // Windows separators name the same file.
  assert.deepEqual(kustomizeRoleOf(graph, 'C:\\nowhere\\x.yaml'), undefined);
  assert.deepEqual(kustomizeRoleOf(buildKustomizeGraph([{ path: 'C:\\repo\\kustomization.yaml', text: 'patches:\n- path: p.yaml\n' }]), 'C:\\repo\\p.yaml'), { kind: 'patch' });
});

test('a base resource gets the selector labels of the overlays above it, not the plain labels', () => {
  const role = kustomizeRoleOf(graph, '/repo/base/deployment.yaml');
  assert.equal(role.kind, 'resource');
  assert.deepEqual(role.selectorLabels, { env: 'prod', team: 'web' });
  assert.deepEqual(
    role.generated.map((g) => `${g.kind}/${g.name}`),
    ['ConfigMap/web-config', 'Secret/creds'],
  );
  // Inner kustomization first: the base pins the tag, the overlay renames the image.
  assert.deepEqual(role.images, [
    { name: 'nginx', newTag: '1.26' },
    { name: 'nginx', newName: 'mirror/nginx' },
  ]);
  assert.equal(kustomizeRoleOf(graph, '/repo/unrelated.yaml'), undefined);
});

test('kustomizeNames: prefixes and suffixes nest (outer outside), generated objects by their written names', () => {
  const names = kustomizeNames(graph, '/repo/base/service.yaml');
  assert.equal(names.prefix, 'prod-app-');
  assert.equal(names.suffix, '-v1');
  assert.deepEqual(names.generated, [
    { kind: 'ConfigMap', name: 'web-config' },
    { kind: 'Secret', name: 'creds', namespace: 'shop' },
  ]);
  assert.deepEqual(kustomizeNames(graph, '/repo/other.yaml'), { prefix: '', suffix: '', generated: [] });
});

test('classifyFile: a patch is kustomize-patch, a kustomization is kustomization, exclude globs still win', () => {
  const settings = { exclude: [], staticPodPaths: [] };
  assert.equal(classifyFile({ absolutePath: '/repo/overlays/prod/replicas.yaml', settings, kustomize: graph }), 'kustomize-patch');
  assert.equal(classifyFile({ absolutePath: '/repo/overlays/prod/replicas.yaml', settings }), 'manifest');
  assert.equal(classifyFile({ absolutePath: '/repo/base/deployment.yaml', settings, kustomize: graph }), 'manifest');
  assert.equal(classifyFile({ absolutePath: '/repo/overlays/prod/kustomization.yaml', settings, kustomize: graph }), 'kustomization');
  assert.equal(
    classifyFile({
      relativePath: 'overlays/prod/replicas.yaml',
      absolutePath: '/repo/overlays/prod/replicas.yaml',
      settings: { exclude: ['overlays/**'], staticPodPaths: [] },
      kustomize: graph,
    }),
    'excluded',
  );
});

test('a cycle between kustomizations and an unparsable one do not break the graph', () => {
  const a = { path: '/c/a/kustomization.yaml', text: 'resources: [../b, x.yaml]\ncommonLabels: {a: "1"}\n' };
  const b = { path: '/c/b/kustomization.yaml', text: 'resources: [../a]\n' };
  const broken = { path: '/c/d/kustomization.yaml', text: 'resources: [unclosed\n' };
  const cyclic = buildKustomizeGraph([a, b, broken]);
  assert.deepEqual(kustomizeRoleOf(cyclic, '/c/a/x.yaml').selectorLabels, { a: '1' });
});
