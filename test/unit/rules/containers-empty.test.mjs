import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'containers-empty';

test('an empty containers list is an error on the key', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers: []
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'containers');
  assert.match(said(finding), /spec\.containers: Required value/);
});

test('an empty spec (lost indentation) is reported on spec', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
    containers:
    - name: web
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /spec is empty/);
});

test('a Pod with a container is fine', () => {
  const ok = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(ok, ID), []);
});

test('a spec without containers gets exactly one error, this one (the schema-required twin is dropped)', () => {
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
          hostIPC: true
  `;
  const errors = check(text).filter((finding) => finding.severity === 'error');
  assert.deepEqual(
    errors.map((finding) => finding.ruleId),
    [ID],
  );
  assert.deepEqual(errors[0].path, ['spec', 'template', 'spec', 'containers']);
  assert.equal(textOf(text, errors[0]), 'spec');
  assert.match(said(errors[0]), /containers is missing.*"spec\.template\.spec\.containers: Required value"/);
  // Removing hostIPC (the host-namespace-sharing fix) leaves an empty spec: still this one error.
  const fixed = assertFixClears(text, 'host-namespace-sharing', { title: 'Remove hostIPC' });
  assert.deepEqual(
    check(fixed)
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.ruleId),
    [ID],
  );
});

test('a Pod spec with a null containers list is reported once, here', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      restartPolicy: Always
  `;
  const errors = check(text).filter((finding) => finding.severity === 'error');
  assert.deepEqual(
    errors.map((finding) => finding.ruleId),
    [ID],
  );
  assert.match(said(errors[0]), /containers is null/);
  assert.equal(textOf(text, errors[0]), 'containers');
});

test('Deployment template in a multi-document file', () => {
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
          containers: []
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
  assert.match(said(finding), /spec\.template\.spec\.containers: Required value/);
});
