import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'lifecycle-tcp-socket';

const postStart = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        postStart: # wait for the port
          tcpSocket: {port: 8080}
`;

const preStop = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        preStop: # drain
          tcpSocket:
            port: 8080
`;

test('a tcpSocket postStart is an error: the container crash-loops', () => {
  const [finding, ...rest] = findingsOf(postStart, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(postStart, finding), 'tcpSocket');
  assert.match(said(finding), /crash-loops/);
});

test('a tcpSocket preStop is an error: no drain time', () => {
  const [finding] = findingsOf(preStop, ID);
  assert.match(said(finding), /no drain time/);
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Replace with sleep: {seconds: 5}', 'Replace with exec sleep 5', 'Remove the preStop hook'],
  );
});

test('other handlers are fine', () => {
  const text = preStop.replace('tcpSocket:\n          port: 8080', 'httpGet:\n          port: 8080');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document StatefulSet template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
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
            lifecycle:
              preStop:
                tcpSocket: {port: 5432}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});

test('version: 1.29 offers exec sleep instead of the sleep action', () => {
  const [finding] = findingsOf(preStop, ID, { version: '1.29' });
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Replace with exec sleep 5', 'Remove the preStop hook'],
  );
  assertFixClears(preStop, ID, { title: 'Replace with exec sleep 5', options: { version: '1.29' } });
});

test('fix: replace a preStop tcpSocket with sleep', () => {
  const fixed = assertFixClears(preStop, ID, { title: 'Replace with sleep' });
  assert.match(fixed, /preStop: # drain\n\s+sleep:\n\s+seconds: 5\n$/);
});

test('fix: replace a preStop tcpSocket with exec sleep', () => {
  const fixed = assertFixClears(preStop, ID, { title: 'Replace with exec sleep 5' });
  assert.match(fixed, /exec:\n\s+command:/);
});

test('fix: remove the hook', () => {
  assertFixClears(preStop.replace(' # drain', ''), ID, { title: 'Remove the preStop hook' });
  const fixed = assertFixClears(postStart.replace(' # wait for the port', ''), ID, { title: 'Remove the postStart hook' });
  assert.doesNotMatch(fixed, /postStart/);
});

test('fix: a postStart that waits for the port with exec', () => {
  const fixed = assertFixClears(postStart, ID, { title: 'Replace with an exec that waits for port 8080' });
  assert.match(fixed, /exec: \{command: \[sh, -c, until nc -z 127\.0\.0\.1 8080; do sleep 1; done\]\}/);
});

test('a shorter grace period shortens the offered sleep', () => {
  const text = preStop.replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: 3\n');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes[0].title, 'Replace with sleep: {seconds: 3}');
  assertFixClears(text, ID, { title: 'Replace with sleep: {seconds: 3}' });
});
