import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'hpa-metric-invalid';

/** An autoscaling/v2 HPA with these metrics (written from column 0). */
const hpa = (metrics) => hpaText(metrics.replace(/\n/g, '\n  '));

const hpaText = (metrics) => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: web
  spec:
    scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
    maxReplicas: 5
    metrics:
    ${metrics}
`;

test('type Resource filled under "pods": error on the wrong block, fix renames it', () => {
  const text = hpa('- type: Resource\n  pods:\n    name: cpu\n    target: {type: Utilization, averageUtilization: 80}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), 'pods');
  assert.match(finding.detail, /must populate information for the given metric source/);
  assertFixClears(text, ID);
});

test('valid metrics of every source are silent', () => {
  const text = hpa(
    [
      '- type: Resource',
      '  resource: {name: cpu, target: {type: Utilization, averageUtilization: 1}}',
      '- type: ContainerResource',
      '  containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 500Mi}}',
      '- type: Pods',
      '  pods: {metric: {name: packets-per-second}, target: {type: AverageValue, averageValue: 1k}}',
      '- type: Object',
      '  object: {describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main}, metric: {name: requests}, target: {type: Value, value: "10"}}',
      '- type: External',
      '  external: {metric: {name: "pubsub.googleapis.com|subscription|num_undelivered_messages"}, target: {type: AverageValue, averageValue: 30}}',
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(text, ID), []);
});

test('target values: missing, zero, both', () => {
  const text = hpa(
    [
      '- type: Resource',
      '  resource: {name: cpu, target: {type: Utilization, averageUtilization: 0}}',
      '- type: Pods',
      '  pods: {metric: {name: qps}, target: {type: Value, value: 10}}',
      '- type: External',
      '  external: {metric: {name: queue}, target: {type: Value, value: 5, averageValue: 1}}',
      '- type: Object',
      '  object: {describedObject: {kind: Service, name: web}, metric: {name: rps}, target: {type: Value, value: "0"}}',
    ].join('\n'),
  );
  const messages = findingsOf(text, ID).map((finding) => finding.message);
  assert.deepEqual(messages, [
    'Metric target averageUtilization 0 must be greater than 0',
    'Metric target sets no averageValue',
    'Metric target may not set both averageValue and value',
    'Metric target value must be positive',
  ]);
});

test('two source blocks in one metric; autoscaling/v1 target utilization', () => {
  const text = hpa(
    '- type: Resource\n  resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}\n  pods: {metric: {name: qps}, target: {type: AverageValue, averageValue: 1}}',
  );
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'pods');
  assert.match(finding.detail, /must populate the given metric source only/);
  const v1 = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: web
    ---
    apiVersion: autoscaling/v1
    kind: HorizontalPodAutoscaler
    metadata:
      name: web
      namespace: web
    spec:
      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
      maxReplicas: 3
      targetCPUUtilizationPercentage: 0
  `;
  const [old] = findingsOf(v1, ID);
  assert.equal(old.documentIndex, 1);
  assert.equal(textOf(v1, old), '0');
});
