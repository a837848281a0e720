import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

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
  assert.match(said(finding), /duplicate port definition/);
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
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /overlapping port definition/);
  assert.match(messages[1], /dangerously ambiguous port definition/);
  assert.match(messages[2], /hostIP set without hostPort/);
});

test('different ports or protocols are fine', () => {
  assert.deepEqual(findingsOf(bad.replace(/8080\n$/, '8081\n'), ID), []);
  assert.deepEqual(findingsOf(bad.replace(/8080\n$/, '8080\n      protocol: UDP\n'), ID), []);
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

// Containers share the Pod's network, but a probe resolves a named port against its own
// container's ports: removing b's named entry would leave b's probe with an undeclared name.
const namedInSecond = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: a # the app
      image: app:1.0
      ports:
      - containerPort: 9999
    - name: b
      image: exporter:1.0
      ports:
      - containerPort: 9999
        name: metrics
      readinessProbe:
        httpGet: {path: /metrics, port: metrics}
`;

test('fix: a named duplicate is kept; the unnamed declaration is removed instead', () => {
  const [finding] = findingsOf(namedInSecond, ID);
  assert.deepEqual(finding.path, ['spec', 'containers', 1, 'ports', 0, 'containerPort']);
  assert.deepEqual(
    finding.fixes.map((fix) => fix.title),
    ['Remove the unnamed declaration at containers[0].ports[0]'],
  );
  const fixed = assertFixClears(namedInSecond, ID);
  assert.match(fixed, /name: metrics/);
  assert.deepEqual(findingsOf(fixed, 'probe-named-port-undeclared'), []);
});

test('fix: a name used in the same container survives when the other entry carries it too', () => {
  const text = namedInSecond.replace('image: app:1.0\n    ports:\n    - containerPort: 9999', 'image: app:1.0\n    ports:\n    - containerPort: 9999\n      name: web');
  assert.notEqual(text, namedInSecond);
  // Both entries named (differently): removing either could break a reference, so no fix.
  assert.deepEqual(findingsOf(text, ID)[0].fixes, []);
  const sameContainer = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: b
        image: exporter:1.0
        ports:
        - {containerPort: 9999, name: metrics}
        - {containerPort: 9999, name: metrics}
        livenessProbe:
          tcpSocket: {port: metrics}
  `;
  const fixed = assertFixClears(sameContainer, ID, { title: 'Remove this duplicate port entry' });
  assert.equal(fixed.match(/name: metrics/g).length, 1);
});

test('a non-string protocol is not taken for TCP (only an omitted one is)', () => {
  const nan = bad.replace(/8080\n$/, '8080\n      protocol: .nan\n');
  assert.deepEqual(findingsOf(nan, ID), []);
  const nullProtocol = bad.replace(/8080\n$/, '8080\n      protocol:\n');
  assert.equal(findingsOf(nullProtocol, ID).length, 1);
  const explicitTcp = bad.replace(/8080\n$/, '8080\n      protocol: TCP\n');
  assert.equal(findingsOf(explicitTcp, ID).length, 1);
});
