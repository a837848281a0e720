import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'service-selector-no-match';
const KUBE_SCORE_STS = new URL('../../../../shared/corpus/fixtures/kube-score/score/testdata/statefulset-service-name-different-label.yaml', import.meta.url);

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector:
      matchLabels: {app: webapp}
    template:
      metadata:
        labels: {app: webapp, version: v2}
      spec:
        containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 80}]
`;
/** A Service selecting `selector` (one `key: value` line), then the Deployment. */
const file = (selector) =>
  ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', `    ${selector}`, '  ports:', '  - port: 80', '---', ''].join('\n') + DEPLOYMENT;

test('a selector no workload in the file matches: warning on the selector, naming the nearest one', () => {
  const text = file('app: web # typo?');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 0);
  assert.equal(textOf(text, finding), 'selector');
  assert.equal(lineOf(text, finding), 5);
  assert.match(said(finding), /selects app=web, but no Pod or workload template in this file/);
  assert.match(said(finding), /Deployment "web" has app=webapp, version=v2/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /selector:\n    app: webapp # typo\?\n/);
});

test('a matching selector, a Service-only file, and ExternalName Services are fine', () => {
  assert.deepEqual(findingsOf(file('app: webapp'), ID), []);
  const serviceOnly = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: somewhere-else}
      ports: [{port: 80}]
  `;
  assert.deepEqual(findingsOf(serviceOnly, ID), []);
  assert.deepEqual(findingsOf(file('app: web').replace('spec:\n  selector:', 'spec:\n  type: ExternalName\n  externalName: example.com\n  selector:'), ID), []);
});

test('namespaces must agree when both are written', () => {
  const text = file('app: webapp')
    .replace('  name: web\nspec:\n  selector', '  name: web\n  namespace: prod\nspec:\n  selector')
    .replace('kind: Deployment\nmetadata:\n  name: web\n', 'kind: Deployment\nmetadata:\n  name: web\n  namespace: staging\n');
  // The only matching workload lives in another namespace, and nothing else targets prod here.
  assert.deepEqual(findingsOf(text, ID), []);
  const withProdPod =
    text + '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: tool\n  namespace: prod\n  labels: {app: tool}\nspec:\n  containers:\n  - name: tool\n    image: busybox:1.36\n';
  const [finding] = findingsOf(withProdPod, ID);
  assert.match(said(finding), /Pod "tool" has app=tool/);
});

test('labels the controller adds count: a Service per StatefulSet Pod', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: redis-0
    spec:
      selector:
        app: redis
        statefulset.kubernetes.io/pod-name: redis-0
      ports: [{port: 6379}]
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: redis
    spec:
      serviceName: redis
      selector:
        matchLabels: {app: redis}
      template:
        metadata:
          labels: {app: redis}
        spec:
          containers:
          - name: redis
            image: redis:7.4
  `;
  assert.deepEqual(findingsOf(text, ID), []);
  const wrongSet = text.replace('pod-name: redis-0', 'pod-name: cache-0');
  assert.equal(findingsOf(wrongSet, ID).length, 1);
});

test('seeds: the petset Service selects the PetSet, the tomcat Service its Deployment', { skip: SEEDS_MISSING }, () => {
  for (const name of ['002-petset.yaml', '001-tomcat-harbor.yaml', '001-init-containers.yaml']) {
    const text = seedText(name);
    assert.deepEqual(findingsOf(text, ID), [], name);
  }
});

// Peer-agreement bug 4 (kube-linter dangling-service.yml): a template with labels but no spec is
// still where the selected Pods come from.
test('workload templates with labels but no spec are indexed', () => {
  const specless = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: app1
    spec:
      template:
        metadata:
          labels: {app.kubernetes.io/name: app1}
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: app1
    spec:
      selector: {app.kubernetes.io/name: app}
      ports: [{port: 8080}]
  `;
  const [finding, ...rest] = findingsOf(specless, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.match(said(finding), /Deployment "app1" has app.kubernetes.io\/name=app1/);
  assert.deepEqual(findingsOf(specless.replace('name: app}', 'name: app1}'), ID), []);
  // Next to a workload with a spec, the Service selecting the spec-less one is not flagged.
  const mixed = specless.replace('name: app}', 'name: app1}') + '---\n' + DEPLOYMENT;
  assert.deepEqual(findingsOf(mixed, ID), []);
});

test('the fix selects the labels the Pods carry (the template), not the workload selector', () => {
  // The StatefulSet selects app=foo, but its template (what the Pods get) is app=bar; the Service
  // already selects app=foo, so copying the workload selector would change nothing.
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: svc
    spec:
      clusterIP: None
      selector:
        app: foo
      ports:
      - port: 80
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      selector:
        matchLabels:
          app: foo
      serviceName: svc
      template:
        metadata:
          labels:
            app: bar
        spec:
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    ['Select the Pods of StatefulSet "db" (app=bar)'],
  );
  assert.ok(finding.fixes[0].edits.length > 0);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /selector:\n    app: bar\n/);
});

test('the corpus case: statefulset-service-name-different-label gets a fix with edits', { skip: !existsSync(KUBE_SCORE_STS) && 'corpus missing' }, () => {
  const text = readFileSync(KUBE_SCORE_STS, 'utf8');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes.length, 1);
  assert.match(finding.fixes[0].title, /\(app=bar\)$/);
  assertFixClears(text, ID);
});

test('of the template labels, the keys the workload selects on are used; invalid labels are never copied', () => {
  // DEPLOYMENT selects app; its template adds version=v2, which the fix leaves out.
  assert.match(assertFixClears(file('tier: web'), ID), /selector:\n    app: webapp\n  ports:/);
  // A template key with a leading no-break space is invalid: copying it would make the Service
  // invalid too (meta-label-invalid), so only the valid labels are selected.
  const invalidKey = DEPLOYMENT.replace('selector:\n    matchLabels: {app: webapp}\n', 'selector:\n    matchLabels: {"\u00a0app": webapp}\n').replace(
    'labels: {app: webapp, version: v2}',
    'labels: {"\u00a0app": webapp, version: v2}',
  );
  assert.notEqual(invalidKey, DEPLOYMENT);
  const text = file('app: web').replace(DEPLOYMENT, invalidKey);
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    ['Select the Pods of Deployment "web" (version=v2)'],
  );
  assertFixClears(text, ID);
  // Nothing valid to select: no fix.
  const onlyInvalid = text.replace(', version: v2}', '}');
  assert.deepEqual(findingsOf(onlyInvalid, ID)[0].fixes, []);
});
