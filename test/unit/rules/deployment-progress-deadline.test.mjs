import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'deployment-progress-deadline';

const deployment = (fields) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    ${fields}
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('progressDeadlineSeconds not above minReadySeconds: error on the deadline value', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      minReadySeconds: 60 # wait a minute
      progressDeadlineSeconds: 60
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '60');
  assert.equal(lineOf(text, finding), 6);
  assert.match(said(finding), /progressDeadlineSeconds 60 must be greater than minReadySeconds \(60\)/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /progressDeadlineSeconds: 660/);
});

test('the defaulted deadline of 600 s counts too', () => {
  const text = deployment('minReadySeconds: 900');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '900');
  assert.match(said(finding), /the default progressDeadlineSeconds \(600\)/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /minReadySeconds: 900\n  progressDeadlineSeconds: 1500/);
});

test('a deadline above minReadySeconds, or the defaults, are fine', () => {
  assert.deepEqual(findingsOf(deployment('minReadySeconds: 10'), ID), []);
  assert.deepEqual(findingsOf(deployment('progressDeadlineSeconds: 120'), ID), []);
  assert.deepEqual(findingsOf(deployment('replicas: 1'), ID), []);
});

test('multi-document file: only the offending Deployment', () => {
  const text = deployment('progressDeadlineSeconds: 30') + '---\n' + deployment('progressDeadlineSeconds: 0').replace('name: web', 'name: api');
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.equal(textOf(text, findings[0]), '0');
});
