import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'restart-policy-invalid';

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
        restartPolicy: OnFailure
        containers:
        - name: web
          image: nginx:1.27
`;

test('a Deployment template with OnFailure is an error on the value (multi-document)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(bad, finding), 16);
  assert.equal(textOf(bad, finding), 'OnFailure');
  assert.match(said(finding), /spec\.template\.spec\.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"/);
});

test('StatefulSet, DaemonSet and ReplicaSet have the same constraint', () => {
  for (const kind of ['StatefulSet', 'DaemonSet', 'ReplicaSet']) {
    const text = bad.replace('kind: Deployment', `kind: ${kind}`).replace('OnFailure', 'Never');
    assert.equal(findingsOf(text, ID).length, 1, kind);
  }
});

test('values are case-sensitive on every kind (safe case fix)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: once # pod
    spec:
      restartPolicy: never
      containers:
      - name: run
        image: task:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'never');
  assert.match(said(finding), /Unsupported value: "never": supported values: "Always", "OnFailure", "Never"/);
  assert.equal(finding.fixes[0].safe, true);
  assert.match(assertFixClears(text, ID), /restartPolicy: Never\n/);
});

test('Always, valid Pod values and Jobs are not this rule', () => {
  assert.deepEqual(findingsOf(bad.replace('OnFailure', 'Always'), ID), []);
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: once
    spec:
      restartPolicy: Never
      containers:
      - name: run
        image: task:1.0
  `;
  assert.deepEqual(findingsOf(pod, ID), []);
});

test('fix: remove the field (defaults to Always), safe', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /restartPolicy/);
});
