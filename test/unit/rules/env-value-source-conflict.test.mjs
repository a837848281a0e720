import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'env-value-source-conflict';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      env:
      - name: DB_PASSWORD
        value: changeme
        valueFrom:
          secretKeyRef: {name: db, key: password}
`;

test('value and valueFrom together: error on valueFrom (the path the API server names)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(bad, finding), 11);
  assert.equal(textOf(bad, finding), 'valueFrom');
  assert.match(said(finding), /may not be specified when `value` is not empty/);
});

test('no source, two sources, a bad fieldPath and an empty envFrom entry', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        env:
        - name: A
          valueFrom: {}
        - name: B
          valueFrom:
            configMapKeyRef: {name: c, key: b}
            secretKeyRef: {name: s, key: b}
        - name: C
          valueFrom:
            fieldRef: {fieldPath: metadata.labels}
        - name: D
          valueFrom:
            fieldRef: {fieldPath: "metadata.labels['app']"}
        envFrom:
        - prefix: X_
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 4);
  assert.match(messages[0], /must specify one of/);
  assert.match(messages[1], /may not have more than one field/);
  assert.match(messages[2], /not available to environment variables/);
  assert.match(messages[3], /neither configMapRef nor secretRef/);
});

test('one source without value is fine', () => {
  assert.deepEqual(findingsOf(bad.replace('\n      value: changeme', ''), ID), []);
});

test('StatefulSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
            env:
            - name: POD_NAME
              valueFrom:
                fieldRef: {fieldPath: metadata.nam}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 25);
  assert.equal(textOf(text, finding), 'metadata.nam');
});

test('fix: keep valueFrom', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove value' });
  assert.doesNotMatch(fixed, /changeme/);
});

test('fix: keep value', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove valueFrom' });
  assert.doesNotMatch(fixed, /secretKeyRef/);
});

test('fix: configMapRef and secretRef in one envFrom entry become two entries (prefix kept)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        envFrom:
        - prefix: APP_ # one prefix for both
          configMapRef: {name: settings}
          secretRef: {name: credentials}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container "app": envFrom[0] sets both configMapRef and secretRef');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /configMapRef: \{name: settings\}/);
  assert.match(fixed, /- secretRef:\s+name: credentials\s+prefix: APP_/);
});
