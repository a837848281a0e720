import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'shutdown-prestop-zero-grace';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    terminationGracePeriodSeconds: 0
    containers:
    - name: web
      image: web:3.2
      lifecycle:
        preStop:
          exec: {command: [/bin/drain]}
      ports: [{containerPort: 80}]
`;

test('a preStop hook with a zero grace period is a warning on the hook', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'preStop');
  assert.match(said(finding), /never runs/);
});

test('a positive or defaulted grace period, or no preStop: nothing', () => {
  assert.deepEqual(findingsOf(bad.replace('terminationGracePeriodSeconds: 0', 'terminationGracePeriodSeconds: 1'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('  terminationGracePeriodSeconds: 0\n', ''), ID), []);
  const noHook = bad.replace('    lifecycle:\n      preStop:\n        exec: {command: [/bin/drain]}\n', '');
  assert.deepEqual(findingsOf(noHook, ID), []);
});

test('multi-document StatefulSet template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
    spec:
      serviceName: web
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          terminationGracePeriodSeconds: 0
          containers:
          - name: web
            image: web:3.2
            lifecycle:
              preStop:
                exec: {command: [/bin/drain]}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});

test('fix: drop the zero grace period', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove terminationGracePeriodSeconds: 0' });
  assert.doesNotMatch(fixed, /terminationGracePeriodSeconds/);
});

test('fix: remove the hook', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove the preStop hook' });
  assert.doesNotMatch(fixed, /preStop/);
  assert.match(fixed, /ports: \[\{containerPort: 80\}\]/);
});
