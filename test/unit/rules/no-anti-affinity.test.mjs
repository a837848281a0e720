import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'no-anti-affinity';
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
    replicas: 3
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

test('3 replicas without spreading: a hint on replicas (multi-document)', () => {
  const [finding, ...rest] = findingsOf(text, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '3');
});

test('topologySpreadConstraints or a single replica are fine', () => {
  const spread = text.replace('      containers:', '      topologySpreadConstraints:\n      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}\n      containers:');
  assert.deepEqual(findingsOf(spread, ID, on), []);
  assert.deepEqual(findingsOf(text.replace('replicas: 3', 'replicas: 1'), ID, on), []);
});
