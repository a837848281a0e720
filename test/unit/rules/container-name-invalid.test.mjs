import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'container-name-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # the Pod
  spec:
    containers:
    - name: Web_Server
      image: nginx:1.27
`;

test('upper case and underscore: error on the value with the upstream reason', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'Web_Server');
  assert.match(said(finding), /lowercase RFC 1123 label/);
});

test('dots and length get their own messages; init and empty names are checked', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: init.db
        image: busybox:1.36
      - name: ""
        image: busybox:1.36
      containers:
      - name: ${'a'.repeat(64)}
        image: nginx:1.27
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 3);
  assert.match(said(findings[0]), /must not contain dots/);
  assert.match(said(findings[1]), /Required value/);
  assert.match(said(findings[2]), /no more than 63 characters/);
});

test('valid names are fine', () => {
  const text = bad.replace('Web_Server', 'web-server');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('Job template in a multi-document file', () => {
  const text = yaml`
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
          - name: Run
            image: task:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 14);
  assert.equal(textOf(text, finding), 'Run');
});

test('fix: rename to the closest DNS label', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /- name: web-server\n/);
});
