import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'security-context-os-mismatch';

const linux = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    os: {name: linux}
    containers:
    - name: app
      image: app:1.0
      securityContext:
        windowsOptions: {runAsUserName: ContainerUser}
`;

test('windowsOptions on a linux Pod is an error on the key', () => {
  const [finding, ...rest] = findingsOf(linux, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(linux, finding), 10);
  assert.equal(textOf(linux, finding), 'windowsOptions');
  assert.match(said(finding), /windows options cannot be set for a linux pod/);
  assertFixClears(linux, ID);
});

const windows = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        os: {name: windows}
        hostPID: true
        securityContext:
          runAsUser: 1000
          runAsNonRoot: true
          windowsOptions: {runAsUserName: ContainerUser}
        containers:
        - name: app
          image: app:1.0
          securityContext:
            privileged: false
            runAsNonRoot: true
`;

test('Linux-only fields on a windows Pod template are errors; runAsNonRoot and windowsOptions are fine', () => {
  const findings = findingsOf(windows, ID);
  assert.deepEqual(
    findings.map((finding) => textOf(windows, finding)),
    ['hostPID', 'runAsUser', 'privileged'],
  );
  assert.match(said(findings[1]), /cannot be set for a windows pod/);
});

test('without spec.os nothing is checked; a matching OS is silent', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        securityContext:
          windowsOptions: {runAsUserName: ContainerUser}
          privileged: false
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: linux
    spec:
      os: {name: linux}
      securityContext: {runAsUser: 1000, fsGroup: 2000}
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
