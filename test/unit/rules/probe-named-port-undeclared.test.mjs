import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-named-port-undeclared';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api
  spec:
    containers:
    - name: api
      image: api:2.1
      ports:
      - containerPort: 8080 # no name
      - name: metrics
        containerPort: 9100
      readinessProbe:
        httpGet: {path: /ready, port: http}
`;

test('a named port the container does not declare is an error on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'http');
  assert.match(said(finding), /never becomes Ready/);
  assert.match(said(finding), /8080 without a name/);
});

test('each probe kind explains its own consequence; hooks too; ports of other containers do not count', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.1
        livenessProbe:
          tcpSocket: {port: web}
        startupProbe:
          httpGet: {port: web}
        lifecycle:
          postStart:
            httpGet: {port: web}
      - name: sidecar
        image: proxy:1
        ports:
        - {name: web, containerPort: 80}
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 3);
  assert.match(said(findings[0]), /liveness protection is silently off/);
  assert.match(said(findings[1]), /never marked started/);
  assert.match(said(findings[2]), /kills the container/);
  assert.match(said(findings[0]), /declares no ports/);
});

test('declared names, numbers and invalid names (another rule) produce nothing', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.1
        ports:
        - {name: http, containerPort: 8080}
        readinessProbe:
          httpGet: {path: /, port: http}
        livenessProbe:
          tcpSocket: {port: 8080}
        startupProbe:
          tcpSocket: {port: "8080"}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document Deployment: lands in the template', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      selector: {app: api}
      ports: [{port: 80, targetPort: http}]
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
            ports: [{containerPort: 8080}]
            readinessProbe:
              httpGet: {path: /ready, port: http}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 24);
  assertFixClears(text, ID, { title: 'Name containerPort 8080 "http"' });
});

test('fix: name the unnamed containerPort', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Name containerPort 8080 "http"' });
  assert.match(fixed, /- containerPort: 8080 # no name\n\s+name: http\n/);
});

test('fix: switch to a declared port name', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Use the declared port "metrics"' });
  assert.match(fixed, /port: metrics\}/);
});
