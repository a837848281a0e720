import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'init-container-restart-policy';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    initContainers:
    - name: log
      image: fluent-bit:3.0
      restartPolicy: OnFailure
    # meant as a sidecar?
    containers:
    - name: app
      image: app:1.0
`;

test('OnFailure on an init container is rejected before 1.35', () => {
  const [finding, ...rest] = findingsOf(bad, ID, { version: '1.34' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'OnFailure');
  assert.match(said(finding), /supported values: "Always"/);
});

test('version boundary: accepted from 1.35 (ContainerRestartRules beta)', () => {
  assert.equal(findingsOf(bad, ID, { version: '1.34' }).length, 1);
  assert.deepEqual(findingsOf(bad, ID, { version: '1.35' }), []);
  assert.deepEqual(findingsOf(bad, ID, { version: '1.36' }), []);
});

test('restartPolicy: Always (sidecar) is fine on every version', () => {
  const text = bad.replace('OnFailure', 'Always');
  assert.deepEqual(findingsOf(text, ID, { version: '1.29' }), []);
});

test('CronJob template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              initContainers:
              - name: fetch
                image: curl:8.8.0
                restartPolicy: Never
              containers:
              - name: run
                image: task:1.0
  `;
  const [finding] = findingsOf(text, ID, { version: '1.33' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
  assert.equal(textOf(text, finding), 'Never');
});

test('fix: remove the field (run-once init container)', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove restartPolicy', options: { version: '1.33' } });
  assert.doesNotMatch(fixed, /restartPolicy: OnFailure/);
});

test('fix: make it a sidecar', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set restartPolicy: Always', options: { version: '1.33' } });
  assert.match(fixed, /restartPolicy: Always\n/);
});
