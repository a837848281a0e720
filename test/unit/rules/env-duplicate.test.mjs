import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'env-duplicate';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      env:
      - name: LOG_LEVEL
        value: info
      - name: LOG_LEVEL
        value: debug
`;

test('the same name twice is a warning on the later one', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(bad, finding), 11);
  assert.equal(textOf(bad, finding), 'LOG_LEVEL');
  assert.match(said(finding), /may be dropped when using apply/);
});

test('a later value that extends the earlier one with $(NAME) is fine; $(NAME) alone is not', () => {
  assert.deepEqual(findingsOf(bad.replace('value: debug', 'value: "$(LOG_LEVEL),http"'), ID), []);
  assert.equal(findingsOf(bad.replace('value: debug', 'value: "$(LOG_LEVEL)"'), ID).length, 1);
});

test('distinct names are fine', () => {
  assert.deepEqual(findingsOf(bad.replace(/LOG_LEVEL\n(\s+)value: debug/, 'LOG_FORMAT\n$1value: json'), ID), []);
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
          containers:
          - name: web
            image: nginx:1.27
            env: [{name: A, value: "1"}, {name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: remove the earlier definition (the runtime keeps the last)', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /value: info/);
  assert.match(fixed, /value: debug/);
});
