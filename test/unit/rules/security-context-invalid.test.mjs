import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'security-context-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    securityContext:
      runAsUser: -1
      supplementalGroups: [1000, 2147483648]
    containers:
    - name: app
      image: app:1.0
      securityContext:
        runAsGroup: 4294967295
`;

test('user and group IDs outside 0..2147483647 are errors on the value', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3);
  assert.deepEqual(
    findings.map((finding) => [lineOf(bad, finding), textOf(bad, finding)]),
    [
      [6, '-1'],
      [7, '2147483648'],
      [12, '4294967295'],
    ],
  );
  assert.equal(findings[0].severity, 'error');
  assert.match(said(findings[0]), /must be between 0 and 2147483647, inclusive/);
});

test('the boundaries 0 and 2147483647 are valid', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      securityContext: {runAsUser: 0, runAsGroup: 2147483647, fsGroup: 0, supplementalGroups: [0, 2147483647]}
      containers:
      - name: app
        image: app:1.0
        securityContext:
          runAsUser: 2147483647
          seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
          appArmorProfile: {type: RuntimeDefault}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

const profiles = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    selector: {matchLabels: {app: web}}
    template:
      metadata: {labels: {app: web}}
      spec:
        securityContext:
          seccompProfile: {type: Localhost}
        containers:
        - name: app
          image: app:1.0
          securityContext:
            seccompProfile: {type: Localhost, localhostProfile: ../etc/shadow}
            appArmorProfile:
              type: RuntimeDefault
              localhostProfile: my-profile
`;

test('seccomp/AppArmor type and localhostProfile must agree (Deployment template)', () => {
  const findings = findingsOf(profiles, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  assert.equal(lineOf(profiles, findings[0]), 10);
  assert.match(said(findings[0]), /must be set when seccomp type is Localhost/);
  assert.equal(textOf(profiles, findings[1]), '../etc/shadow');
  assert.match(said(findings[1]), /must not contain '\.\.'/);
  assert.equal(textOf(profiles, findings[2]), 'localhostProfile');
  assert.match(said(findings[2]), /can only be set when AppArmor type is Localhost/);
});

test('fixes: RuntimeDefault for a Localhost profile without a file, remove a stray localhostProfile', () => {
  assertFixClears(profiles, ID, { index: 0 });
  assertFixClears(profiles, ID, { index: 2 });
});

const procMount = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
      securityContext: {procMount: unmasked}
`;

test('procMount other than Default/Unmasked is rejected from 1.33 (second document)', () => {
  const [finding] = findingsOf(procMount, ID);
  assert.equal(lineOf(procMount, finding), 13);
  assert.equal(textOf(procMount, finding), 'unmasked');
  assert.match(said(finding), /supported values: "Default", "Unmasked"/);
  // Before ProcMountType is on by default the API server resets the field instead.
  assert.deepEqual(findingsOf(procMount, ID, { version: '1.32' }), []);
});

test('appArmorProfile is judged from 1.30, when the field exists', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      securityContext:
        appArmorProfile: {type: Localhost}
      containers:
      - name: app
        image: app:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(lineOf(text, finding), 6);
  assert.equal(textOf(text, finding), 'appArmorProfile');
  assert.deepEqual(findingsOf(text, ID, { version: '1.29' }), []);
});
