import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-port-invalid';

const quoted = yaml`
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
      readinessProbe:
        httpGet: {path: /, port: "8080"} # quoted
`;

const upper = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - name: Metrics-Port
        containerPort: 9100
      livenessProbe:
        tcpSocket:
          port: Metrics-Port
`;

test('a quoted number is read as a name and rejected', () => {
  const [finding, ...rest] = findingsOf(quoted, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(quoted, finding), '"8080"');
  assert.match(said(finding), /must contain at least one letter \(a-z\)/);
});

test('an upper-case name is rejected', () => {
  const [finding] = findingsOf(upper, ID);
  assert.equal(textOf(upper, finding), 'Metrics-Port');
  assert.match(said(finding), /must contain only alpha-numeric characters/);
});

test('out-of-range numbers, long names and hyphen rules; hooks are checked too', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        startupProbe:
          tcpSocket: {port: 70000}
        readinessProbe:
          httpGet: {port: a-very-long-port-name}
        livenessProbe:
          tcpSocket: {port: -http}
        lifecycle:
          preStop:
            httpGet: {port: 0}
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['70000', 'a-very-long-port-name', '-http', '0'],
  );
  assert.match(said(findings[0]), /between 1 and 65535/);
  assert.match(said(findings[1]), /no more than 15 characters/);
  assert.match(said(findings[2]), /must not begin or end with a hyphen/);
  assert.match(said(findings[3]), /preStop hook/);
});

test('valid numbers and names pass', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 8080}
        readinessProbe:
          httpGet: {path: /, port: http}
        livenessProbe:
          tcpSocket: {port: 8080}
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
            readinessProbe:
              httpGet:
                port: "80"
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
});

test('fix: unquote (safe)', () => {
  const [finding] = findingsOf(quoted, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(quoted, ID, { title: 'Unquote the port' });
  assert.match(fixed, /port: 8080\} # quoted/);
});

test('fix: lower-case the name here and on the containerPort', () => {
  const fixed = assertFixClears(upper, ID, { title: 'Use "metrics-port"' });
  assert.match(fixed, /- name: metrics-port\n/);
  assert.match(fixed, /port: metrics-port\n/);
});
