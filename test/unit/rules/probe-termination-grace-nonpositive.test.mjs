import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-termination-grace-nonpositive';

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
        exec: {command: ["true"]}
        terminationGracePeriodSeconds: 0
`;

test('0 on a liveness probe is an error (unlike the Pod-level field)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '0');
  assert.match(said(finding), /must be greater than 0/);
  assert.match(said(finding), /defaults to 30/);
});

test('negative on a startup probe is an error; positive values and readiness are not ours', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      terminationGracePeriodSeconds: 0
      containers:
      - name: web
        image: nginx:1.27
        startupProbe:
          tcpSocket: {port: 80}
          terminationGracePeriodSeconds: -5
        livenessProbe:
          tcpSocket: {port: 80}
          terminationGracePeriodSeconds: 1
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]), '-5');
  assert.match(said(findings[0]), /terminationGracePeriodSeconds \(0\)/);
});

test('multi-document Job template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: migrate
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: migrate
            image: migrate:1.4
            livenessProbe:
              exec: {command: ["true"]}
              terminationGracePeriodSeconds: 0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 18);
});

test('fix: remove (use the Pod grace period)', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove it' });
  assert.doesNotMatch(fixed, /terminationGracePeriodSeconds/);
});

test('fix: set to 1', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set it to 1' });
  assert.match(fixed, /terminationGracePeriodSeconds: 1/);
});
