import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'init-container-probe-or-lifecycle';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    initContainers:
    - name: migrate
      image: migrate:1.4
      # copied from the app container
      readinessProbe:
        exec: {command: [cat, /tmp/done]}
    containers:
    - name: app
      image: app:1.0
`;

test('a readinessProbe on a run-once init container is an error on the key', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'readinessProbe');
  assert.match(said(finding), /may not be set for init containers without restartPolicy=Always/);
});

test('every forbidden field is reported (lifecycle, liveness, startup)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        lifecycle:
          postStart: {exec: {command: [echo, hi]}}
        livenessProbe:
          exec: {command: [true]}
        startupProbe:
          exec: {command: [true]}
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(
    findingsOf(text, ID).map((f) => textOf(text, f)),
    ['lifecycle', 'livenessProbe', 'startupProbe'],
  );
});

test('a native sidecar (restartPolicy: Always) may have probes', () => {
  const text = bad.replace('image: migrate:1.4', 'image: migrate:1.4\n    restartPolicy: Always');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('app containers with probes are not init containers', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1.0
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document file: the finding lands in the Deployment template', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      ports: [{port: 80}]
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
          initContainers:
          - name: wait
            image: busybox:1.36
            livenessProbe:
              exec: {command: [true]}
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
  assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'initContainers', 0, 'livenessProbe']);
});

test('fix: remove the probe', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove readinessProbe' });
  assert.doesNotMatch(fixed, /readinessProbe/);
});

test('fix: turn it into a sidecar', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Make it a sidecar' });
  assert.match(fixed, /image: migrate:1\.4\n {4}restartPolicy: Always\n/);
});
