import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'pod-gate-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    readinessGates:
    - conditionType: "www.example.com/feature 1"
    schedulingGates:
    - name: example.com/quota
    - name: example.com/quota
    containers:
    - name: app
      image: app:1.0
`;

test('readiness gate condition types and scheduling gate names', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(lineOf(bad, findings[0]), 6);
  assert.equal(textOf(bad, findings[0]), '"www.example.com/feature 1"');
  assert.match(said(findings[0]), /name part must consist of alphanumeric characters/);
  assert.equal(lineOf(bad, findings[1]), 9);
  assert.match(said(findings[1]), /Duplicate value/);
  assertFixClears(bad, ID, { index: 1 });
});

test('valid gates are fine (Deployment template, second document)', () => {
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
          readinessGates: [{conditionType: www.example.com/feature-1}, {conditionType: Ready2}]
          containers:
          - name: app
            image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
