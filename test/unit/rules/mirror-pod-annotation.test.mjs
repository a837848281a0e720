import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'mirror-pod-annotation';

const pod = (specExtra) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: kube-scheduler-node01
    namespace: kube-system
    annotations:
      kubernetes.io/config.hash: 5f1c # copied from kubectl get -o yaml
      kubernetes.io/config.mirror: 5f1c
  spec:
    ${specExtra}
    containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.34.0
`;

test('the mirror annotation without spec.nodeName: error on the annotation key, safe fix', () => {
  const text = pod('priorityClassName: system-node-critical');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'kubernetes.io/config.mirror');
  assert.equal(lineOf(text, finding), 7);
  assert.match(said(finding), /must set spec\.nodeName if mirror pod annotation is set/);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(text, ID);
  assert.doesNotMatch(fixed, /config\.mirror/);
});

test('with nodeName the API accepts it, but the kubelet treats it as a mirror: warning', () => {
  const [finding] = findingsOf(pod('nodeName: node01'), ID);
  assert.equal(finding.severity, 'warning');
  assert.match(finding.message, /kubelet on "node01" treat this as a mirror Pod/);
  assert.match(said(finding), /deletes a mirror Pod without a static Pod behind it/);
});

test('in a static-Pod manifest it is a leftover: warning', () => {
  const [finding] = findingsOf(pod('nodeName: node01'), ID, { staticPod: true });
  assert.equal(finding.severity, 'warning');
});

test('workload templates are checked; Pods without the annotation are fine', () => {
  const deployment = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: web}
      ports: [{port: 80}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
          annotations: {kubernetes.io/config.mirror: abc}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            ports: [{containerPort: 80}]
  `;
  const [finding] = findingsOf(deployment, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(deployment, finding), 18);
  assert.deepEqual(findingsOf(pod('nodeName: n').replace('    kubernetes.io/config.mirror: 5f1c\n', ''), ID), []);
});
