import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'container-image-missing';

test('an empty image is an error on the value', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: ""
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '""');
  assert.match(said(finding), /containers\[0\]\.image: Required value/);
});

test('a missing image is reported on the container', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: init
      containers:
      - name: app
        image: app:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'name: init');
  assert.match(said(finding), /Init container "init" has no image/);
});

test('images are fine; whitespace is allowed in templates', () => {
  const text = yaml`
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
          containers:
          - name: web
            image: " nginx:1.27"
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('an unfilled placeholder is a warning', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: private-reg
    spec:
      containers:
      - name: app
        image: <your-private-image>
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'warning');
  assert.match(said(finding), /InvalidImageName/);
  assert.deepEqual(findingsOf(text, 'image-latest-tag'), []);
});

const spaced = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: "nginx:1.27 "
`;

test('multi-document: leading/trailing whitespace in a Pod image', () => {
  const [finding] = findingsOf(spaced, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(spaced, finding), 12);
  assert.match(said(finding), /must not have leading or trailing whitespace/);
});

test('fix: trim the image', () => {
  const fixed = assertFixClears(spaced, ID);
  assert.match(fixed, /image: nginx:1\.27\n/);
});
