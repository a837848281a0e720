import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

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
