import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-termination-grace-readiness';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: db
  spec:
    containers:
    - name: db
      image: postgres:16
      livenessProbe:
        tcpSocket: {port: 5432}
      readinessProbe:
        tcpSocket: {port: 5432}
        terminationGracePeriodSeconds: 10
`;

test('terminationGracePeriodSeconds on a readinessProbe is an error on the key', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'terminationGracePeriodSeconds');
  assert.match(said(finding), /must not be set for readinessProbes/);
});

test('liveness and startup probes may set it', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: db
    spec:
      containers:
      - name: db
        image: postgres:16
        livenessProbe:
          tcpSocket: {port: 5432}
          terminationGracePeriodSeconds: 10
        startupProbe:
          tcpSocket: {port: 5432}
          terminationGracePeriodSeconds: 10
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document Deployment: lands on the template line', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      selector: {app: db}
      ports: [{port: 5432}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: db
    spec:
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
            readinessProbe:
              tcpSocket: {port: 5432}
              terminationGracePeriodSeconds: 5
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 24);
});

test('fix: remove it (safe)', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(bad, ID, { title: 'Remove terminationGracePeriodSeconds' });
  assert.doesNotMatch(fixed, /terminationGracePeriodSeconds/);
});

test('fix: move it to the livenessProbe', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Move it to the livenessProbe' });
  assert.match(fixed, /livenessProbe:\n\s+tcpSocket: \{port: 5432\}\n\s+terminationGracePeriodSeconds: 10\n\s+readinessProbe:\n\s+tcpSocket: \{port: 5432\}\n$/);
});
