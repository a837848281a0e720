import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'image-pull-policy-implicit';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('an omitted policy on a pinned tag is not reported: the hover on image says IfNotPresent (issue #11)', () => {
  assert.deepEqual(findingsOf(text, ID), []);
  assert.deepEqual(findingsOf(text.replace('nginx:1.27', `nginx@sha256:${'b'.repeat(64)}`), ID), []);
  // latest alone (or no tag) is image-latest-tag's finding.
  assert.deepEqual(findingsOf(text.replace('nginx:1.27', 'nginx'), ID), []);
  assert.deepEqual(findingsOf(text.replace('nginx:1.27', 'nginx:latest'), ID), []);
});

test('latest+digest: an info, the default is Always despite the digest', () => {
  const both = text.replace('nginx:1.27', `nginx:latest@sha256:${'b'.repeat(64)}`);
  const [finding, ...rest] = findingsOf(both, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(both, finding), 'image');
  assert.equal(finding.message, 'Container "web": imagePullPolicy defaults to Always despite the digest');
  assert.match(finding.detail, /":latest" gives Always, even when a digest pins the image/);
});

test('an explicit policy is fine', () => {
  assert.deepEqual(findingsOf(text.replace('image: nginx:1.27', 'image: nginx:1.27\n    imagePullPolicy: Always'), ID), []);
});

test('Job template in a multi-document file', () => {
  const multi = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: once
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: run
            image: task:latest@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc
  `;
  const [finding] = findingsOf(multi, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(multi, finding), 15);
});

test('fixes: IfNotPresent (preferred: the digest pins the image), or Always made explicit', () => {
  const both = text.replace('nginx:1.27', `nginx:latest@sha256:${'b'.repeat(64)}`);
  const fixed = assertFixClears(both, ID);
  assert.match(fixed, /image: nginx:latest@sha256:b+\n {4}imagePullPolicy: IfNotPresent\n/);
  assert.match(assertFixClears(both, ID, { title: 'Always' }), /imagePullPolicy: Always\n/);
});
