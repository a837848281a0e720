import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'resources-pod-level-exceeded';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    resources:
      requests: {cpu: "1"}
      limits: {cpu: "1", memory: 200Mi}
    containers:
    - name: a
      image: app:1.0
      resources:
        requests: {cpu: 600m}
    - name: b
      image: app:1.0
      resources:
        limits: {cpu: 500m, memory: 300Mi}
`;

test('containers requesting more than the Pod, and a limit above the Pod limit', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  // memory: container b's request defaults to its 300Mi limit, the Pod's to its 200Mi limit.
  assert.equal(lineOf(bad, findings[0]), 5);
  assert.equal(textOf(bad, findings[0]), 'resources');
  assert.match(said(findings[0]), /aggregate container requests of memory/);
  assert.equal(lineOf(bad, findings[1]), 6);
  assert.equal(textOf(bad, findings[1]), '"1"');
  assert.match(said(findings[1]), /must be greater than or equal to aggregate container requests of cpu/);
  assert.equal(lineOf(bad, findings[2]), 16);
  assert.equal(textOf(bad, findings[2]), '300Mi');
  assert.match(said(findings[2]), /must be less than or equal to pod limits of 200Mi/);
});

test('before 1.34 Pod-level resources are off by default (no finding)', () => {
  assert.deepEqual(findingsOf(bad, ID, { version: '1.33' }), []);
});

test('a Pod budget that holds its containers is fine (Deployment template, second document)', () => {
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
          resources:
            limits: {cpu: "1", memory: 200Mi}
            requests: {cpu: "1", memory: 100Mi}
          containers:
          - name: a
            image: app:1.0
            resources:
              limits: {cpu: 500m, memory: 100Mi}
              requests: {cpu: 500m, memory: 50Mi}
          - name: b
            image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
