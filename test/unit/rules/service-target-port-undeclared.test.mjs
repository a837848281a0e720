import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'service-target-port-undeclared';

test('seed 001-tomcat-harbor: targetPort 8080 while the Deployment declares containerPort 80', { skip: SEEDS_MISSING }, () => {
  const text = seedText('001-tomcat-harbor.yaml');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 2);
  assert.equal(textOf(text, finding), '8080');
  assert.equal(
    lineOf(text, finding),
    text.split('\n').findIndex((line) => line.includes('targetPort: 8080')),
  );
  assert.match(said(finding), /Service "my-tomcat": targetPort 8080 is not a port its Pods declare/);
  assert.match(said(finding), /Deployment "my-tomcat"/);
  assert.match(said(finding), /containerPort 80/);
  const fixed = assertFixClears(text, ID, { title: 'Set targetPort to 80' });
  assert.match(fixed, /targetPort: 80\n/);
});

const file = (servicePorts, containerPorts) => yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: api
  spec:
    selector: {app: api}
    ports: ${servicePorts}
  ---
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: api
  spec:
    serviceName: api
    selector:
      matchLabels: {app: api}
    template:
      metadata:
        labels: {app: api, tier: back}
      spec:
        containers:
        - name: api
          image: api:2.1
          ports: ${containerPorts}
`;

test('a named targetPort no container declares: warning (no endpoints)', () => {
  const text = file('[{port: 80, targetPort: http}]', '[{name: web, containerPort: 8080}]');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'http');
  assert.match(said(finding), /port named "http"/);
  assert.match(said(finding), /they have web/);
  assert.match(said(finding), /no endpoints/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /targetPort: web\}/);
});

test('targetPort defaults to port; a matching port or name is fine', () => {
  const defaulted = file('[{port: 8080}]', '[{containerPort: 9090}]');
  const [finding] = findingsOf(defaulted, ID);
  assert.equal(textOf(defaulted, finding), '8080');
  assert.match(said(finding), /targetPort defaults to it/);
  assert.match(assertFixClears(defaulted, ID), /\{port: 8080, targetPort: 9090\}/);
  assert.deepEqual(findingsOf(file('[{port: 80, targetPort: 8080}]', '[{containerPort: 8080}]'), ID), []);
  assert.deepEqual(findingsOf(file('[{port: 80, targetPort: web}]', '[{name: web, containerPort: 8080}]'), ID), []);
});

test('Pods that declare no port at all: an info that nothing confirms a numeric targetPort, silence for a name (#13)', () => {
  const text = file('[{port: 80, targetPort: 8080}]', '[]');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(text, finding), '8080');
  assert.match(finding.message, /Service "api": nothing in its Pods confirms targetPort 8080/);
  // a name cannot be resolved without declared ports: service-target-port-* do not guess
  assert.deepEqual(findingsOf(file('[{port: 80, targetPort: http}]', '[]'), ID), []);
});

const withArgs = (servicePorts, args) => file(servicePorts, '[]').replace('        image: api:2.1\n', `        image: api:2.1\n        args: ${args}\n`);

test('a port named by a listening flag in the container args counts as declared (#13 noise)', () => {
  for (const args of ['["--port", "8080"]', '["--listen=:8080"]', '["-p", "8080"]', '["--web.listen-address=0.0.0.0:8080"]', '["--http-port=8080", "--debug"]']) {
    const text = withArgs('[{port: 80, targetPort: 8080}]', args);
    assert.match(text, /args: /);
    assert.deepEqual(findingsOf(text, ID), [], args);
  }
  // a flag naming another port: the Service's port is still unconfirmed, and the message names it
  const other = withArgs('[{port: 80, targetPort: 8080}]', '["--port", "9090"]');
  const [finding] = findingsOf(other, ID);
  assert.equal(finding.severity, 'warning');
  assert.match(said(finding), /containerPort 9090/);
  // a number that is not a flag's value does not count
  assert.equal(findingsOf(withArgs('[{port: 80, targetPort: 8080}]', '["--workers", "8080"]'), ID).length, 1);
});

test('protocols must agree; Services selecting nothing here are left to service-selector-no-match', () => {
  const udp = file('[{port: 53, protocol: UDP}]', '[{containerPort: 53}]');
  assert.equal(findingsOf(udp, ID).length, 1);
  const elsewhere = file('[{port: 80, targetPort: 1}]', '[{containerPort: 8080}]').replace('selector: {app: api}', 'selector: {app: other}');
  assert.deepEqual(findingsOf(elsewhere, ID), []);
});

test('targetPort 0 or "" defaults to port too; rejected values are left to service-target-port-invalid', () => {
  const zero = file('[{port: 8080, targetPort: 0}]', '[{containerPort: 9090}]');
  const [finding] = findingsOf(zero, ID);
  assert.equal(textOf(zero, finding), '8080');
  assert.match(said(finding), /targetPort defaults to it/);
  // The fix rewrites the written 0 rather than adding a second targetPort key.
  assert.match(assertFixClears(zero, ID), /\{port: 8080, targetPort: 9090\}/);
  assert.deepEqual(findingsOf(file('[{port: 9090, targetPort: ""}]', '[{containerPort: 9090}]'), ID), []);
  for (const target of ['123456', '"8080"', 'HTTP', 'n234567890123456']) {
    const text = file(`[{port: 80, targetPort: ${target}}]`, '[{name: web, containerPort: 8080}]');
    assert.deepEqual(findingsOf(text, ID), [], target);
    assert.equal(findingsOf(text, 'service-target-port-invalid').length, 1, target);
  }
});
