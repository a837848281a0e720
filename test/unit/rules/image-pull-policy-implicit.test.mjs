import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'image-pull-policy-implicit';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('an omitted policy on a tagged image is an info: IfNotPresent', () => {
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), 'image');
  assert.match(finding.message, /sets it to IfNotPresent when the object is created/);
});

test('digests default to IfNotPresent; latest+digest to Always; latest alone is image-latest-tag', () => {
  const digest = text.replace('nginx:1.27', `nginx@sha256:${'b'.repeat(64)}`);
  assert.match(findingsOf(digest, ID)[0].message, /IfNotPresent .*pinned by digest/);
  const both = text.replace('nginx:1.27', `nginx:latest@sha256:${'b'.repeat(64)}`);
  assert.match(findingsOf(both, ID)[0].message, /sets it to Always/);
  assert.deepEqual(findingsOf(text.replace('nginx:1.27', 'nginx'), ID), []);
});

test('an explicit policy is fine', () => {
  assert.deepEqual(findingsOf(text.replace('image: nginx:1.27', 'image: nginx:1.27\n    imagePullPolicy: Always'), ID), []);
});

test('Job template in a multi-document file', () => {
  const multi = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: once
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: run
            image: task:1.0
  `;
  const [finding] = findingsOf(multi, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(multi, finding), 15);
});

test('fix: make the default explicit', () => {
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /image: nginx:1\.27\n {4}imagePullPolicy: IfNotPresent\n/);
});
