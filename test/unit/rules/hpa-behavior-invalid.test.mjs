import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'hpa-behavior-invalid';

/** An autoscaling/v2 HPA with this behavior block (written from column 0). */
const hpa = (behavior) => hpaText(behavior.replace(/\n/g, '\n    '));

const hpaText = (behavior) => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
    maxReplicas: 5
    behavior:
      ${behavior}
`;

test('stabilization window over an hour: error on the value, fix caps it', () => {
  const text = hpa('scaleDown:\n  stabilizationWindowSeconds: 7200');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), '7200');
  assert.match(finding.detail, /must be less than or equal to 3600/);
  assertFixClears(text, ID);
});

test('boundaries are accepted: window 0 and 3600, period 1 and 1800, value 1', () => {
  const text = hpa(
    'scaleUp:\n  stabilizationWindowSeconds: 0\n  policies: [{type: Pods, value: 1, periodSeconds: 1}]\nscaleDown:\n  stabilizationWindowSeconds: 3600\n  selectPolicy: Disabled\n  policies: [{type: Percent, value: 100, periodSeconds: 1800}]',
  );
  assert.deepEqual(findingsOf(text, ID), []);
});

test('policy value 0, period out of range, and an empty policies list', () => {
  const text = hpa('scaleUp:\n  policies:\n  - {type: Pods, value: 0, periodSeconds: 1801}\nscaleDown:\n  policies: []');
  const messages = findingsOf(text, ID).map((finding) => finding.message);
  assert.deepEqual(messages, [
    'Scaling policy value 0 must be greater than zero',
    'Scaling policy periodSeconds 1801 is outside 1–1800',
    'Scaling rules with an empty policies list',
  ]);
  assertFixClears(text, ID, { index: 2 });
});

test('multi-document file: a second HPA is checked on its own document', () => {
  const text = `${hpa('scaleUp:\n  stabilizationWindowSeconds: 60')}---\n${hpa('scaleUp:\n  stabilizationWindowSeconds: -1')}`;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), '-1');
});
