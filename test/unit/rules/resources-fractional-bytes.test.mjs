import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'resources-fractional-bytes';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      resources:
        limits:
          memory: 512m
`;

test('512m of memory is a warning on the value, with the Mi fix first', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), '512m');
  assert.match(said(finding), /fractional byte value "512m" is invalid, must be an integer/);
  assert.equal(finding.fixes[0].title, 'Change 512m to 512Mi');
  assert.equal(finding.fixes[0].preferred, true);
});

test('other fractions are flagged without a guess; whole bytes and cpu millis are fine', () => {
  const fractional = bad.replace('memory: 512m', 'ephemeral-storage: "1.5"');
  const [finding] = findingsOf(fractional, ID);
  assert.deepEqual(finding.fixes, []);
  assert.deepEqual(findingsOf(bad.replace('memory: 512m', 'memory: 0.5Ki'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('memory: 512m', 'cpu: 512m'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('memory: 512m', 'memory: 1500m'), ID).length, 1);
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
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: run
                image: task:1.0
                resources:
                  requests: {memory: 256m}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 20);
});

test('fix: 512m → 512Mi', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /memory: 512Mi\n/);
});
