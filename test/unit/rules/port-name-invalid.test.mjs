import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'port-name-invalid';

test('a 18-character name is rejected (IANA limit 15)', () => {
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
        - name: prometheus-metrics
          containerPort: 9090
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'prometheus-metrics');
  assert.match(said(finding), /must be no more than 15 characters/);
  assert.deepEqual(finding.fixes, []);
});

test('digits only, double hyphens and leading hyphens', () => {
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
        - {name: "8080", containerPort: 8080}
        - {name: my--port, containerPort: 8081}
        - {name: -web, containerPort: 8082}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /at least one letter/);
  assert.match(messages[1], /consecutive hyphens/);
  assert.match(messages[2], /begin or end with a hyphen/);
});

test('valid names and unnamed ports are fine', () => {
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
        - containerPort: 443
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

const upper = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    ports: [{port: 80}]
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
          ports:
          - name: HTTP # upper case
            containerPort: 80
`;

test('Deployment template in a multi-document file', () => {
  const [finding] = findingsOf(upper, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(upper, finding), 22);
  assert.match(said(finding), /alpha-numeric characters \(a-z, 0-9\)/);
});

test('fix: lower-case the name', () => {
  const fixed = assertFixClears(upper, ID);
  assert.match(fixed, /- name: http # upper case/);
});
