// yaml-duplicate-key names and covers the whole repeated key (issue #12), not its first character.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'yaml-duplicate-key';

test('the second apiVersion is named and covered whole', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    apiVersion: v1
    metadata:
      name: c
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 2);
  assert.equal(textOf(text, finding), 'apiVersion');
  assert.equal(finding.message, 'Duplicate key "apiVersion": kubectl rejects the file');
});

test('a nested and a quoted duplicate, in the second document of a file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: a
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: b
      labels:
        app.kubernetes.io/name: b
        "app.kubernetes.io/name": c
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 11);
  assert.equal(textOf(text, finding), '"app.kubernetes.io/name"');
  assert.match(finding.message, /app\.kubernetes\.io\/name/);
});

test('equal keys in different mappings are not duplicates', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: a
      labels:
        name: a
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
