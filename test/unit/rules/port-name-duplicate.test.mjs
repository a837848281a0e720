import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'port-name-duplicate';

test('the same port name twice in one container is an error on the second', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        ports:
        - {name: http, containerPort: 80}
        - {name: http, containerPort: 8080}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), 'http');
  assert.match(said(finding), /Duplicate value: "http"/);
});

test('the same name in two containers is allowed upstream', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        ports: [{name: http, containerPort: 80}]
      - name: proxy
        image: envoy:1.30
        ports: [{name: http, containerPort: 8080}]
  `;
  assert.deepEqual(findingsOf(text, ID), []);
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
            ports:
            - {name: pg, containerPort: 5432}
            - {name: pg, containerPort: 5433}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 24);
});
