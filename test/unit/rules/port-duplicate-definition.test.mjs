import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'port-duplicate-definition';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # two containers
  spec:
    containers:
    - name: app
      image: app:1.0
      ports:
      - containerPort: 8080
    - name: sidecar
      image: envoy:1.30
      ports:
      - containerPort: 8080
`;

test('the same containerPort in two containers is a warning (duplicate port definition)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(bad, finding), 13);
  assert.equal(textOf(bad, finding), '8080');
  assert.match(finding.message, /duplicate port definition/);
});

test('overlapping, ambiguous and hostIP-without-hostPort variants', () => {
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
        - containerPort: 80
        - containerPort: 80
          hostPort: 8080
        - containerPort: 90
          hostPort: 9090
        - containerPort: 90
          hostPort: 9090
          hostIP: 10.0.0.1
        - containerPort: 100
          hostIP: 10.0.0.1
  `;
  const messages = findingsOf(text, ID).map((f) => f.message);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /overlapping port definition/);
  assert.match(messages[1], /dangerously ambiguous port definition/);
  assert.match(messages[2], /hostIP set without hostPort/);
});

test('different ports or protocols are fine', () => {
  assert.deepEqual(findingsOf(bad.replace(/8080\n$/, '8081\n'), ID), []);
  assert.deepEqual(findingsOf(bad.replace(/8080\n$/, '8080\n        protocol: UDP\n'), ID), []);
});

test('Deployment template in a multi-document file', () => {
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
            ports: [{containerPort: 80}, {containerPort: 80}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: remove the duplicate entry', () => {
  const fixed = assertFixClears(bad, ID);
  assert.equal(fixed.match(/containerPort: 8080/g).length, 1);
});
