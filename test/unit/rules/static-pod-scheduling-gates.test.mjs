import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-scheduling-gates';
const STATIC = { staticPod: true };

const pod = (extra) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # static web
  spec:
    ${extra}
    containers:
    - name: web
      image: nginx:1.27
`;

test('schedulingGates in a static Pod: error on the key, safe fix', () => {
  const text = pod('schedulingGates: [{name: example.com/quota}]');
  const [finding, ...rest] = findingsOf(text, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'schedulingGates');
  assert.equal(lineOf(text, finding), 5);
  assert.match(said(finding), /cannot be set until all schedulingGates have been cleared/);
  assert.equal(finding.fixes[0].safe, true);
  assertFixClears(text, ID, { options: STATIC });
});

test('no gates, an empty list, or a regular Pod: fine', () => {
  assert.deepEqual(findingsOf(pod('restartPolicy: Always'), ID, STATIC), []);
  assert.deepEqual(findingsOf(pod('schedulingGates: []'), ID, STATIC), []);
  assert.deepEqual(findingsOf(pod('schedulingGates: [{name: x}]'), ID), []);
});

test('marker comment; the ignored second document is not reported', () => {
  const text = '# podwise: static-pod\n' + pod('restartPolicy: Always') + '---\n' + pod('schedulingGates: [{name: x}]');
  assert.deepEqual(findingsOf(text, ID), []);
});
