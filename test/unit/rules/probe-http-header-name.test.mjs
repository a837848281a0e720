import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-http-header-name';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
          httpHeaders:
          - name: Accept
            value: application/json
          - name: "X_Custom Header" # from the docs
            value: a
`;

test('a header name with underscore and space is an error on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '"X_Custom Header"');
  assert.deepEqual(finding.path, ['spec', 'containers', 0, 'livenessProbe', 'httpGet', 'httpHeaders', 1, 'name']);
  assert.match(said(finding), /alphanumeric characters or '-'/);
});

test('valid header names pass (probes and hooks)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {port: 8080, httpHeaders: [{name: X-Probe-1, value: "1"}]}
        lifecycle:
          preStop:
            httpGet: {port: 8080, httpHeaders: [{name: Authorization, value: x}]}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document: a hook header in a StatefulSet', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: web
    spec:
      serviceName: web
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            lifecycle:
              preStop:
                httpGet:
                  port: 8080
                  httpHeaders: [{name: "x.token", value: a}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 24);
  assert.match(said(finding), /preStop hook/);
});

test('fix: replace invalid characters with hyphens', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Use "X-Custom-Header"' });
  assert.match(fixed, /- name: X-Custom-Header # from the docs/);
});
