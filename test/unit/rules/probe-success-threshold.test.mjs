import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-success-threshold';

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
        successThreshold: 2 # meant: ready after 2 successes
`;

test('liveness successThreshold above 1 is an error on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '2');
  assert.match(said(finding), /must be 1/);
});

test('startup probes are held to 1 as well; readiness may ask for more; 0 means 1', () => {
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
          tcpSocket: {port: 8080}
          successThreshold: 3
        readinessProbe:
          tcpSocket: {port: 8080}
          successThreshold: 3
        livenessProbe:
          tcpSocket: {port: 8080}
          successThreshold: 0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].path, ['spec', 'containers', 0, 'startupProbe', 'successThreshold']);
});

test('multi-document StatefulSet template: the finding lands on the right line', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    data:
      a: b
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
            livenessProbe:
              exec: {command: [pg_isready]}
              successThreshold: 5
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 24);
  assert.equal(textOf(text, finding), '5');
});

test('fix: set to 1 (preferred, safe)', () => {
  const [finding] = findingsOf(bad, ID);
  const fix = finding.fixes.find((f) => f.preferred);
  assert.equal(fix.title, 'Set successThreshold to 1');
  assert.equal(fix.safe, true);
  const fixed = assertFixClears(bad, ID, { title: 'Set successThreshold to 1' });
  assert.match(fixed, /successThreshold: 1 # meant/);
});

test('fix: remove the field', () => {
  const text = bad.replace(' # meant: ready after 2 successes', '');
  const fixed = assertFixClears(text, ID, { title: 'Remove successThreshold' });
  assert.doesNotMatch(fixed, /successThreshold/);
});
