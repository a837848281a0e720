import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-grpc-port';

const named = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api
  spec:
    containers:
    - name: api
      image: api:2.1
      ports:
      - name: grpc
        containerPort: 9090
      livenessProbe:
        grpc:
          port: grpc # named
`;

test('a named gRPC port is an error on the value', () => {
  const [finding, ...rest] = findingsOf(named, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(named, finding), 'grpc');
  assert.match(said(finding), /do not support named ports/);
  assert.match(said(finding), /9090/);
});

test('quoted and out-of-range numbers; valid numbers pass', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.1
        startupProbe:
          grpc: {port: "9090"}
        readinessProbe:
          grpc: {port: 0}
        livenessProbe:
          grpc: {port: 9090, service: health}
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => textOf(text, f)),
    ['"9090"', '0'],
  );
  assert.match(said(findings[1]), /between 1 and 65535/);
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
      name: api
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: api}
        spec:
          containers:
          - name: api
            image: api:2.1
            readinessProbe:
              grpc: {port: health}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 20);
  assert.deepEqual(finding.fixes, [], 'no declared port named health, so no number to offer');
});

test('fix: use the number of the declared port (safe)', () => {
  const [finding] = findingsOf(named, ID);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(named, ID, { title: 'Use containerPort 9090' });
  assert.match(fixed, /port: 9090 # named/);
});

test('fix: unquote', () => {
  const text = named.replace('port: grpc # named', 'port: "9090" # quoted');
  const fixed = assertFixClears(text, ID, { title: 'Unquote the port' });
  assert.match(fixed, /port: 9090 # quoted/);
});
