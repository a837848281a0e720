import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'containers-empty';

test('an empty containers list is an error on the key', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers: []
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'containers');
  assert.match(finding.message, /spec\.containers: Required value/);
});

test('an empty spec (lost indentation) is reported on spec', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
    containers:
    - name: web
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'spec');
  assert.match(finding.message, /spec is empty/);
});

test('a Pod with a container is fine; a missing key is left to the schema', () => {
  const ok = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(ok, ID), []);
  const missingKey = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      restartPolicy: Always
  `;
  assert.deepEqual(findingsOf(missingKey, ID), []);
});

test('Deployment template in a multi-document file', () => {
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
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers: []
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
  assert.match(finding.message, /spec\.template\.spec\.containers: Required value/);
});
