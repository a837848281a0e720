import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'resources-unset';
// Off by default (issue #11: it fired on nearly every container of good manifests); turned on here.
const ON = { rules: { [ID]: 'info' } };

test('off by default: nothing unless turned on', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(text, ID), []);
  assert.equal(findingsOf(text, ID, ON).length, 1);
});

test('no resources at all: an info naming what is missing', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID, ON);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), 'name: web');
  assert.equal(finding.message, 'Container "web" sets no resources');
  assert.match(finding.detail, /Without cpu request, memory request or memory limit, the scheduler cannot reserve room/);
});

test('a cpu request only (seed 004): memory request and limit missing', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources:
          requests: {cpu: 200m}
  `;
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(textOf(text, finding), 'resources');
  assert.equal(finding.message, 'Container "web" has no memory request or memory limit');
});

test('static Pods: only requests are asked for (control-plane Pods run without memory limits)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: kube-apiserver
      namespace: kube-system
    spec:
      containers:
      - name: kube-apiserver
        image: registry.k8s.io/kube-apiserver:v1.34.0
        resources:
          requests: {cpu: 250m}
  `;
  const [finding] = findingsOf(text, ID, { ...ON, staticPod: true });
  assert.equal(finding.message, 'Container "kube-apiserver" has no memory request');
  assert.doesNotMatch(said(finding), /memory limit/);
  const full = text.replace('requests: {cpu: 250m}', 'requests: {cpu: 250m, memory: 512Mi}');
  assert.deepEqual(findingsOf(full, ID, { ...ON, staticPod: true }), []);
});

test('limits imply requests; pod-level resources and run-once init containers are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
      containers:
      - name: web
        image: nginx:1.27
        resources:
          limits: {cpu: 500m, memory: 256Mi}
  `;
  assert.deepEqual(findingsOf(text, ID, ON), []);
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
            resources:
              requests: {cpu: 100m, memory: 64Mi}
  `;
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
  assert.match(said(finding), /no memory limit/);
});
