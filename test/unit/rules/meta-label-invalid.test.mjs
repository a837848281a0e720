import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'meta-label-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels:
      app.kubernetes.io/version: v1.2.3+build.4 # semver build
      enabled: true
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('a "+" in a label value and a boolean value are errors on the values', () => {
  const [plus, bool, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(plus.severity, 'error');
  assert.equal(textOf(bad, plus), 'v1.2.3+build.4');
  assert.match(said(plus), /a valid label must be an empty string or consist of alphanumeric characters/);
  assert.equal(textOf(bad, bool), 'true');
  assert.match(said(bool), /cannot unmarshal bool into Go struct field/);
});

test('keys: prefix must be a DNS subdomain, name at most 63 characters', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
      labels:
        Example.COM/app: web
        ${'k'.repeat(64)}: x
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /prefix part a lowercase RFC 1123 subdomain/);
  assert.match(messages[1], /name part must be no more than 63 characters/);
});

test('template labels, selectors and nodeSelector are checked (multi-document)', () => {
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
        matchLabels: {app: web, tier: "-front"}
      template:
        metadata:
          labels: {app: web, tier: "-front", version: 1.10}
        spec:
          nodeSelector: {disktype: ssd/fast}
          containers:
          - name: web
            image: nginx:1.27
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 4);
  assert.ok(findings.every((f) => f.documentIndex === 1));
  assert.deepEqual(
    findings.map((f) => lineOf(text, f)),
    [11, 14, 14, 16],
  );
});

test('valid labels are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('v1.2.3+build.4', 'v1.2.3-build.4').replace('enabled: true', 'enabled: "true"'), ID), []);
});

test('fix: quote the boolean (safe)', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Quote the value', index: 1 });
  assert.match(fixed, /enabled: "true"/);
});

test('fix: replace the invalid character', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Change the value' });
  assert.match(fixed, /version: v1\.2\.3-build\.4 # semver build/);
});
