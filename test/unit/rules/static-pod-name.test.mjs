import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'static-pod-name';
const STATIC = { staticPod: true };

test('seed 000-mycron: no errors or warnings, and the mirror Pod advice as info', () => {
  const text = readFileSync('/work/shared/seeds/manifests/000-mycron-static-pod.yaml', 'utf8');
  const loud = check(text, STATIC).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  assert.deepEqual(
    loud.map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
  const [finding] = findingsOf(text, ID, STATIC);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), 'mycron');
  assert.match(finding.message, /mirror Pod "mycron-<nodeName>" in namespace default/);
  assert.match(finding.message, /kubectl delete pod does not stop or restart it/);
  assert.match(finding.message, /edit this file/);
});

test('a static Pod without a name: error', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID, STATIC);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'metadata');
  assert.match(finding.message, /name is needed for the pod/);
});

test('a hand-written nodeName is overwritten (info, safe fix); namespace is named', () => {
  const text = yaml`
    # podwise: static-pod
    apiVersion: v1
    kind: Pod
    metadata:
      name: etcd
      namespace: kube-system
    spec:
      nodeName: node01
      containers:
      - name: etcd
        image: registry.k8s.io/etcd:3.5.15-0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.match(findings[0].message, /"etcd-<nodeName>" in namespace kube-system/);
  assert.equal(textOf(text, findings[1]), 'nodeName');
  assert.equal(findings[1].severity, 'info');
  assert.equal(lineOf(text, findings[1]), 7);
  assertFixClears(text, ID, { index: 1 });
});

test('only the first document and only static manifests', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      containers:
      - name: a
        image: nginx:1.27
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: b
    spec:
      containers:
      - name: b
        image: nginx:1.27
  `;
  const findings = findingsOf(text, ID, STATIC);
  assert.deepEqual(
    findings.map((finding) => finding.documentIndex),
    [0],
  );
  assert.deepEqual(findingsOf(text, ID), []);
});
