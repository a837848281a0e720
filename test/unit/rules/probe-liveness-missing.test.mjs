import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-liveness-missing';
const ON = { rules: { [ID]: 'hint' } };

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('off by default', () => {
  assert.deepEqual(findingsOf(bad, ID), []);
});

test('when enabled: a hint on the container name', () => {
  const [finding, ...rest] = findingsOf(bad, ID, ON);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), 'web');
  assert.match(said(finding), /not when it hangs/);
});

test('a container with a liveness probe, sidecars and CronJobs are skipped', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: proxy
        image: proxy:1
        restartPolicy: Always
      containers:
      - name: web
        image: nginx:1.27
        livenessProbe:
          tcpSocket: {port: 80}
  `;
  assert.deepEqual(findingsOf(text, ID, ON), []);
  const cron = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: tick
    spec:
      schedule: "* * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: tick
                image: busybox:1.36
  `;
  assert.deepEqual(findingsOf(cron, ID, ON), []);
});

test('multi-document StatefulSet template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
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
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 18);
});
