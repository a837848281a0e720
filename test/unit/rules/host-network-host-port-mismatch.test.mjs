import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'host-network-host-port-mismatch';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    hostNetwork: true # node network
    containers:
    - name: app
      image: app:1.0
      ports:
      - containerPort: 8080
        hostPort: 80
`;

test('hostPort different from containerPort under hostNetwork is an error', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '80');
  assert.match(said(finding), /must match `containerPort` when `hostNetwork` is true/);
});

test('no hostNetwork, equal ports or an omitted hostPort are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('hostNetwork: true', 'hostNetwork: false'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('hostPort: 80', 'hostPort: 8080'), ID), []);
  assert.deepEqual(findingsOf(bad.replace(/\n\s*hostPort: 80/, ''), ID), []);
});

test('DaemonSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: exporter
    spec:
      selector:
        matchLabels: {app: exporter}
      template:
        metadata:
          labels: {app: exporter}
        spec:
          hostNetwork: true
          containers:
          - name: exporter
            image: node-exporter:1.8.0
            ports: [{containerPort: 9100, hostPort: 19100}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 20);
});

test('fix: remove hostPort', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove hostPort' });
  assert.doesNotMatch(fixed, /hostPort/);
});

test('fix: set hostPort to the containerPort', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set hostPort to 8080' });
  assert.match(fixed, /hostPort: 8080/);
});
