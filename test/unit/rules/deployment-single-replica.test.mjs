import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'deployment-single-replica';
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
    name: web # deployment
  spec:
    replicas: 1
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

test('replicas: 1 is a hint when enabled (multi-document)', () => {
  const [finding, ...rest] = findingsOf(text, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '1');
});

test('omitted replicas default to 1; 2 or more is fine', () => {
  assert.match(findingsOf(text.replace('  replicas: 1\n', ''), ID, on)[0].message, /defaults to 1/);
  assert.deepEqual(findingsOf(text.replace('replicas: 1', 'replicas: 3'), ID, on), []);
});

test('fix: two replicas', () => {
  const fixed = assertFixClears(text, ID, { options: on });
  assert.match(fixed, /replicas: 2/);
});
