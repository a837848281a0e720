import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'host-aliases-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    hostAliases:
    - ip: 10.0.0.256
      hostnames: [foo.local]
    - ip: 127.0.0.1
      hostnames: [Bar.Local, "bad host"]
    containers:
    - name: app
      image: app:1.0
`;

test('an ip that is not an IP and hostnames that are not DNS names', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3);
  assert.equal(lineOf(bad, findings[0]), 6);
  assert.equal(textOf(bad, findings[0]), '10.0.0.256');
  assert.match(said(findings[0]), /must be a valid IP address/);
  assert.equal(lineOf(bad, findings[1]), 9);
  assert.equal(textOf(bad, findings[1]), 'Bar.Local');
  assert.equal(textOf(bad, findings[2]), '"bad host"');
});

test('fix: lower-case a hostname', () => {
  assertFixClears(bad, ID, { index: 1 });
});

test('valid host aliases are fine (Deployment template, second document)', () => {
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
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          hostAliases:
          - {ip: "2001:db8::1", hostnames: [foo.remote, bar.remote]}
          - {ip: 10.1.2.3, hostnames: [db]}
          containers:
          - name: app
            image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('the same ip twice is a warning (apply may drop one entry)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      hostAliases:
      - {ip: 10.1.2.3, hostnames: [foo.local]}
      - {ip: 10.1.2.3, hostnames: [bar.local]}
      containers:
      - name: app
        image: app:1.0
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 7);
  assert.match(finding.detail, /duplicate ip "10\.1\.2\.3"/);
});
