import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'ingress-spec-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ingress = (spec, metadata = '') => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n${metadata}spec:\n${spec.replace(/^/gm, '  ')}\n`;
const rule = (backend, host = 'www.example.com') =>
  `rules:\n- host: "${host}"\n  http:\n    paths:\n    - path: /\n      pathType: Prefix\n      backend:\n${backend.replace(/^/gm, '        ')}`;
const good = 'service:\n  name: web\n  port: {number: 80}';

test('an Ingress without rules and defaultBackend is an error', () => {
  const text = ingress('ingressClassName: nginx');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /either `defaultBackend` or `rules` must be specified/);
  assert.deepEqual(findingsOf(ingress(`defaultBackend:\n${good.replace(/^/gm, '  ')}`), ID), []);
  assert.deepEqual(findingsOf(ingress(rule(good)), ID), []);
});

test('hosts: no IPs, wildcards only as the first label', () => {
  const ip = ingress(rule(good, '10.0.0.1'));
  const [finding] = findingsOf(ip, ID);
  assert.equal(textOf(ip, finding), '"10.0.0.1"');
  assert.equal(lineOf(ip, finding), 6);
  assert.match(said(finding), /must be a DNS name, not an IP address/);
  assert.match(findingsOf(ingress(rule(good, 'foo.*.example.com')), ID)[0].message, /not a valid wildcard host/);
  assert.match(findingsOf(ingress(rule(good, 'Example.com')), ID)[0].message, /not a valid DNS name/);
  assert.deepEqual(findingsOf(ingress(rule(good, '*.example.com')), ID), []);
});

test('backends: one of service/resource, one port by number 1–65535 or by name', () => {
  const both = ingress(rule('service:\n  name: web\n  port: {number: 80, name: http}'));
  assert.match(said(findingsOf(both, ID)[0]), /cannot set both port name & port number/);
  const none = ingress(rule('service:\n  name: web\n  port: {}'));
  assert.match(said(findingsOf(none, ID)[0]), /port name or number is required/);
  const high = ingress(rule('service:\n  name: web\n  port: {number: 70000}'));
  assert.equal(textOf(high, findingsOf(high, ID)[0]), '70000');
  const badName = ingress(rule('service:\n  name: Web_Svc\n  port: {name: HTTP}'));
  assert.deepEqual(
    findingsOf(badName, ID).map((f) => textOf(badName, f)),
    ['Web_Svc', 'HTTP'],
  );
  const twoKinds = ingress(rule(`${good}\nresource: {kind: StorageBucket, name: assets, apiGroup: k8s.example.com}`));
  assert.match(said(findingsOf(twoKinds, ID)[0]), /cannot set both resource and service backends/);
  assert.deepEqual(findingsOf(ingress(rule('resource: {kind: StorageBucket, name: assets, apiGroup: k8s.example.com}')), ID), []);
  assert.match(findingsOf(ingress(rule('{}')), ID)[0].message, /a backend needs a service/);
});

test('TLS hosts and secret names, class name and the legacy annotation', () => {
  const text = ingress(
    `${rule(good)}\ntls:\n- hosts: ["*.example.com", "bad host"]\n  secretName: Web_TLS\ningressClassName: nginx`,
    '  annotations:\n    kubernetes.io/ingress.class: traefik\n',
  );
  assert.deepEqual(
    findingsOf(text, ID).map((f) => textOf(text, f)),
    ['traefik', '"bad host"', 'Web_TLS'],
  );
  assert.deepEqual(findingsOf(text.replace('traefik', 'nginx').replace('"bad host"', 'a.example.com').replace('Web_TLS', 'web-tls'), ID), []);
});

test('multi-document: placed on the right Ingress; other API versions skipped', () => {
  const text = `${ingress(rule(good))}---\n${ingress('ingressClassName: nginx')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.deepEqual(findingsOf(ingress('ingressClassName: nginx').replace('networking.k8s.io/v1', 'example.com/v1'), ID), []);
});
