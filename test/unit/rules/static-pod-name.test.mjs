import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { hoverAt } from '../../../dist/server/engine.js';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-name';
const STATIC = { staticPod: true };

test('seed 000-mycron: no finding; the mirror Pod advice is the hover on metadata.name (issue #11)', { skip: SEEDS_MISSING }, () => {
  const text = seedText('000-mycron-static-pod.yaml');
  const loud = check(text, STATIC).filter((finding) => finding.severity === 'error' || finding.severity === 'warning');
  assert.deepEqual(
    loud.map((finding) => `${finding.ruleId}: ${said(finding)}`),
    [],
  );
  assert.deepEqual(findingsOf(text, ID, STATIC), []);
  const hover = hoverAt(text, text.indexOf('mycron') + 1, { version: '1.36', staticPod: true });
  assert.match(hover?.markdown ?? '', /mycron-<nodeName>/);
  assert.match(hover?.markdown ?? '', /kubectl delete pod/);
  assert.match(hover?.markdown ?? '', /edit the manifest file/);
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
  assert.equal(finding.message, 'A static Pod needs metadata.name; the kubelet refuses it without one');
  assert.match(said(finding), /name is needed for the pod/);
  // The name comes from the file name, else from the first container.
  const fromFile = assertFixClears(text, ID, { options: { ...STATIC, filePath: '/etc/kubernetes/manifests/My_Web.yaml' } });
  assert.match(fromFile, /metadata:\n {2}labels: \{app: web\}\n {2}name: my-web\n/);
  assert.match(assertFixClears(text, ID, { options: STATIC }), /name: web\n/);
});

test('a static Pod without metadata at all: the fix adds the block after kind', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    spec:
      containers:
      - name: cron
        image: busybox:1.36
  `;
  const fixed = assertFixClears(text, ID, { options: STATIC });
  assert.match(fixed, /^apiVersion: v1\nkind: Pod\nmetadata:\n {2}name: cron\nspec:/);
});

test('a hand-written nodeName is overwritten (info, safe fix); the valid Pod itself gets no note', () => {
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
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]), 'nodeName');
  assert.equal(findings[0].severity, 'info');
  assert.equal(lineOf(text, findings[0]), 7);
  assert.match(findings[0].message, /overwrites spec\.nodeName/);
  assertFixClears(text, ID);
});

test('only the first document and only static manifests', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      nodeName: n1
      containers:
      - name: a
        image: nginx:1.27
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: b
    spec:
      nodeName: n1
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
