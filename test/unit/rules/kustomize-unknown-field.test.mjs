import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../dist/server/engine.js';
import { lineOf, textOf, yaml } from '../../helpers/engine.mjs';
import { analyzeKustomization, applyFix, kustomizeFindingsOf } from '../../helpers/kustomize.mjs';

const ID = 'kustomize-unknown-field';

const bad = yaml`
  apiVersion: kustomize.config.k8s.io/v1beta1
  kind: Kustomization
  namePrefx: prod-   # typo
  resources:
  - deployment.yaml
  images:
  - name: nginx
    newTagg: "1.27"
  patches:
  - path: patch.yaml
    target:
      kind: Deployment
      labelSelectr: app=web
`;

test('unknown top-level and nested fields, with did-you-mean and a rename fix', () => {
  const findings = kustomizeFindingsOf(bad, ID, { tree: { '/repo/app/deployment.yaml': 'file', '/repo/app/patch.yaml': 'file' } });
  assert.equal(findings.length, 3, findings.map((f) => f.message).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 2);
  assert.equal(textOf(bad, findings[0]), 'namePrefx');
  assert.match(findings[0].message, /did you mean "namePrefix"/);
  assert.equal(textOf(bad, findings[1]), 'newTagg');
  assert.match(findings[1].message, /images\[0\].*did you mean "newTag"/);
  assert.equal(textOf(bad, findings[2]), 'labelSelectr');
  assert.equal(lineOf(bad, findings[2]), 12);
  assert.match(findings[0].detail, /unknown field/);
});

test('the rename fix clears the finding and keeps the comment', () => {
  const [finding] = kustomizeFindingsOf(bad, ID);
  const { fixed, after } = applyFix(bad, finding.fixes[0]);
  assert.match(fixed, /namePrefix: prod- {3}# typo/);
  assert.ok(!after.some((f) => f.ruleId === ID && f.path[0] === 'namePrefx'));
});

test('every field kustomize knows is silent (a full kustomization)', () => {
  const good = yaml`
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    metadata:
      name: app
    namespace: shop
    namePrefix: prod-
    nameSuffix: -v2
    labels:
    - pairs: {team: web}
      includeSelectors: true
      includeTemplates: true
      fields:
      - {kind: Deployment, path: spec/template/metadata/labels, create: true}
    commonAnnotations: {owner: web}
    resources: [deployment.yaml]
    components: [../components/debug]
    patches:
    - path: patch.yaml
      target: {group: apps, version: v1, kind: Deployment, name: web, namespace: shop, labelSelector: "a=b", annotationSelector: "c=d"}
    - patch: |-
        - op: remove
          path: /spec/replicas
    images:
    - {name: nginx, newName: mirror/nginx, newTag: "1.27", digest: "sha256:abc", tagSuffix: -x}
    replicas:
    - {name: web, count: 3}
    replacements:
    - source: {kind: ConfigMap, name: cfg, fieldPath: data.host, options: {delimiter: ".", index: 0}}
      targets:
      - select: {kind: Deployment}
        reject: [{name: other}]
        fieldPaths: [spec.template.spec.containers.0.env.0.value]
        options: {create: true}
    - path: replacements.yaml
    configMapGenerator:
    - name: cfg
      behavior: merge
      literals: [A=1]
      files: [key=app.properties]
      envs: [app.env]
      options: {disableNameSuffixHash: true, labels: {a: b}, annotations: {c: d}, immutable: true}
    secretGenerator:
    - {name: creds, type: kubernetes.io/basic-auth, literals: [username=a, password=b]}
    generatorOptions: {disableNameSuffixHash: true}
    helmGlobals: {chartHome: charts}
    helmCharts:
    - {name: redis, repo: https://charts.example.com, version: 1.0.0, releaseName: cache, valuesInline: {any: {thing: 1}}, includeCRDs: true}
    sortOptions: {order: legacy, legacySortOptions: {orderFirst: [Namespace], orderLast: [Job]}}
    openapi: {path: schema.json}
    configurations: [config.yaml]
    crds: [crd.yaml]
    generators: []
    transformers: []
    validators: []
    buildMetadata: [originAnnotations]
  `;
  assert.deepEqual(kustomizeFindingsOf(good, ID), []);
});

test('a Component with its apiVersion is fine; a wrong kind or apiVersion is reported with a fix', () => {
  const component = yaml`
    apiVersion: kustomize.config.k8s.io/v1alpha1
    kind: Component
    patches:
    - path: debug.yaml
  `;
  assert.deepEqual(kustomizeFindingsOf(component, ID), []);
  const wrong = yaml`
    apiVersion: kustomize.config.k8s.io/v1alpha1
    kind: Kustomization
    resources: []
  `;
  const [finding] = kustomizeFindingsOf(wrong, ID);
  assert.equal(textOf(wrong, finding), 'kustomize.config.k8s.io/v1alpha1');
  const { after } = applyFix(wrong, finding.fixes[0]);
  assert.deepEqual(
    after.filter((f) => f.ruleId === ID),
    [],
  );
  const kind = yaml`
    kind: Kustomisation
    resources: []
  `;
  const [kindFinding] = kustomizeFindingsOf(kind, ID);
  assert.equal(textOf(kind, kindFinding), 'Kustomisation');
  assert.equal(kindFinding.fixes[0].title, 'Change kind to Kustomization');
});

test('a kustomization without apiVersion and kind is still read; its own documents are not Kubernetes objects', () => {
  const bare = yaml`
    resources:
    - deployment.yaml
    resource:
    - service.yaml
  `;
  const findings = analyzeKustomization(bare, { tree: { '/repo/app/deployment.yaml': 'file', '/repo/app/service.yaml': 'file' } });
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    [ID],
  );
  // `resources` is there already: no rename (it would make a duplicate key), the known fields are listed.
  assert.match(findings[0].message, /Unknown field "resource" in the kustomization/);
  assert.deepEqual(findings[0].fixes, []);
});

test('outside a kustomization file (no kustomize role) the rules are silent', () => {
  const text = yaml`
    apiVersion: kustomize.config.k8s.io/v1beta1
    kind: Kustomization
    namePrefx: x
  `;
  const findings = analyzeText(text, { kubernetesVersion: '1.36', filePath: '/repo/notes/kustomize-example.yaml' }).findings;
  assert.deepEqual(
    findings.filter((f) => f.ruleId.startsWith('kustomize-')),
    [],
  );
});

test('multi-document kustomization: every document is read', () => {
  const text = yaml`
    resources: [a.yaml]
    ---
    namePrefx: x
  `;
  const findings = kustomizeFindingsOf(text, ID, { tree: { '/repo/app/a.yaml': 'file' } });
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]), 'namePrefx');
});
