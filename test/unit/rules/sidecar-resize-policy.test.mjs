import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'sidecar-resize-policy';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    initContainers:
    - name: proxy
      image: envoy:1.30
      restartPolicy: Always
      # resize in place
      resizePolicy:
      - resourceName: cpu
        restartPolicy: NotRequired
    containers:
    - name: app
      image: app:1.0
`;

test('resizePolicy on an init container is rejected before 1.33', () => {
  const [finding, ...rest] = findingsOf(bad, ID, { version: '1.32' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'resizePolicy');
  assert.match(said(finding), /must not be set for init containers/);
});

test('version boundary: allowed from 1.33 (in-place resize on by default)', () => {
  assert.equal(findingsOf(bad, ID, { version: '1.32' }).length, 1);
  assert.deepEqual(findingsOf(bad, ID, { version: '1.33' }), []);
});

test('resizePolicy on an app container is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      containers:
      - name: app
        image: app:1.0
        resizePolicy:
        - resourceName: cpu
          restartPolicy: NotRequired
  `;
  assert.deepEqual(findingsOf(text, ID, { version: '1.30' }), []);
});

test('StatefulSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
            resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}]
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID, { version: '1.31' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});

test('fix: remove resizePolicy', () => {
  const fixed = assertFixClears(bad, ID, { options: { version: '1.32' } });
  assert.doesNotMatch(fixed, /resizePolicy/);
  assert.match(fixed, /restartPolicy: Always/);
});
