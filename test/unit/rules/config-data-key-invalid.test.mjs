import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'config-data-key-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const configMap = (body) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${body}\n`;
const secret = (body) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n${body}\n`;

test('a key with characters outside [-._a-zA-Z0-9] is an error on the key', () => {
  const text = configMap('data:\n  app config.yaml: "x"');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'app config.yaml');
  assert.equal(lineOf(text, finding), 5);
  assert.match(said(finding), /a valid config key must consist of alphanumeric characters/);
  for (const [key, error] of [
    ['".."', /must not be '\.\.'/],
    ['"."', /must not be '\.'/],
    ['..data', /must not start with '\.\.'/],
    ['a/b', /alphanumeric/],
  ]) {
    assert.match(said(findingsOf(configMap(`data:\n  ${key}: x`), ID)[0]), error, key);
  }
  for (const key of ['.env', 'app.properties', 'KEY_NAME', 'key-name', '.a..b']) assert.deepEqual(findingsOf(configMap(`data:\n  ${key}: x`), ID), [], key);
});

test('Secret data and stringData keys follow the same rule', () => {
  const text = secret('stringData:\n  "my key": x\ndata:\n  ok.key: eA==');
  assert.deepEqual(
    findingsOf(text, ID).map((f) => textOf(text, f)),
    ['"my key"'],
  );
});

test('a ConfigMap key in both data and binaryData', () => {
  const text = configMap('data:\n  logo: x\nbinaryData:\n  logo: eA==');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'logo');
  assert.equal(lineOf(text, finding), 5);
  assert.match(said(finding), /duplicate of key present in binaryData/);
});

test('data over 1 MiB in total; exactly 1 MiB is fine', () => {
  const big = 'x'.repeat(512 * 1024);
  assert.deepEqual(findingsOf(configMap(`data:\n  a: ${big}\n  b: ${big}`), ID), []);
  const text = configMap(`data:\n  a: ${big}\n  b: ${big}x`);
  const [finding] = findingsOf(text, ID);
  assert.match(finding.message, /data totals 1048577 bytes, over the 1 MiB limit/);
  // Secret data counts decoded bytes: 4 base64 characters are 3 bytes.
  const encoded = 'QUJD'.repeat(349526);
  assert.equal(findingsOf(secret(`data:\n  a: ${encoded}`), ID).length, 1);
  assert.deepEqual(findingsOf(secret(`data:\n  a: ${'QUJD'.repeat(349525)}`), ID), []);
});

test('multi-document placement; other API groups skipped', () => {
  const text = `${configMap('data:\n  ok: x')}---\n${configMap('data:\n  "not ok": x')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.deepEqual(findingsOf(configMap('data:\n  "not ok": x').replace('apiVersion: v1', 'apiVersion: example.com/v1'), ID), []);
});
