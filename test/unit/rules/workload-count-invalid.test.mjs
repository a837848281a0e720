import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'workload-count-invalid';

const deployment = (fields) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    ${fields}
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

test('negative replicas: error on the value, fix removes it', () => {
  const text = deployment('replicas: -1');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 5);
  assert.equal(textOf(text, finding), '-1');
  assert.match(finding.message, /replicas -1 is negative/);
  assert.match(finding.detail, /must be greater than or equal to 0/);
  assertFixClears(text, ID);
});

test('zero is the boundary and is accepted', () => {
  assert.deepEqual(findingsOf(deployment('replicas: 0'), ID), []);
  assert.deepEqual(findingsOf(deployment('minReadySeconds: 0'), ID), []);
  assert.deepEqual(findingsOf(deployment('revisionHistoryLimit: 0'), ID), []);
});

test('minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds of a Deployment', () => {
  const text = deployment('minReadySeconds: -5\n  revisionHistoryLimit: -1');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => textOf(text, finding)),
    ['-5', '-1'],
  );
  assert.equal(findingsOf(deployment('progressDeadlineSeconds: -3'), ID).length, 1);
});

test('StatefulSet partition and ordinals.start; partition is ignored with OnDelete', () => {
  const statefulSet = (strategy) => yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      ordinals:
        start: -2
      updateStrategy: ${strategy}
      selector:
        matchLabels: {app: db}
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
  `;
  const text = statefulSet('{rollingUpdate: {partition: -1}}');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => finding.path.join('.')),
    ['spec.ordinals.start', 'spec.updateStrategy.rollingUpdate.partition'],
  );
  assert.equal(findingsOf(statefulSet('{type: OnDelete}'), ID).length, 1);
});

test('DaemonSet has no replicas but minReadySeconds; ReplicationController in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      replicas: "-1"
    ---
    apiVersion: v1
    kind: ReplicationController
    metadata:
      name: legacy
    spec:
      replicas: -3
      selector: {app: legacy}
      template:
        metadata:
          labels: {app: legacy}
        spec:
          containers:
          - name: app
            image: nginx:1.27
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      minReadySeconds: -1
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: fluentd:1.16
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => [finding.documentIndex, lineOf(text, finding), textOf(text, finding)]),
    [
      [1, 12, '-3'],
      [2, 27, '-1'],
    ],
  );
});
