import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'probe-readiness-missing';
const ON = { rules: { [ID]: 'info' } };

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 80 # http
`;

test('off by default', () => {
  assert.deepEqual(findingsOf(bad, ID), []);
});

test('when enabled: an info on the container name', () => {
  const [finding, ...rest] = findingsOf(bad, ID, ON);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(bad, finding), 'web');
});

test('containers with a readiness probe, init containers, Jobs and run-once Pods are skipped', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          tcpSocket: {port: 80}
  `;
  assert.deepEqual(findingsOf(text, ID, ON), []);
  const once = bad.replace('spec:\n', 'spec:\n  restartPolicy: Never\n');
  assert.deepEqual(findingsOf(once, ID, ON), []);
  const job = yaml`
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: once
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: once
            image: busybox:1.36
  `;
  assert.deepEqual(findingsOf(job, ID, ON), []);
});

test('multi-document Deployment template', () => {
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
  `;
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 17);
});

test('fix: add a tcpSocket readiness probe on the declared port', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Add a tcpSocket readinessProbe on port 80', options: ON });
  assert.match(fixed, /readinessProbe:\n\s+tcpSocket:\n\s+port: 80\n/);
});
