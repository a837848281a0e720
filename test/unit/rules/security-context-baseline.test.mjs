import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'security-context-baseline';
const on = { rules: { [ID]: 'hint' } };

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: web
      image: nginx:1.27
      securityContext:
        privileged: true
`;

test('off by default', () => {
  assert.deepEqual(findingsOf(bad, ID), []);
});

test('when enabled: a hint on securityContext listing the problems', () => {
  const [finding, ...rest] = findingsOf(bad, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), 'securityContext');
  assert.match(said(finding), /runs privileged, allows privilege escalation, may run as root, has a writable root filesystem, keeps NET_RAW/);
});

test('a restricted container is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
      - name: web
        image: nginx:1.27
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities: {drop: [ALL]}
  `;
  assert.deepEqual(findingsOf(text, ID, on), []);
});

const none = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # deployment
  spec:
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

test('Deployment template in a multi-document file', () => {
  const [finding] = findingsOf(none, ID, on);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(none, finding), 17);
});

test('fix: add a restricted securityContext', () => {
  const fixed = assertFixClears(none, ID, { options: on });
  assert.match(
    fixed,
    /securityContext:\n {10}allowPrivilegeEscalation: false\n {10}runAsNonRoot: true\n {10}readOnlyRootFilesystem: true\n {10}capabilities:\n {12}drop:\n {14}- ALL\n/,
  );
});

// Wording (kube-score pod-security-context-all-good): say what is known about the user.
const userPod = (podContext, containerContext) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    securityContext: ${podContext}
    containers:
    - name: web
      image: nginx:1.27
      securityContext: ${containerContext}
`;

test('a non-zero runAsUser without runAsNonRoot: "does not set runAsNonRoot", not "may run as root"', () => {
  const [finding] = findingsOf(userPod('{}', '{runAsUser: 30000, runAsGroup: 30000, readOnlyRootFilesystem: true}'), ID, on);
  assert.match(said(finding), /does not set runAsNonRoot \(it runs as UID 30000, but Pod Security "restricted" requires runAsNonRoot: true\)/);
  assert.doesNotMatch(said(finding), /root,|may run as root/);
  // The Pod's runAsUser applies to containers that do not set their own.
  assert.match(said(findingsOf(userPod('{runAsUser: 1000}', '{}'), ID, on)[0]), /UID 1000/);
  assert.match(said(findingsOf(userPod('{runAsUser: 1000}', '{runAsUser: 0}'), ID, on)[0]), /runs as root \(runAsUser: 0\)/);
  assert.match(said(findingsOf(userPod('{}', '{}'), ID, on)[0]), /may run as root/);
});

test("the container's runAsNonRoot overrides the Pod's", () => {
  assert.match(said(findingsOf(userPod('{runAsNonRoot: true}', '{runAsNonRoot: false}'), ID, on)[0]), /may run as root/);
  assert.doesNotMatch(said(findingsOf(userPod('{runAsNonRoot: false}', '{runAsNonRoot: true}'), ID, on)[0]), /run as root|runs as root|runAsNonRoot/);
});

test('the fix does not add runAsNonRoot: true next to runAsUser: 0 (the kubelet would refuse to start it)', () => {
  const rootUser = userPod('{}', '{runAsUser: 0}');
  const [finding] = findingsOf(rootUser, ID, on);
  const intents = finding.fixes[0].edits.map((edit) => edit.newText).join('\n');
  assert.doesNotMatch(intents, /runAsNonRoot/);
  assert.match(intents, /allowPrivilegeEscalation: false/);
});
