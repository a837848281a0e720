import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'lifecycle-sleep-range';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec: # terminationGracePeriodSeconds omitted: 30
    containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        preStop:
          sleep: {seconds: 45}
`;

const sleepFor = (seconds, grace) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    ${grace === undefined ? '' : `terminationGracePeriodSeconds: ${grace}`}
    containers:
    - name: web
      image: nginx:1.27
      lifecycle:
        postStart:
          sleep:
            seconds: ${seconds}
`;

test('a sleep longer than the defaulted grace period is an error on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '45');
  assert.match(said(finding), /not set, so 30/);
  assert.match(said(finding), /must be non-negative and less than terminationGracePeriodSeconds \(30\)/);
});

test('equal to the grace period passes (the check is "greater than")', () => {
  assert.deepEqual(findingsOf(sleepFor(30), ID), []);
  assert.deepEqual(findingsOf(sleepFor(10, 10), ID), []);
  assert.equal(findingsOf(sleepFor(11, 10), ID).length, 1);
});

test('version boundary: 0 is rejected before 1.33 and allowed from 1.33; negatives always', () => {
  const [old] = findingsOf(sleepFor(0), ID, { version: '1.32' });
  assert.equal(old.severity, 'error');
  assert.equal(textOf(sleepFor(0), old), '0');
  assert.match(said(old), /Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep/);
  assert.deepEqual(findingsOf(sleepFor(0), ID, { version: '1.33' }), []);
  assert.equal(findingsOf(sleepFor(-1), ID, { version: '1.36' }).length, 1);
  assertFixClears(sleepFor(0), ID, { title: 'Set the sleep to 1 s', options: { version: '1.32' } });
});

test('multi-document Deployment with an explicit grace period', () => {
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
          terminationGracePeriodSeconds: 10
          containers:
          - name: web
            image: nginx:1.27
            lifecycle:
              preStop:
                sleep: {seconds: 15}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.match(said(finding), /terminationGracePeriodSeconds \(10\)/);
});

test('fix: raise the grace period to cover the sleep plus a margin', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Raise terminationGracePeriodSeconds to 60' });
  assert.match(fixed, /terminationGracePeriodSeconds: 60/);
});

test('fix: lower the sleep', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Lower the sleep to 25 s' });
  assert.match(fixed, /sleep: \{seconds: 25\}/);
});
