import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'security-context-contradiction';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
`;

test('privileged with allowPrivilegeEscalation: false is an error', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(bad, finding), 8);
  assert.equal(textOf(bad, finding), 'securityContext');
  assert.match(said(finding), /cannot set `allowPrivilegeEscalation` to false and `privileged` to true/);
});

test('CAP_SYS_ADMIN, Unmasked procMount, host namespaces with hostUsers: false, shareProcessNamespace + hostPID', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      hostUsers: false
      hostNetwork: true
      hostPID: true
      shareProcessNamespace: true
      containers:
      - name: a
        image: a:1.0
        securityContext:
          allowPrivilegeEscalation: false
          capabilities: {add: [CAP_SYS_ADMIN]}
      - name: b
        image: b:1.0
        securityContext: {procMount: Unmasked}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 4, messages.join('\n'));
  assert.match(messages[0], /hostNetwork: true cannot be combined with hostUsers: false/);
  assert.match(messages[1], /hostPID: true cannot be combined/);
  assert.match(messages[2], /ShareProcessNamespace and HostPID cannot both be enabled/);
  assert.match(messages[3], /CAP_SYS_ADMIN/);
  // Each gets a fix now: remove the capability, the host namespace, shareProcessNamespace.
  const capability = assertFixClears(text, ID, { index: 3 });
  assert.match(capability, /capabilities: \{add: \[\]\}|capabilities: \{\}|capabilities:\n/);
  assert.doesNotMatch(assertFixClears(text, ID, { index: 0 }), /hostNetwork/);
  assert.doesNotMatch(assertFixClears(text, ID, { index: 2 }), /shareProcessNamespace/);
});

test('consistent settings are fine; Unmasked needs hostUsers: false', () => {
  assert.deepEqual(findingsOf(bad.replace('privileged: true', 'privileged: false'), ID), []);
  const unmasked = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: b
        image: b:1.0
        securityContext: {procMount: Unmasked}
  `;
  assert.equal(findingsOf(unmasked, ID).length, 1);
  assert.deepEqual(findingsOf(unmasked.replace('spec:\n', 'spec:\n  hostUsers: false\n'), ID), []);
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
          containers:
          - name: agent
            image: agent:2.0
            securityContext: {privileged: true, allowPrivilegeEscalation: false}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: drop privileged', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove privileged' });
  assert.doesNotMatch(fixed, /privileged/);
});

test('fix: drop allowPrivilegeEscalation', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove allowPrivilegeEscalation' });
  assert.doesNotMatch(fixed, /allowPrivilegeEscalation/);
});

test('procMount Unmasked is only checked from 1.33 (before, the API server resets it to Default)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        securityContext: {procMount: Unmasked}
  `;
  assert.equal(findingsOf(text, ID).length, 1);
  assert.deepEqual(findingsOf(text, ID, { version: '1.32' }), []);
});
