import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'liveness-with-restart-never';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: task
  spec:
    restartPolicy: Never # one-shot
    containers:
    - name: task
      image: task:1.0
      livenessProbe:
        exec: {command: [cat, /tmp/alive]}
      resources: {}
`;

test('liveness with restartPolicy: Never is a warning on the probe key', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'livenessProbe');
  assert.match(said(finding), /ends Failed/);
});

test('Always (also by default) and OnFailure are fine; sidecars restart anyway', () => {
  assert.deepEqual(findingsOf(bad.replace('Never', 'OnFailure'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('  restartPolicy: Never # one-shot\n', ''), ID), []);
  const sidecar = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: task
    spec:
      restartPolicy: Never
      initContainers:
      - name: proxy
        image: proxy:1
        restartPolicy: Always
        livenessProbe:
          tcpSocket: {port: 15000}
      containers:
      - name: task
        image: task:1.0
  `;
  assert.deepEqual(findingsOf(sidecar, ID), []);
});

test('multi-document Job template mentions backoffLimit', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: import
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: import
            image: import:2
            livenessProbe:
              exec: {command: [cat, /tmp/alive]}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
  assert.match(said(finding), /backoffLimit/);
});

test('fix: remove the liveness probe', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove the livenessProbe' });
  assert.doesNotMatch(fixed, /livenessProbe/);
  assert.match(fixed, /image: task:1.0\n\s+resources: \{\}\n$/);
});

test('fix: restartPolicy OnFailure', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set restartPolicy to OnFailure' });
  assert.match(fixed, /restartPolicy: OnFailure # one-shot/);
});
