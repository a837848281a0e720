import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'workload-active-deadline-forbidden';

const bad = yaml`
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
        activeDeadlineSeconds: 3600
        containers:
        - name: web
          image: nginx:1.27
`;

test('activeDeadlineSeconds in a Deployment template is an error on the key (multi-document)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(bad, finding), 16);
  assert.equal(textOf(bad, finding), 'activeDeadlineSeconds');
  assert.match(said(finding), /activeDeadlineSeconds in ReplicaSet is not Supported/);
});

test('on Pods and Jobs it must be positive', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      activeDeadlineSeconds: 0
      containers:
      - name: run
        image: task:1.0
  `;
  const [finding] = findingsOf(pod, ID);
  assert.equal(textOf(pod, finding), '0');
  assert.match(said(finding), /between 1 and 2147483647/);
  assert.deepEqual(findingsOf(pod.replace('activeDeadlineSeconds: 0', 'activeDeadlineSeconds: 600'), ID), []);
});

test('a Deployment without it is fine', () => {
  assert.deepEqual(findingsOf(bad.replace('\n      activeDeadlineSeconds: 3600', ''), ID), []);
});

test('fix: remove it (safe)', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /activeDeadlineSeconds/);
});
