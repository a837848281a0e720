import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-http-scheme';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      readinessProbe:
        httpGet: {path: /, port: 8443, scheme: https} # TLS endpoint
`;

test('a lower-case scheme is an error on the value', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].severity, 'error');
  assert.equal(textOf(bad, findings[0]), 'https');
  assert.match(said(findings[0]), /supported values: "HTTP", "HTTPS"/);
});

test('HTTP, HTTPS, empty and omitted schemes are fine', () => {
  for (const scheme of ['HTTP', 'HTTPS', '""']) {
    assert.deepEqual(findingsOf(bad.replace('scheme: https', `scheme: ${scheme}`), ID), []);
  }
  assert.deepEqual(findingsOf(bad.replace(', scheme: https', ''), ID), []);
});

test('hooks are checked; an unknown scheme offers both values', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        lifecycle:
          preStop:
            httpGet: {path: /drain, port: 8080, scheme: ftp}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'ftp');
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Use HTTP', 'Use HTTPS'],
  );
  assertFixClears(text, ID, { title: 'Use HTTP' });
});

test('multi-document Deployment template', () => {
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
          containers:
          - name: web
            image: nginx:1.27
            livenessProbe:
              httpGet:
                port: 8443
                scheme: Https
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});

test('fix: upper-case (safe)', () => {
  const [finding] = findingsOf(bad, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(bad, ID, { title: 'Use HTTPS' });
  assert.match(fixed, /scheme: HTTPS\} # TLS endpoint/);
});
