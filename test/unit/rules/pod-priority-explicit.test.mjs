import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'pod-priority-explicit';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: agent
  spec:
    priorityClassName: system-node-critical
    priority: 1000
    preemptionPolicy: Never
    containers:
    - name: app
      image: app:1.0
`;

test('a priority or preemptionPolicy that differs from a system class is an error', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(findings[0].severity, 'error');
  assert.equal(lineOf(bad, findings[0]), 6);
  assert.equal(textOf(bad, findings[0]), '1000');
  assert.match(said(findings[0]), /computed 2000001000 from the given PriorityClass name/);
  assert.match(said(findings[1]), /computed PreemptLowerPriority/);
  assertFixClears(bad, ID);
});

test('a non-zero priority without a class is a warning (Deployment template, second document)', () => {
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
          priority: 100
          containers:
          - name: app
            image: app:1.0
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 14);
});

test('matching or exported values are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      priorityClassName: system-cluster-critical
      priority: 2000000000
      preemptionPolicy: PreemptLowerPriority
      containers:
      - name: app
        image: app:1.0
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: b
    spec:
      priority: 0
      priorityClassName: ""
      containers:
      - name: app
        image: app:1.0
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: c
    spec:
      priorityClassName: high
      priority: 1000000
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
