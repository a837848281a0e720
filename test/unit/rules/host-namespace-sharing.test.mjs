import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'host-namespace-sharing';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    hostNetwork: true
    hostPID: true
    containers:
    - name: web
      image: nginx:1.27
`;

test('hostNetwork and hostPID are warnings on the keys', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'warning'));
  assert.deepEqual(
    findings.map((f) => textOf(bad, f)),
    ['hostNetwork', 'hostPID'],
  );
});

test('static Pods in kube-system: hostNetwork is by design, not reported (seed 004)', () => {
  const text = bad.replace('name: web # pod', 'name: web # pod\n  namespace: kube-system');
  const findings = findingsOf(text, ID, { staticPod: true });
  assert.deepEqual(
    findings.map((f) => `${f.severity} ${textOf(text, f)}`),
    ['warning hostPID'],
  );
  assert.equal(findingsOf(text, ID)[0].severity, 'warning', 'not a static Pod: still a warning');
});

test('false or omitted is fine', () => {
  assert.deepEqual(findingsOf(bad.replace(/true/g, 'false'), ID), []);
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
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          hostIPC: true
          containers:
          - name: agent
            image: agent:2.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
});

test('fix: remove hostNetwork', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /hostNetwork/);
});
