import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probes-identical';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api
  spec:
    containers:
    - name: api
      image: api:2.1
      ports:
      - {name: http, containerPort: 8080}
      readinessProbe:
        httpGet: {path: /health, port: http}
      livenessProbe:
        httpGet: {path: /health, port: 8080}
        failureThreshold: 3
`;

test('same handler and target (named port resolved) is a warning on livenessProbe', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'livenessProbe');
  assert.match(said(finding), /httpGet \/health/);
});

test('a more patient liveness probe on the same endpoint is the sound pattern: not reported (boundary: equal windows are)', () => {
  // readiness: 3 × 10 s = 30 s; liveness 4 × 10 s = 40 s restarts only after the Pod left the endpoints
  assert.deepEqual(findingsOf(bad.replace('failureThreshold: 3', 'failureThreshold: 4'), ID), []);
  // the same window through periodSeconds: 3 × 15 s = 45 s
  assert.deepEqual(findingsOf(bad.replace('failureThreshold: 3', 'periodSeconds: 15'), ID), []);
  // 30 s both ways (periodSeconds 0 is defaulted to 10): reported, "at the same time"
  const [equal] = findingsOf(bad.replace('failureThreshold: 3', 'periodSeconds: 0'), ID);
  assert.ok(equal);
  assert.match(said(equal), /at the same time/);
  // liveness less patient than readiness: restarted first
  const [hastier] = findingsOf(bad.replace('failureThreshold: 3', 'failureThreshold: 1'), ID);
  assert.ok(hastier);
  assert.match(said(hastier), /restarted after 10s of failures, before readiness/);
});

test('different paths, ports, handlers or commands are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('{path: /health, port: 8080}', '{path: /livez, port: 8080}'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('{path: /health, port: 8080}', '{path: /health, port: 9090}'), ID), []);
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.1
        readinessProbe:
          exec: {command: [cat, /tmp/ready]}
        livenessProbe:
          exec: {command: [cat, /tmp/alive]}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('two different named ports that do not resolve are not "identical" (kube-score pitfall)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.1
        ports:
        - {name: web, containerPort: 8080}
        - {name: admin, containerPort: 9090}
        readinessProbe:
          tcpSocket: {port: web}
        livenessProbe:
          tcpSocket: {port: admin}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document Deployment template with identical exec probes', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: worker
    spec:
      selector:
        matchLabels: {app: worker}
      template:
        metadata:
          labels: {app: worker}
        spec:
          containers:
          - name: worker
            image: worker:1
            livenessProbe:
              exec: {command: [/bin/check]}
            readinessProbe:
              exec: {command: [/bin/check]}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});
