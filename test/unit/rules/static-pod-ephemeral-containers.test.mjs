import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-ephemeral-containers';
const STATIC = { staticPod: true };

const pod = (extra) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # the web server
  spec:
    containers:
    - name: web
      image: nginx:1.27
    ${extra}
`;

test('ephemeralContainers in a static Pod: error on the key, safe fix', () => {
  const text = pod('ephemeralContainers: [{name: debug, image: busybox:1.36}]');
  const [finding, ...rest] = findingsOf(text, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'ephemeralContainers');
  assert.equal(lineOf(text, finding), 8);
  assert.match(said(finding), /cannot be set on create/);
  assert.equal(finding.fixes[0].safe, true);
  assertFixClears(text, ID, { options: STATIC });
  // The general rule stays quiet on static Pods, so there is one finding, not two.
  assert.deepEqual(
    check(text, STATIC).filter((f) => f.ruleId === 'ephemeral-containers-in-manifest'),
    [],
  );
});

test('an empty list, no field, or a regular manifest: not this rule', () => {
  assert.deepEqual(findingsOf(pod('ephemeralContainers: []'), ID, STATIC), []);
  assert.deepEqual(findingsOf(pod('restartPolicy: Always'), ID, STATIC), []);
  assert.deepEqual(findingsOf(pod('ephemeralContainers: [{name: debug, image: busybox:1.36}]'), ID), []);
});

test('the marker comment, and only the first document', () => {
  const bad = pod('ephemeralContainers: [{name: debug, image: busybox:1.36}]');
  const text = '# podwise: static-pod\n' + pod('restartPolicy: Always') + '---\n' + bad;
  assert.deepEqual(findingsOf(text, ID), []);
  assert.equal(findingsOf('# podwise: static-pod\n' + bad, ID).length, 1);
});
