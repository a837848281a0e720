import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'meta-annotation-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    annotations:
      prometheus.io/scrape: true # scrape me
      prometheus.io/port: 9090
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('non-string annotation values are errors on the values', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(findings[0].severity, 'error');
  assert.equal(textOf(bad, findings[0]), 'true');
  assert.equal(textOf(bad, findings[1]), '9090');
  assert.match(said(findings[0]), /cannot unmarshal bool/);
});

test('keys follow label-key rules after lower-casing; the total size is limited', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
      annotations:
        Example.com/Owner: team-a
        "bad key": x
        big: ${'x'.repeat(262200)}
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.ok(findings.some((f) => textOf(text, f) === '"bad key"'));
  assert.ok(findings.some((f) => /at most 262144 bytes/.test(said(f)) && textOf(text, f) === 'annotations'));
});

test('template annotations in a multi-document file', () => {
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
          annotations:
            sidecar.istio.io/inject: false
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
});

test('string values are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('scrape: true', 'scrape: "true"').replace('port: 9090', 'port: "9090"'), ID), []);
});

test('fix: quote the value (safe)', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /prometheus\.io\/scrape: "true" # scrape me/);
});
