import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { deploymentIn, refFindings } from '../../helpers/references.mjs';

const ID = 'scale-target-missing';

const HPA = yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
    namespace: shop
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: web
    minReplicas: 2
    maxReplicas: 5
`;

test('the Deployment in another file: nothing to say', () => {
  assert.deepEqual(refFindings(HPA, ID, { files: { '/work/app/deploy.yaml': deploymentIn('web') } }), []);
});

test('a target no file defines: info at the name; warning when complete', () => {
  const [finding, ...rest] = refFindings(HPA, ID, { files: { '/work/app/deploy.yaml': deploymentIn('api') } });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(HPA, finding), 9);
  assert.equal(textOf(HPA, finding), 'web');
  assert.equal(finding.message, 'HorizontalPodAutoscaler "web" scales Deployment "web", which was not found');
  assert.match(finding.detail, /FailedGetScale/);
  assert.equal(refFindings(HPA, ID, { files: {}, workspaceIsComplete: true })[0].severity, 'warning');
});

test('namespace mismatch; same multi-document file; custom kinds are left alone; no run: silent', () => {
  assert.equal(refFindings(HPA, ID, { files: { '/work/app/deploy.yaml': deploymentIn('web', 'other') } }).length, 1);
  assert.deepEqual(refFindings(deploymentIn('web') + '---\n' + HPA, ID, { files: {} }), []);
  assert.deepEqual(refFindings(HPA.replace('kind: Deployment', 'kind: Widget').replace('apps/v1', 'example.com/v1'), ID, { files: {} }), []);
  assert.deepEqual(refFindings(HPA, ID, { alone: true }), []);
});

test('a VerticalPodAutoscaler targetRef', () => {
  const text = yaml`
    apiVersion: autoscaling.k8s.io/v1
    kind: VerticalPodAutoscaler
    metadata:
      name: web
    spec:
      targetRef:
        apiVersion: apps/v1
        kind: StatefulSet
        name: db
  `;
  const [finding] = refFindings(text, ID, { files: {} });
  assert.equal(textOf(text, finding), 'db');
});
