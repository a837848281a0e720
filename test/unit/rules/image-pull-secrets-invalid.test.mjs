import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'image-pull-secrets-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    imagePullSecrets:
    - name: registry
    - name: ""
    - name: registry
    containers:
    - name: app
      image: registry.example.com/app:1.0
`;

test('empty and repeated pull secret names are warnings', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(findings[0].severity, 'warning');
  assert.equal(lineOf(bad, findings[0]), 7);
  assert.equal(textOf(bad, findings[0]), '""');
  assert.match(said(findings[0]), /invalid empty name/);
  assert.equal(lineOf(bad, findings[1]), 8);
  assert.match(said(findings[1]), /duplicate name "registry"/);
  assertFixClears(bad, ID, { index: 1 });
});

test('distinct names are fine (Deployment template, second document)', () => {
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
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          imagePullSecrets: [{name: registry}, {name: mirror}]
          containers:
          - name: app
            image: registry.example.com/app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
