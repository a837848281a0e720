import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'container-command-exits';

const bad = yaml`
  # the Pod from the CrashLoopBackOff question
  apiVersion: v1
  kind: Pod
  metadata:
    name: pod-test1
  spec:
    containers:
    - name: nginx
      image: nginx:1.27
      command: [ "echo", "SUCCESS" ]
`;

test('echo under the default restartPolicy Always is a warning on command', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(bad, finding), 9);
  assert.equal(textOf(bad, finding), 'command');
  assert.match(said(finding), /restartPolicy defaults to Always/);
  assert.match(said(finding), /CrashLoopBackOff/);
});

test('shell one-shots are recognized; servers, sleeps and loops are not', () => {
  const withCommand = (command) => bad.replace('command: [ "echo", "SUCCESS" ]', `command: ${command}`);
  assert.equal(findingsOf(withCommand(`[sh, -c, "echo done && date"]`), ID).length, 1);
  assert.equal(findingsOf(withCommand(`["/bin/true"]`), ID).length, 1);
  assert.deepEqual(findingsOf(withCommand(`[sh, -c, "echo The app is running! && sleep 3600"]`), ID), []);
  assert.deepEqual(findingsOf(withCommand(`[nginx, -g, "daemon off;"]`), ID), []);
  assert.deepEqual(findingsOf(withCommand(`[sh, -c, "while true; do date; sleep 5; done"]`), ID), []);
  assert.deepEqual(findingsOf(withCommand(`[cat]`), ID), []);
});

test('restartPolicy Never/OnFailure, init containers and Jobs are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('spec:\n', 'spec:\n  restartPolicy: Never\n'), ID), []);
  const init = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        command: [sh, -c, 'echo "initContainers...."']
      containers:
      - name: web
        image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(init, ID), []);
});

test('a Deployment in a multi-document file: suggests a Job, no fix', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: migrate
    spec:
      selector:
        matchLabels: {app: migrate}
      template:
        metadata:
          labels: {app: migrate}
        spec:
          containers:
          - name: migrate
            image: busybox:1.36
            command: [echo, migrated]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
  assert.match(said(finding), /run one-shot work as a Job/);
  assert.deepEqual(finding.fixes, []);
});

test('fix: restartPolicy Never on the bare Pod', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set restartPolicy: Never' });
  assert.match(fixed, /restartPolicy: Never/);
});

test('fix: restartPolicy OnFailure on the bare Pod', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set restartPolicy: OnFailure' });
  assert.match(fixed, /restartPolicy: OnFailure/);
});
