import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-source-count';

const two = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
    volumes:
    - name: data
      emptyDir: {}
      hostPath: {path: /data}
`;

test('two sources: error on the second source key', () => {
  const [finding, ...rest] = findingsOf(two, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(two, finding), 'hostPath');
  assert.match(said(finding), /may not specify more than 1 volume type/);
});

const none = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # deployment
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
        volumes:
        - name: config
`;

test('no source: info (implicit emptyDir) in a Deployment template, multi-document', () => {
  const [finding] = findingsOf(none, ID);
  assert.equal(finding.severity, 'info');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(none, finding), 20);
  assert.match(said(finding), /defaults a volume without a source to an empty emptyDir/);
});

test('exactly one source is fine', () => {
  assert.deepEqual(findingsOf(two.replace('\n    hostPath: {path: /data}', ''), ID), []);
});

test('fix: drop the second source', () => {
  const fixed = assertFixClears(two, ID);
  assert.doesNotMatch(fixed, /hostPath/);
});

test('fix: make the emptyDir explicit', () => {
  const fixed = assertFixClears(none, ID);
  assert.match(fixed, /- name: config\n {8}emptyDir: \{\}\n/);
});
