import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'dns-policy-none-requires-config';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    dnsPolicy: None
    containers:
    - name: app
      image: app:1.0
`;

test('dnsPolicy None without dnsConfig is an error on the spec (where dnsConfig is missing)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'spec');
  assert.match(said(finding), /must provide `dnsConfig` when `dnsPolicy` is None/);
});

test('dnsConfig without nameservers, and too many nameservers', () => {
  const noServers = bad.replace('dnsPolicy: None', 'dnsPolicy: None\n  dnsConfig:\n    searches: [svc.local]');
  assert.match(said(findingsOf(noServers, ID)[0]), /at least one DNS nameserver/);
  const many = bad.replace('dnsPolicy: None', 'dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1]');
  assert.match(said(findingsOf(many, ID)[0]), /more than 3/);
});

test('None with a nameserver, and other policies, are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('dnsPolicy: None', 'dnsPolicy: None\n  dnsConfig:\n    nameservers: [1.1.1.1]'), ID), []);
  assert.deepEqual(findingsOf(bad.replace('None', 'ClusterFirst'), ID), []);
});

test('Deployment template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
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
        spec:
          dnsPolicy: None
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 15);
});

test('fix: fall back to ClusterFirst', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /dnsPolicy: ClusterFirst/);
});
