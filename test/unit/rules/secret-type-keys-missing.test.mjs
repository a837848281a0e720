import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'secret-type-keys-missing';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const secret = (type, body = '', metadata = '') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${metadata}type: ${type}\n${body}\n`;
const b64 = (text) => Buffer.from(text).toString('base64');

test('a TLS Secret needs tls.crt and tls.key (data or stringData)', () => {
  const text = secret('kubernetes.io/tls', `data:\n  tls.crt: ${b64('cert')}`);
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'data');
  assert.equal(lineOf(text, finding), 5);
  assert.match(said(finding), /needs "tls\.key"\n.*data\[tls\.key\]: Required value/);
  assert.deepEqual(findingsOf(secret('kubernetes.io/tls', `data:\n  tls.crt: ${b64('cert')}\nstringData:\n  tls.key: key`), ID), []);
  const none = secret('kubernetes.io/tls');
  assert.equal(textOf(none, findingsOf(none, ID)[0]), 'type');
});

test('registry Secrets need their JSON document, and it must parse', () => {
  assert.match(findingsOf(secret('kubernetes.io/dockerconfigjson', 'data:\n  config.json: e30='), ID)[0].message, /needs "\.dockerconfigjson"/);
  const broken = secret('kubernetes.io/dockerconfigjson', `data:\n  .dockerconfigjson: ${b64('{"auths": ')}`);
  const [finding] = findingsOf(broken, ID);
  assert.equal(textOf(broken, finding), b64('{"auths": '));
  assert.match(finding.message, /is not valid JSON/);
  assert.deepEqual(findingsOf(secret('kubernetes.io/dockerconfigjson', `data:\n  .dockerconfigjson: ${b64('{"auths": {}}')}`), ID), []);
  assert.deepEqual(findingsOf(secret('kubernetes.io/dockercfg', `stringData:\n  .dockercfg: '{"registry.example.com": {}}'`), ID), []);
});

test('basic-auth needs username or password; ssh-auth a non-empty key', () => {
  assert.match(findingsOf(secret('kubernetes.io/basic-auth', 'stringData:\n  user: x'), ID)[0].message, /a basic-auth Secret needs "username" or "password"/);
  assert.deepEqual(findingsOf(secret('kubernetes.io/basic-auth', 'stringData:\n  password: ""'), ID), []);
  assert.equal(findingsOf(secret('kubernetes.io/ssh-auth', 'stringData:\n  ssh-privatekey: ""'), ID).length, 1);
  assert.deepEqual(findingsOf(secret('kubernetes.io/ssh-auth', 'stringData:\n  ssh-privatekey: key'), ID), []);
});

test('service-account-token Secrets name their ServiceAccount; Opaque and custom types are free', () => {
  const text = secret('kubernetes.io/service-account-token', '', '  annotations:\n    note: x\n');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'annotations');
  const bare = secret('kubernetes.io/service-account-token');
  assert.equal(textOf(bare, findingsOf(bare, ID)[0]), 'metadata');
  assert.match(said(finding), /kubernetes\.io\/service-account\.name\]: Required value/);
  assert.deepEqual(findingsOf(secret('kubernetes.io/service-account-token', '', '  annotations:\n    kubernetes.io/service-account.name: build\n'), ID), []);
  assert.deepEqual(findingsOf(secret('Opaque'), ID), []);
  assert.deepEqual(findingsOf(secret('example.com/custom'), ID), []);
});

test('multi-document placement', () => {
  const text = `${secret('Opaque')}---\n${secret('kubernetes.io/tls', 'data: {}')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});
