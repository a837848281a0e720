import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-multi-document';
const STATIC = { staticPod: true };

const pod = (name) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
  spec:
    containers:
    - name: app
      image: nginx:1.27
`;

test('a second Pod in a static-Pod file: warning on the ignored document', () => {
  const text = pod('first') + '---\n' + pod('second');
  const [finding, ...rest] = findingsOf(text, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), 'apiVersion');
  assert.match(said(finding), /The kubelet ignores this Pod "second": it reads only the first document/);
  assert.deepEqual(findingsOf(text, ID), [], 'regular manifests may hold many documents');
});

test('an empty first document makes the whole file fail: error', () => {
  const text = '---\n# the pod\n---\n' + pod('web');
  const [finding] = findingsOf(text, ID, STATIC);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.documentIndex, 1);
  assert.match(said(finding), /first YAML document of this file is empty/);
});

test('one document (a leading --- is fine) is not reported, also with the marker comment', () => {
  assert.deepEqual(findingsOf('---\n' + pod('web'), ID, STATIC), []);
  const marked = '# podwise: static-pod\n' + pod('a') + '---\n' + pod('b');
  assert.equal(findingsOf(marked, ID).length, 1);
});
