import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'ephemeral-containers-in-manifest';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    containers:
    - name: app
      image: app:1.0
    # for debugging
    ephemeralContainers:
    - name: debug
      image: busybox:1.36
`;

test('ephemeralContainers in a Pod manifest: cannot be set on create', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'ephemeralContainers');
  assert.match(said(finding), /cannot be set on create/);
});

test('a Pod without them is fine', () => {
  const text = bad.split('ephemeralContainers')[0];
  assert.deepEqual(findingsOf(text, ID), []);
});

test('static Pods are left to static-pod-ephemeral-containers', () => {
  assert.deepEqual(findingsOf(bad, ID, { staticPod: true }), []);
});

test('a Deployment template says "not allowed in pod template" (multi-document)', () => {
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
          ephemeralContainers:
          - name: debug
            image: busybox:1.36
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
  assert.match(said(finding), /not allowed in pod template/);
});

test('fix: remove the block', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /name: debug/);
});
