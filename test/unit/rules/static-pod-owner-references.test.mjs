import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-owner-references';
const STATIC = { staticPod: true };

const pod = (metadataExtra) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # static web
    ${metadataExtra}
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('ownerReferences in a static Pod: warning on the key, safe fix', () => {
  const text = pod('ownerReferences: [{apiVersion: v1, kind: Node, name: node01, uid: "1234", controller: true}]');
  const [finding, ...rest] = findingsOf(text, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'ownerReferences');
  assert.equal(lineOf(text, finding), 4);
  assert.match(said(finding), /single owner reference set to itself/);
  assertFixClears(text, ID, { options: STATIC });
});

test('no ownerReferences, or a regular manifest: fine', () => {
  assert.deepEqual(findingsOf(pod('labels: {app: web}'), ID, STATIC), []);
  assert.deepEqual(findingsOf(pod('ownerReferences: [{apiVersion: v1, kind: Node, name: n, uid: "1"}]'), ID), []);
});

test('marker comment and multi-document: the first document only', () => {
  const bad = pod('ownerReferences: [{apiVersion: v1, kind: Node, name: n, uid: "1"}]');
  const text = '# podwise: static-pod\n' + bad + '---\n' + bad;
  assert.deepEqual(
    findingsOf(text, ID).map((finding) => finding.documentIndex),
    [0],
  );
});
