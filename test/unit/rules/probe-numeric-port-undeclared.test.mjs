import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-numeric-port-undeclared';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: 80
      readinessProbe:
        httpGet: {path: /, port: 8080} # typo?
`;

test('a probe on an undeclared number is an info on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(bad, finding), '8080');
  assert.match(said(finding), /declares only 80/);
  assert.doesNotMatch(said(finding), /hostNetwork/);
});

test('a container that declares no ports has nothing to mistype: no finding (static mysql seed, issue #11)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: mysql
    spec:
      containers:
      - name: mysql
        image: mysql:5.7.39
        livenessProbe:
          tcpSocket:
            port: 3311
  `;
  assert.deepEqual(findingsOf(text, ID, { staticPod: true }), []);
});

test('with hostNetwork the detail says it is a host port', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: mysql
      namespace: kube-system
    spec:
      hostNetwork: true
      containers:
      - name: mysql
        image: mysql:5.7.39
        ports:
        - containerPort: 3306
        livenessProbe:
          tcpSocket:
            port: 3311
  `;
  const [finding] = findingsOf(text, ID, { staticPod: true });
  assert.match(finding.message, /livenessProbe of container "mysql" checks undeclared port 3311/);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), '3311');
  assert.match(said(finding), /hostNetwork: true/);
  assert.match(said(finding), /host port/);
});

test('declared ports, named ports and probes on another host produce nothing', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - {name: http, containerPort: 8080}
        readinessProbe:
          httpGet: {path: /, port: 8080}
        livenessProbe:
          httpGet: {path: /, port: http}
        startupProbe:
          tcpSocket: {host: db.example.com, port: 5432}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('multi-document DaemonSet template; grpc ports count too', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:3
            ports: [{containerPort: 8080}]
            livenessProbe:
              grpc: {port: 9090}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
  assertFixClears(text, ID, { title: 'Declare containerPort 9090' });
});

test('fix: declare the port', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Declare containerPort 8080' });
  assert.match(fixed, /- containerPort: 80\n\s+- containerPort: 8080\n/);
});
