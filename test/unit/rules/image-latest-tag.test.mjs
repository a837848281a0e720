import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'image-latest-tag';

const pod = (image, extra = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: ${image}${extra}
`;

test('an untagged image is a warning on the value', () => {
  const text = pod('nginx');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'nginx');
  assert.match(finding.message, /^Container "web": the image has no tag, so it runs latest$/);
  assert.match(finding.detail, /Image "nginx" has no tag/);
  assert.match(said(finding), /imagePullPolicy defaults to Always/);
});

test('IfNotPresent does not make latest safe (seed 003)', () => {
  const text = pod('nginx', '\n    imagePullPolicy: IfNotPresent');
  assert.match(said(findingsOf(text, ID)[0]), /With imagePullPolicy IfNotPresent/);
});

test('registry host:port is parsed correctly', () => {
  const flagged = ['registry:5000/app', 'localhost:5000/team/app', 'nginx:latest', 'ghcr.io/org/app:latest'];
  const pinned = ['192.168.80.30/kgc-project/tomcat:v1', 'registry:5000/app:2.1', 'gavin/mycron:v1', 'nginx@sha256:' + 'a'.repeat(64), 'busybox:1.28'];
  for (const image of flagged) assert.equal(findingsOf(pod(image), ID).length, 1, image);
  for (const image of pinned) assert.deepEqual(findingsOf(pod(image), ID), [], image);
});

test('init containers in a Deployment template (multi-document)', () => {
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
          initContainers:
          - name: init
            image: busybox
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 18);
  assert.match(finding.message, /^Init container "init": the image has no tag/);
});
