import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'container-restart-policy-non-init';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app # per-container policy
  spec:
    containers:
    - name: app
      image: app:1.0
      restartPolicy: Always
`;

test('restartPolicy on an app container is an error before 1.35', () => {
  const [finding, ...rest] = findingsOf(bad, ID, { version: '1.34' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'restartPolicy');
  assert.match(said(finding), /may not be set for non-init containers/);
});

test('version boundary: info from 1.35 (ContainerRestartRules on by default)', () => {
  assert.equal(findingsOf(bad, ID, { version: '1.29' })[0].severity, 'error');
  assert.equal(findingsOf(bad, ID, { version: '1.34' })[0].severity, 'error');
  const [info] = findingsOf(bad, ID, { version: '1.35' });
  assert.equal(info.severity, 'info');
  assert.deepEqual(info.fixes, []);
});

test('init containers and containers without the field are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: app
    spec:
      initContainers:
      - name: log
        image: fluent-bit:3.0
        restartPolicy: Always
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID, { version: '1.33' }), []);
});

test('Deployment template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ServiceAccount
    metadata:
      name: sa
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
          containers:
          - name: web
            image: nginx:1.27
            restartPolicy: Always
  `;
  const [finding] = findingsOf(text, ID, { version: '1.33' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: remove it', () => {
  const fixed = assertFixClears(bad, ID, { options: { version: '1.33' } });
  assert.doesNotMatch(fixed, /restartPolicy/);
});
