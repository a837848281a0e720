import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-kind';
const STATIC = { staticPod: true };

test('a Deployment in the manifest directory: error on kind', () => {
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
            image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID, STATIC);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'Deployment');
  assert.match(said(finding), /couldn't parse as pod/);
  assert.match(said(finding), /Pod template into a Pod manifest/);
  assert.deepEqual(findingsOf(text, ID), [], 'only static-Pod manifests are checked');
});

test('the "# podwise: static-pod" marker turns the rule on', () => {
  const text = yaml`
    # podwise: static-pod
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'ConfigMap');
  assert.equal(lineOf(text, finding), 2);
});

test('a Pod under the wrong apiVersion gets a safe fix', () => {
  const text = yaml`
    apiVersion: apps/v1 # copied from a Deployment
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID, STATIC);
  assert.equal(textOf(text, finding), 'apps/v1');
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(text, ID, { options: STATIC });
  assert.match(fixed, /^apiVersion: v1 # copied from a Deployment\n/);
});

test('a v1 Pod is fine; only the first document decides', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: ignored
  `;
  assert.deepEqual(findingsOf(text, ID, STATIC), []);
});

test('a static-Pod file whose first document has no apiVersion/kind is refused', () => {
  const text = 'metadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';
  const findings = findingsOf(text, 'static-pod-kind', { staticPod: true });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'error');
  assert.deepEqual(findingsOf(text, 'static-pod-kind'), []);
});
