import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'lifecycle-handler-count';

const empty = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      lifecycle: # hooks
        preStop: {}
`;

const double = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        postStart: # two handlers
          exec: {command: [touch, /tmp/started]}
          httpGet: {path: /warm, port: 8080}
`;

test('a hook without a handler is an error on the hook key', () => {
  const [finding, ...rest] = findingsOf(empty, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(empty, finding), 'preStop');
  assert.match(said(finding), /must specify a handler type/);
});

test('a second handler is an error on that handler', () => {
  const [finding] = findingsOf(double, ID);
  assert.equal(textOf(double, finding), 'httpGet');
  assert.match(said(finding), /may not specify more than 1 handler type/);
});

test('one handler is fine, sleep included (1.30+)', () => {
  const text = empty.replace('preStop: {}', 'preStop: {sleep: {seconds: 5}}');
  assert.deepEqual(findingsOf(text, ID), []);
  assert.deepEqual(findingsOf(text, ID, { version: '1.30' }), []);
});

test('1.29: a sleep-only hook is dropped by the API server (alpha gate) — warning', () => {
  const text = empty.replace('preStop: {}', 'preStop:\n        sleep: {seconds: 5}');
  const [finding] = findingsOf(text, ID, { version: '1.29' });
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'sleep');
  assert.match(said(finding), /alpha/);
  const fixed = assertFixClears(text, ID, { title: 'Replace with exec sleep 5', options: { version: '1.29' } });
  assert.match(fixed, /preStop:\n\s+exec: \{command: \[sleep, "5"\]\}\n/);
});

test('multi-document Deployment template', () => {
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
            lifecycle:
              postStart:
                exec: {command: ["true"]}
                tcpSocket: {port: 80}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.equal(textOf(text, finding), 'tcpSocket');
});

test('fix: add a preStop sleep (1.30+) or exec sleep (1.29)', () => {
  const fixed = assertFixClears(empty, ID, { title: 'Add sleep: {seconds: 5}' });
  assert.match(fixed, /preStop: \{sleep: \{seconds: 5\}\}/);
  const [old] = findingsOf(empty, ID, { version: '1.29' });
  assert.equal(old.fixes[0].title, 'Add exec sleep 5');
  assertFixClears(empty, ID, { title: 'Add exec sleep 5', options: { version: '1.29' } });
});

test('fix: remove the empty hook', () => {
  const fixed = assertFixClears(empty, ID, { title: 'Remove the empty preStop hook' });
  assert.doesNotMatch(fixed, /preStop/);
});

test('fix: keep one handler', () => {
  assertFixClears(double, ID, { title: 'Keep only exec' });
  const fixed = assertFixClears(double, ID, { title: 'Keep only httpGet' });
  assert.doesNotMatch(fixed, /exec/);
});
