import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'host-port-conflict';

test('two app containers claiming TCP hostPort 8080 is an error on the later one', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: a
        image: a:1.0
        ports: [{containerPort: 80, hostPort: 8080}]
      - name: b
        image: b:1.0
        ports: [{containerPort: 81, hostPort: 8080}]
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 11);
  assert.equal(textOf(text, finding), '8080');
  assert.match(said(finding), /Duplicate value: "TCP\/\/8080"/);
});

test('different protocols or hostIPs do not conflict; init containers run one at a time', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: i1
        image: busybox:1.36
        ports: [{containerPort: 80, hostPort: 8080}]
      - name: i2
        image: busybox:1.36
        ports: [{containerPort: 80, hostPort: 8080}]
      containers:
      - name: a
        image: a:1.0
        ports: [{containerPort: 53, hostPort: 53, protocol: UDP}, {containerPort: 53, hostPort: 53}]
      - name: b
        image: b:1.0
        ports: [{containerPort: 80, hostPort: 8080, hostIP: 10.0.0.1}, {containerPort: 81, hostPort: 8080, hostIP: 10.0.0.2}]
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('hostNetwork Pods: an omitted hostPort defaults to the containerPort', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      hostNetwork: true
      containers:
      - name: a
        image: a:1.0
        ports: [{containerPort: 9100}]
      - name: b
        image: b:1.0
        ports: [{containerPort: 9100}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(finding.path, ['spec', 'containers', 1, 'ports', 0, 'containerPort']);
  assert.match(said(finding), /defaults to the containerPort/);
});

test('DaemonSet template in a multi-document file (no defaulting in templates)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: a
            image: a:1.0
            ports: [{containerPort: 80, hostPort: 80}]
          - name: b
            image: b:1.0
            ports: [{containerPort: 80, hostPort: 80}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});
