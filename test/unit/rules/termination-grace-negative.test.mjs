import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'termination-grace-negative';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    terminationGracePeriodSeconds: -5
    containers:
    - name: app
      image: app:1.0
`;

test('a negative grace period is a warning on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), '-5');
  assert.match(said(finding), /negative values are invalid and will be treated as 1/);
});

test('0, positive and omitted are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('-5', '0'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('-5', '45'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('\n  terminationGracePeriodSeconds: -5', ''), ID), []);
});

test('StatefulSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          terminationGracePeriodSeconds: -1
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: remove it (defaults to 30)', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove it' });
  assert.doesNotMatch(fixed, /terminationGracePeriodSeconds/);
});

test('fix: set it to 0', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set it to 0' });
  assert.match(fixed, /terminationGracePeriodSeconds: 0/);
});
