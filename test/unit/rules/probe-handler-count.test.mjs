import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-handler-count';

const empty = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 8080
      livenessProbe:
        initialDelaySeconds: 5 # no handler
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
      readinessProbe: # three handlers
        httpGet: {path: /ready, port: 8080}
        tcpSocket: {port: 8080}
        grpc: {port: 9090}
`;

test('a probe without a handler is an error on the probe key', () => {
  const [finding, ...rest] = findingsOf(empty, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(empty, finding), 'livenessProbe');
  assert.match(said(finding), /must specify a handler type/);
});

test('every handler after the first is reported, in API order', () => {
  const findings = findingsOf(double, ID);
  assert.deepEqual(
    findings.map((f) => textOf(double, f)),
    ['tcpSocket', 'grpc'],
  );
  assert.ok(findings.every((f) => f.severity === 'error' && /may not specify more than 1 handler type/.test(said(f))));
  assert.deepEqual(
    findings[0].fixes.map((f) => f.title),
    ['Keep only httpGet (remove tcpSocket, grpc)', 'Keep only tcpSocket (remove httpGet, grpc)', 'Keep only grpc (remove httpGet, tcpSocket)'],
  );
});

test('one handler is fine; a null handler does not count', () => {
  const good = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        livenessProbe:
          httpGet: {path: /, port: 8080}
          exec: null
        startupProbe:
          grpc: {port: 9090}
  `;
  assert.deepEqual(findingsOf(good, ID), []);
});

test('regular init containers are left to init-container-probe-or-lifecycle; sidecars are checked', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: setup
        image: busybox:1.36
        readinessProbe: {periodSeconds: 5}
      - name: proxy
        image: envoy:1.30
        restartPolicy: Always
        readinessProbe: {periodSeconds: 5}
      containers:
      - name: web
        image: nginx:1.27
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].path, ['spec', 'initContainers', 1, 'readinessProbe']);
  assert.match(said(findings[0]), /sidecar container "proxy"/);
});

test('multi-document: the finding lands in the Deployment template', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      selector: {app: api}
      ports: [{port: 80}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: api}
        spec:
          containers:
          - name: api
            image: api:2.1
            startupProbe:
              failureThreshold: 30
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'containers', 0, 'startupProbe']);
});

test('CronJob templates are checked too', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: report
    spec:
      schedule: "0 * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: report
                image: report:1.0
                livenessProbe:
                  exec: {command: [cat, /tmp/ok]}
                  httpGet: {path: /, port: 8080}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'httpGet');
});

test('fix: add an httpGet skeleton on the declared port', () => {
  const fixed = assertFixClears(empty, ID, { title: 'Add an httpGet handler' });
  assert.match(fixed, /httpGet:\n\s+path: \/\n\s+port: 8080/);
});

test('fix: add a tcpSocket skeleton', () => {
  const fixed = assertFixClears(empty, ID, { title: 'Add a tcpSocket handler' });
  assert.match(fixed, /tcpSocket:\n\s+port: 8080/);
});

test('fix: keep one handler', () => {
  for (const title of ['Keep only httpGet', 'Keep only tcpSocket', 'Keep only grpc']) {
    const fixed = assertFixClears(double, ID, { title });
    assert.deepEqual(findingsOf(fixed, ID), []);
  }
});

test('fix: an empty flow probe gets a handler inside the braces', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe: {}
  `;
  const fixed = assertFixClears(text, ID, { title: 'Add a tcpSocket handler' });
  assert.match(fixed, /readinessProbe: \{tcpSocket: \{port: 8080\}\}/);
});
