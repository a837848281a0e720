import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'ingress-path-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

/** An Ingress with one path entry (YAML lines for the entry, without backend). */
const ingress = (entry) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - http:\n      paths:\n      - ${entry.replace(/\n/g, '\n        ')}\n        backend:\n          service: {name: web, port: {number: 80}}\n`;

test('Exact and Prefix paths must be absolute; the fix adds the slash', () => {
  const text = ingress('path: api\npathType: Prefix');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'api');
  assert.equal(lineOf(text, finding), 8);
  assert.match(said(finding), /must be an absolute path/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /path: \/api\n/);
});

test('an omitted path with Prefix is rejected; with ImplementationSpecific it is fine', () => {
  const text = ingress('pathType: Exact');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'pathType');
  assert.match(finding.message, /pathType Exact needs a path/);
  assertFixClears(text, ID);
  assert.deepEqual(findingsOf(ingress('pathType: ImplementationSpecific'), ID), []);
  assert.equal(findingsOf(ingress('path: "api/(.*)"\npathType: ImplementationSpecific'), ID).length, 1);
  assert.deepEqual(findingsOf(ingress('path: "/api//x/./(.*)"\npathType: ImplementationSpecific'), ID), []);
});

test('Exact and Prefix paths must be clean', () => {
  for (const [path, error] of [
    ['/a//b', /must not contain '\/\/'/],
    ['/a/./b', /must not contain '\/\.\/'/],
    ['/a/../b', /must not contain '\/\.\.\/'/],
    ['/a%2Fb', /must not contain '%2F'/],
    ['/a/..', /cannot end with '\/\.\.'/],
    ['/a/.', /cannot end with '\/\.'/],
  ]) {
    const [finding, ...rest] = findingsOf(ingress(`path: "${path}"\npathType: Exact`), ID);
    assert.equal(rest.length, 0, path);
    assert.match(said(finding), error, path);
  }
  for (const path of ['/', '/api', '/a.b/c..d', '/api/v1/']) assert.deepEqual(findingsOf(ingress(`path: "${path}"\npathType: Prefix`), ID), [], path);
});

test('multi-document: each Ingress on its own', () => {
  const text = `${ingress('path: /\npathType: Prefix')}---\n${ingress('path: x\npathType: Prefix')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});
