import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { deploymentIn, refFindings } from '../../helpers/references.mjs';

const ID = 'selector-selects-nothing';

const PDB = yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: web
    namespace: shop
  spec:
    minAvailable: 1
    selector:
      matchLabels: {app: web}
`;

test('a workload in another file carries the labels: nothing to say', () => {
  assert.deepEqual(refFindings(PDB, ID, { files: { '/work/app/deploy.yaml': deploymentIn('web') } }), []);
});

test('workloads of the namespace, none selected: info on the selector key; warning when complete', () => {
  const files = { '/work/app/deploy.yaml': deploymentIn('api') };
  const [finding, ...rest] = refFindings(PDB, ID, { files });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(PDB, finding), 7);
  assert.equal(textOf(PDB, finding), 'selector');
  assert.equal(finding.message, 'PodDisruptionBudget "web" selects no Pods of the workloads found');
  assert.match(finding.detail, /app=web/);
  assert.match(finding.detail, /Deployment "api" in \/work\/app\/deploy\.yaml/);
  assert.equal(refFindings(PDB, ID, { files, workspaceIsComplete: true })[0].severity, 'warning');
});

test('no workload known in the namespace (another namespace only), or no run: silent', () => {
  assert.deepEqual(refFindings(PDB, ID, { files: { '/work/app/deploy.yaml': deploymentIn('api', 'other') } }), []);
  assert.deepEqual(refFindings(PDB, ID, { files: {} }), []);
  assert.deepEqual(refFindings(PDB, ID, { alone: true }), []);
});

test('CRDs in the run (an operator may make the Pods) or controller labels: silent', () => {
  const crd = 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\n';
  assert.deepEqual(refFindings(PDB, ID, { files: { '/work/app/deploy.yaml': deploymentIn('api'), '/work/app/crd.yaml': crd } }), []);
  const byHash = PDB.replace('{app: web}', '{pod-template-hash: abc}');
  assert.deepEqual(refFindings(byHash, ID, { files: { '/work/app/deploy.yaml': deploymentIn('api') } }), []);
});

test('a NetworkPolicy in a multi-document file with a Deployment it does not select', () => {
  const text =
    deploymentIn('api') +
    '---\n' +
    yaml`
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata:
      name: db-only
      namespace: shop
    spec:
      podSelector:
        matchExpressions:
        - {key: role, operator: In, values: [db]}
      policyTypes: [Ingress]
  `;
  const [finding, ...rest] = refFindings(text, ID, { files: {} });
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding), 'podSelector');
  assert.match(finding.detail, /role=db/);
  assert.deepEqual(
    refFindings(text.replace('values: [db]', 'values: [db, api]').replace('{app: api}\n    spec:\n      containers', '{app: api, role: api}\n    spec:\n      containers'), ID, {
      files: {},
    }),
    [],
  );
});

test('an empty podSelector selects every Pod', () => {
  const text = deploymentIn('api') + '---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: all\n  namespace: shop\nspec:\n  podSelector: {}\n';
  assert.deepEqual(refFindings(text, ID, { files: {} }), []);
});
