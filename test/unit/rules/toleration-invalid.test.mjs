import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'toleration-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
    tolerations:
    - key: dedicated
      operator: Exists
      value: gpu
`;

test('operator Exists with a value is an error on value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(bad, finding), 11);
  assert.equal(textOf(bad, finding), 'value');
  assert.match(said(finding), /value must be empty when `operator` is 'Exists'/);
});

test('empty key needs Exists; tolerationSeconds needs NoExecute', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
      tolerations:
      - operator: Equal
        value: x
      - key: node.kubernetes.io/unreachable
        effect: NoSchedule
        tolerationSeconds: 30
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /operator must be Exists when `key` is empty/);
  assert.match(messages[1], /effect must be 'NoExecute' when `tolerationSeconds` is set/);
});

test('valid tolerations are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
      tolerations:
      - operator: Exists
      - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 60}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

const seconds = yaml`
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
        tolerations:
        - key: node.kubernetes.io/unreachable
          operator: Exists
          tolerationSeconds: 30
`;

test('Deployment template in a multi-document file', () => {
  const [finding] = findingsOf(seconds, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(seconds, finding), 20);
});

test('fix: remove the value', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove value' });
  assert.doesNotMatch(fixed, /value: gpu/);
});

test('fix: add effect NoExecute', () => {
  const fixed = assertFixClears(seconds, ID, { title: 'Set effect: NoExecute' });
  assert.match(fixed, /effect: NoExecute/);
});

test('fix: an empty key without an operator gets operator: Exists', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
      tolerations:
      - effect: NoSchedule # every NoSchedule taint
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'tolerations[0] has no key, so its operator must be Exists');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /- effect: NoSchedule # every NoSchedule taint\n {4}operator: Exists\n/);
});

test('an Equal toleration value must be a label value (reported on operator, as the API server does)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
      tolerations:
      - key: dedicated
        operator: Equal
        value: "gpu nodes"
        effect: NoSchedule
      - {key: dedicated, value: gpu-nodes, effect: NoSchedule}
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(lineOf(text, findings[0]), 10);
  assert.equal(textOf(text, findings[0]), 'Equal');
  assert.match(findings[0].detail, /a valid label must be an empty string/);
});
