import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-negative-field';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet: {path: /, port: 8080}
        periodSeconds: -10
`;

test('a negative timing field is an error on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '-10');
  assert.match(said(finding), /must be greater than or equal to 0/);
  assert.match(said(finding), /default \(10 s\)/);
});

test('an explicit 0 is an info saying what the default is; initialDelaySeconds: 0 is silent', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        livenessProbe:
          tcpSocket: {port: 8080}
          initialDelaySeconds: 0
          timeoutSeconds: 0
          failureThreshold: 0
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => [f.severity, f.path.at(-1), textOf(text, f)]),
    [
      ['info', 'timeoutSeconds', '0'],
      ['info', 'failureThreshold', '0'],
    ],
  );
  assert.match(said(findings[0]), /means 1 s/);
  assert.match(said(findings[1]), /means 3/);
});

test('positive values produce nothing', () => {
  const text = bad.replace('-10', '15');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document: DaemonSet template in the second document', () => {
  const text = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: ops
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:3
            startupProbe:
              exec: {command: [ls]}
              failureThreshold: -1
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
  assert.equal(textOf(text, finding), '-1');
});

test('fix: remove the negative field (preferred)', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove periodSeconds' });
  assert.doesNotMatch(fixed, /periodSeconds/);
});

test('fix: drop the minus sign', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Use 10' });
  assert.match(fixed, /periodSeconds: 10/);
});

test('no "drop the minus" fix that would make liveness successThreshold invalid', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        livenessProbe:
          tcpSocket: {port: 8080}
          successThreshold: -2
  `;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Remove successThreshold (defaults to 1)'],
  );
  assertFixClears(text, ID);
});

test('fix for the info variant: write the default explicitly (safe), or remove', () => {
  const text = bad.replace('-10', '0');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'info');
  assert.equal(finding.fixes.find((f) => f.preferred).safe, true);
  const fixed = assertFixClears(text, ID, { title: 'Set periodSeconds to 10' });
  assert.match(fixed, /periodSeconds: 10/);
  assertFixClears(text, ID, { title: 'Remove periodSeconds' });
});
