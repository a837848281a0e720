import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'hpa-spec-invalid';

const hpa = (bounds, target = '{apiVersion: apps/v1, kind: Deployment, name: web}') => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef: ${target}
    ${bounds}
`;

test('maxReplicas below minReplicas: error on maxReplicas, fix raises it', () => {
  const text = hpa('minReplicas: 3\n  maxReplicas: 2');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 7);
  assert.equal(textOf(text, finding), '2');
  assert.match(finding.detail, /must be greater than or equal to `minReplicas`/);
  assertFixClears(text, ID);
});

test('boundaries: minReplicas 1 and maxReplicas = minReplicas are accepted', () => {
  assert.deepEqual(findingsOf(hpa('minReplicas: 1\n  maxReplicas: 1'), ID), []);
  assert.deepEqual(findingsOf(hpa('maxReplicas: 5'), ID), []);
});

test('minReplicas 0 and maxReplicas 0', () => {
  const zero = hpa('minReplicas: 0\n  maxReplicas: 3');
  const [finding] = findingsOf(zero, ID);
  assert.equal(textOf(zero, finding), '0');
  assert.match(finding.detail, /HPAScaleToZero/);
  assertFixClears(zero, ID);
  assert.match(findingsOf(hpa('maxReplicas: 0'), ID)[0].message, /maxReplicas 0 must be greater than 0/);
});

test('scaleTargetRef kind or name that cannot be a path segment, or empty', () => {
  const text = hpa('maxReplicas: 3', '{apiVersion: apps/v1, kind: apps/Deployment, name: ""}');
  const messages = findingsOf(text, ID).map((finding) => finding.message);
  assert.deepEqual(messages, ['scaleTargetRef.kind "apps/Deployment" may not contain \'/\'', 'scaleTargetRef.name is empty']);
});

test('autoscaling/v1 and a multi-document file with the workload', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
    ---
    apiVersion: autoscaling/v1
    kind: HorizontalPodAutoscaler
    metadata:
      name: web
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      minReplicas: 4
      maxReplicas: 2
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 23);
});
