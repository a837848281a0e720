import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'liveness-failure-threshold-tight';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet: {path: /healthz, port: 8080}
        failureThreshold: 1 # restart fast
`;

test('failureThreshold: 1 on liveness is a warning on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), '1');
});

test('a budget under 10 s is a hint', () => {
  const text = bad.replace('failureThreshold: 1 # restart fast', 'periodSeconds: 3');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(text, finding), '3');
  assert.match(finding.message, /container "web" restarts it after only 9 s of failures/);
  assert.match(said(finding), /3 × periodSeconds 3 = 9 s/);
});

test('fix: raise failureThreshold until the budget reaches 10 s', () => {
  const text = bad.replace('failureThreshold: 1 # restart fast', 'periodSeconds: 3');
  const fixed = assertFixClears(text, ID, { title: 'Set failureThreshold to 4' });
  assert.match(fixed, /failureThreshold: 4/);
});

test('liveness less patient than readiness is a hint (probes-lifecycle seed)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
        livenessProbe:
          exec: {command: [cat, /health]}
          periodSeconds: 5
          failureThreshold: 2
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(text, finding), '2');
  assert.match(finding.message, /after 10 s, sooner than readiness \(30 s\)/);
  const fixed = assertFixClears(text, ID, { title: 'Set failureThreshold to 6' });
  assert.match(fixed, /failureThreshold: 6/);
});

test('defaults and a patient liveness probe are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 80}
          periodSeconds: 5
        livenessProbe:
          httpGet: {path: /, port: 80}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
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
            livenessProbe:
              tcpSocket: {port: 80}
              failureThreshold: 1
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
});

test('fix: back to the default 3', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set failureThreshold to 3' });
  assert.match(fixed, /failureThreshold: 3 # restart fast/);
});

test('fix: remove the field', () => {
  const text = bad.replace(' # restart fast', '');
  const fixed = assertFixClears(text, ID, { title: 'Remove failureThreshold' });
  assert.doesNotMatch(fixed, /failureThreshold/);
});

test('negative timings are left to probe-negative-field (no pile-up)', () => {
  const text = bad.replace('failureThreshold: 1 # restart fast', 'periodSeconds: -10');
  assert.deepEqual(findingsOf(text, ID), []);
});
