import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'missing-pdb';
const on = { rules: { [ID]: 'hint' } };

const text = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('off by default', () => {
  assert.deepEqual(findingsOf(text, ID), []);
});

test('2 replicas and no PDB in the file: a hint on replicas (multi-document)', () => {
  const [finding, ...rest] = findingsOf(text, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '2');
});

test('a PDB selecting the Pods is enough; one selecting other Pods is not', () => {
  const pdb = (app) => `---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: ${app}}\n`;
  assert.deepEqual(findingsOf(text + pdb('web'), ID, on), []);
  assert.equal(findingsOf(text + pdb('api'), ID, on).length, 1);
});

// --- Full label-selector semantics (peer-agreement bug: kube-score
// {deployment,statefulset}-poddisruptionbudget-v1beta1-expression-no-match).
const budget = (selector, apiVersion = 'policy/v1') =>
  `---\napiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n${selector}`;

test('matchExpressions are evaluated: a PDB whose expressions exclude the Pods does not cover them', () => {
  const noMatch = text + budget('    matchExpressions:\n    - {key: app, operator: In, values: [not-web, not-web2]}\n');
  const [finding, ...rest] = findingsOf(noMatch, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(noMatch, finding), '2');
  assert.match(said(finding), /^Deployment "web" has no PodDisruptionBudget in this file\nIt runs 2 replicas but no PodDisruptionBudget/);
  assert.deepEqual(findingsOf(text + budget('    matchExpressions:\n    - {key: app, operator: In, values: [web, api]}\n'), ID, on), []);
  // matchLabels that match, AND an expression that does not: not covered.
  assert.equal(findingsOf(text + budget('    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: Exists}\n'), ID, on).length, 1);
  assert.deepEqual(findingsOf(text + budget('    matchLabels: {app: web}\n    matchExpressions:\n    - {key: tier, operator: DoesNotExist}\n'), ID, on), []);
});

test('an empty selector covers every Pod of the namespace in policy/v1, none in policy/v1beta1; namespaces must agree', () => {
  assert.deepEqual(findingsOf(text + budget('    {}\n'), ID, on), []);
  assert.equal(findingsOf(text + budget('    {}\n', 'policy/v1beta1'), ID, on).length, 1);
  const elsewhere =
    text.replace('  name: web\nspec:', '  name: web\n  namespace: shop\nspec:') +
    budget('    matchLabels: {app: web}\n').replace('  name: web\nspec:', '  name: web\n  namespace: ops\nspec:');
  assert.equal(findingsOf(elsewhere, ID, on).length, 1);
});

test('StatefulSet: the same matching', () => {
  const set = text.replace('kind: Deployment', 'kind: StatefulSet').replace('  replicas: 2\n', '  replicas: 2\n  serviceName: web\n');
  assert.equal(findingsOf(set + budget('    matchExpressions:\n    - {key: app, operator: NotIn, values: [web]}\n'), ID, on).length, 1);
  assert.deepEqual(findingsOf(set + budget('    matchExpressions:\n    - {key: app, operator: Exists}\n'), ID, on), []);
});

test('a HorizontalPodAutoscaler that may run several replicas makes the workload multi-replica', () => {
  const hpa = (max) =>
    `---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: ${max}\n`;
  const scaled = text.replace('  replicas: 2\n', '') + hpa(5);
  const [finding] = findingsOf(scaled, ID, on);
  assert.equal(textOf(scaled, finding), 'spec');
  assert.match(said(finding), /runs up to 5 replicas \(HorizontalPodAutoscaler "web"\)/);
  assert.deepEqual(findingsOf(text + hpa(1), ID, on), [], 'pinned to one replica by the HPA');
});
