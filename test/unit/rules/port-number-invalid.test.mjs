import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'port-number-invalid';

test('containerPort above 65535 is an error on the value', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        ports:
        - containerPort: 70000
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '70000');
  assert.match(said(finding), /between 1 and 65535, inclusive/);
});

test('boundaries: 0 and 65536 are rejected, 1 and 65535 accepted, hostPort 0 means unset', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        ports:
        - containerPort: 0
        - containerPort: 1
        - containerPort: 65535
          hostPort: 0
        - containerPort: 8080
          hostPort: 65536
  `;
  assert.deepEqual(
    findingsOf(text, ID).map((f) => textOf(text, f)),
    ['0', '65536'],
  );
});

test('protocol is case-sensitive (safe upper-case fix)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web # pod
    spec:
      containers:
      - name: app
        image: app:1.0
        ports:
        - containerPort: 53
          protocol: udp
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'udp');
  assert.match(said(finding), /Unsupported value: "udp"/);
  assert.equal(finding.fixes[0].safe, true);
  assert.match(assertFixClears(text, ID), /protocol: UDP\n/);
});

const badHost = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # deployment
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
          ports:
          - containerPort: 80
            hostPort: -1
`;

test('negative hostPort in a Deployment template (multi-document)', () => {
  const [finding] = findingsOf(badHost, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(badHost, finding), 21);
  assert.equal(textOf(badHost, finding), '-1');
});

test('valid ports are fine', () => {
  assert.deepEqual(findingsOf(badHost.replace('hostPort: -1', 'hostPort: 8080'), ID), []);
});

test('fix: remove the hostPort', () => {
  const fixed = assertFixClears(badHost, ID);
  assert.doesNotMatch(fixed, /hostPort/);
});
