import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'secret-data-not-encoded';

const bad = yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: db-credentials
  type: Opaque
  data:
    username: YWRtaW4=
    password: admin123 # the plain password
`;

test('a plain word that is valid base64 by accident: warning on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(bad, finding), 7);
  assert.equal(textOf(bad, finding), 'admin123');
  assert.equal(finding.message, 'Secret "db-credentials": data.password looks like plain text, but data values must be base64');
  assert.match(finding.detail, /decodes to 6 bytes of binary/);
  assert.match(finding.detail, /stringData/);
  // The schema layer accepts it: it is valid base64.
  assert.deepEqual(
    check(bad).filter((f) => f.ruleId === 'schema-format'),
    [],
  );
});

test('fix: move the entry to stringData, keeping the value', () => {
  // A comment on the moved line goes with the deleted line; keep this one elsewhere.
  const fixed = assertFixClears(bad.replace(' # the plain password', '').replace('type: Opaque', 'type: Opaque # app login'), ID);
  assert.match(fixed, /data:\n {2}username: YWRtaW4=\n/);
  assert.match(fixed, /\nstringData:\n {2}password: admin123\n/);
  assert.doesNotMatch(fixed, /data:\n(?: {2}.*\n)* {2}password/);
});

test('fix: or encode the value', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Encode the value as base64' });
  assert.match(fixed, /password: YWRtaW4xMjM= # the plain password\n/);
});

test('a key already in stringData: only the encode fix (stringData would win anyway)', () => {
  const text = `${bad}stringData:\n  password: other\n`;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(
    finding.fixes.map((f) => f.title),
    ['Encode the value as base64'],
  );
});

test('quiet: real base64 of text, long keys, values with + / =, mixed-case tokens; invalid base64 is schema-format', () => {
  const text = yaml`
    apiVersion: v1
    kind: Secret
    metadata:
      name: ok
    data:
      user: bXVzZXIy
      password: cGFzc3dvcmQ=
      key: q83vEjRWeJq8dN7wEjRWeA==
      token: dGhpcyBpcyBhIGxvbmdlciB0b2tlbiB2YWx1ZSB0aGF0IGlzIHRleHQ=
      blob: Zm9vYmFyYmF6
      random: Kq9ZmXr2VbT1
      empty: ""
  `;
  assert.deepEqual(findingsOf(text, ID), []);
  const invalid = bad.replace('admin123', 'admin12');
  assert.deepEqual(findingsOf(invalid, ID), []);
  assert.equal(check(invalid).filter((f) => f.ruleId === 'schema-format').length, 1);
});

test('multi-document file and a List of Secrets', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
    data:
      mode: production
    ---
    apiVersion: v1
    kind: List
    items:
    - apiVersion: v1
      kind: Secret
      metadata:
        name: redis
      data:
        password: changeme
    - apiVersion: v1
      kind: Secret
      metadata:
        name: api
      data:
        token: CHANGEME
  `;
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((f) => [f.documentIndex, lineOf(text, f), textOf(text, f)]),
    [
      [1, 15, 'changeme'],
      [1, 21, 'CHANGEME'],
    ],
  );
  const fixed = assertFixClears(text, ID);
  // The only data entry: the map is renamed, so its layout stays.
  assert.match(fixed, /name: redis\n {2}stringData:\n {4}password: changeme\n/);
});

test('the only data entry: the move renames data to stringData, comments included', () => {
  const text = yaml`
    apiVersion: v1
    kind: Secret
    metadata:
      name: redis
    data:
      password: redis123 # set by ops
  `;
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /\nstringData:\n {2}password: redis123 # set by ops\n/);
});
