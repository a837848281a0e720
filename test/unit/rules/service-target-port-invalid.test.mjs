import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'service-target-port-invalid';

/** A Service with one port whose targetPort is `value` (YAML text). */
const service = (value) => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web # service
  spec:
    selector: {app: web}
    ports:
    - port: 80
      targetPort: ${value}
`;

test('a targetPort number outside 1–65535 is an error on the value, with the upstream message', () => {
  const text = service('123456');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), '123456');
  assert.equal(lineOf(text, finding), 8);
  assert.match(said(finding), /spec\.ports\[0\]\.targetPort: Invalid value: 123456: must be between 1 and 65535, inclusive/);
  assert.equal(findingsOf(service('-1'), ID).length, 1);
  assert.equal(findingsOf(service('65536'), ID).length, 1);
});

test('a targetPort name that is not an IANA service name is an error', () => {
  const long = service('n234567890123456');
  const [finding] = findingsOf(long, ID);
  assert.equal(textOf(long, finding), 'n234567890123456');
  assert.match(said(finding), /Invalid value: "n234567890123456": must be no more than 15 characters/);
  for (const [name, error] of [
    ['web--http', /consecutive hyphens/],
    ['-http', /begin or end with a hyphen/],
    ['http-', /begin or end with a hyphen/],
    ['12-34', /at least one letter/],
    ['http.alt', /alpha-numeric characters/],
  ]) {
    const [one, ...others] = findingsOf(service(name), ID);
    assert.equal(others.length, 0, name);
    assert.match(said(one), error, name);
  }
});

test('valid numbers and names, 0 and "" (both default to port), and an omitted targetPort are fine', () => {
  for (const value of ['8080', '1', '65535', 'http', 'n-3456789012345', 'h2c', '0', '""']) {
    assert.deepEqual(findingsOf(service(value), ID), [], value);
  }
  assert.deepEqual(findingsOf(service('8080').replace('  targetPort: 8080\n', ''), ID), []);
});

test('a quoted number is read as a name: the safe fix unquotes it', () => {
  const text = service('"8080"');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '"8080"');
  assert.match(said(finding), /is a quoted number, read as an invalid port name\n.*must contain at least one letter \(a-z\)/);
  assert.equal(finding.fixes[0].title, 'Unquote the targetPort (8080)');
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /targetPort: 8080\n/);
});

test('an upper-case or underscored name: fix to the lower-case, hyphenated form', () => {
  const fixed = assertFixClears(service('Metrics_Port'), ID);
  assert.match(fixed, /targetPort: metrics-port\n/);
  assert.deepEqual(findingsOf(service('n234567890123456'), ID)[0].fixes, []);
});

test('multi-document: the finding lands on the right Service and port', () => {
  const text = yaml`
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
            ports: [{name: http, containerPort: 8080}]
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: web}
      ports:
      - name: http
        port: 80
        targetPort: http
      - name: admin
        port: 9000
        targetPort: 70000
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.deepEqual(findings[0].path, ['spec', 'ports', 1, 'targetPort']);
  assert.equal(lineOf(text, findings[0]), 28);
  // service-target-port-undeclared leaves the rejected value to this rule.
  assert.deepEqual(findingsOf(text, 'service-target-port-undeclared'), []);
});

test('only core v1 Services', () => {
  assert.deepEqual(findingsOf(service('123456').replace('apiVersion: v1', 'apiVersion: example.com/v1'), ID), []);
});
