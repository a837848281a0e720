import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'pod-sysctl-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    securityContext:
      sysctls:
      - name: Net.Core.Somaxconn
        value: "1024"
      - name: kernel.shm_rmid_forced
        value: "1"
      - name: kernel.shm_rmid_forced
        value: "0"
    containers:
    - name: app
      image: app:1.0
`;

test('an invalid sysctl name and a duplicate are errors on the name', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(lineOf(bad, findings[0]), 7);
  assert.equal(textOf(bad, findings[0]), 'Net.Core.Somaxconn');
  assert.match(said(findings[0]), /not a valid sysctl name/);
  assert.equal(lineOf(bad, findings[1]), 11);
  assert.match(said(findings[1]), /Duplicate value/);
  assertFixClears(bad, ID, { index: 1 });
});

test('namespaced sysctls with hostNetwork/hostIPC are rejected (Deployment, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: apps
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          hostNetwork: true
          hostIPC: true
          securityContext:
            sysctls:
            - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
            - {name: kernel/msgmax, value: "65536"}
            - {name: vm.swappiness, value: "10"}
          containers:
          - name: app
            image: app:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.match(said(findings[0]), /may not be specified when 'hostNetwork' is true/);
  assert.match(said(findings[1]), /may not be specified when 'hostIPC' is true/);
});

test('valid sysctls, dotted or slashed, are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      securityContext:
        sysctls:
        - {name: net.ipv4.ip_local_port_range, value: "1024 65000"}
        - {name: net/ipv4/tcp_syncookies, value: "1"}
        - {name: kernel.shm_rmid_forced, value: "1"}
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
