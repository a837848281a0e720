import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'windows-options-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
      securityContext:
        windowsOptions:
          gmsaCredentialSpecName: My_Spec
          runAsUserName: 'DOMAIN\\sub\\user'
`;

test('gmsaCredentialSpecName and runAsUserName formats', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(lineOf(bad, findings[0]), 10);
  assert.equal(textOf(bad, findings[0]), 'My_Spec');
  assert.equal(lineOf(bad, findings[1]), 11);
  assert.match(said(findings[1]), /runAsUserName cannot contain more than one backslash/);
});

const hostProcess = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
  spec:
    selector: {matchLabels: {app: agent}}
    template:
      metadata: {labels: {app: agent}}
      spec:
        securityContext:
          windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}
        containers:
        - name: agent
          image: agent:1.0
        - name: helper
          image: helper:1.0
          securityContext:
            windowsOptions: {hostProcess: false}
`;

test('HostProcess Pods: no mixed containers, hostNetwork required (DaemonSet template)', () => {
  const findings = findingsOf(hostProcess, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  const by = (pattern) => findings.find((finding) => pattern.test(said(finding)));
  assert.equal(textOf(hostProcess, by(/pod hostProcess value must be identical/)), 'false');
  assert.equal(lineOf(hostProcess, by(/pod hostProcess value must be identical/)), 17);
  assert.ok(by(/all containers must be HostProcess containers/));
  assert.ok(by(/hostNetwork must be true/));
});

test('fix: set hostNetwork: true on a HostProcess Pod', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: agent
    spec:
      securityContext:
        windowsOptions: {hostProcess: true}
      containers:
      - name: agent
        image: agent:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'spec');
  assertFixClears(text, ID);
});

test('a valid HostProcess Pod and valid user names are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      hostNetwork: true
      securityContext:
        windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\Local service"}
      containers:
      - name: app
        image: app:1.0
        securityContext:
          windowsOptions: {gmsaCredentialSpecName: webapp1-spec, runAsUserName: ContainerUser}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
