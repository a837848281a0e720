import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ALL_RULES, PARITY_AREAS } from '../../dist/server/engine.js';
import { PARITY_PATH, renderParityTable } from '../../scripts/generate-parity-table.mjs';

// Categories whose error rules are not API-server validation, so they carry no parity tag.
const EXEMPT_CATEGORIES = new Map([
  ['yaml', 'YAML syntax and document structure: kubectl fails to parse the file before any request reaches the API server'],
  ['static-pods', 'the kubelet reads static-Pod manifests from disk; the API server only ever sees the mirror Pod'],
  ['internal', "Podwise's own report that a rule crashed"],
  ['configuration', 'Podwise settings and .podwise.yaml, not Kubernetes objects'],
  ['suppression', "Podwise's own disable comments and annotations"],
  ['kustomize', 'kustomization.yaml is read by kustomize on the client; the API server never sees it'],
]);

// Error rules in API-validation categories that the API server accepts: the failure comes later.
const EXEMPT_RULES = new Map([
  ['probe-named-port-undeclared', 'the API accepts any valid port name; the kubelet fails to resolve it at runtime'],
  ['lifecycle-tcp-socket', 'the API accepts a tcpSocket hook; the kubelet cannot run it'],
]);

const areaIds = new Set(PARITY_AREAS.map((area) => area.id));

test('PARITY_AREAS is exported from the engine, with unique ids, a title and upstream functions', () => {
  assert.ok(PARITY_AREAS.length > 0);
  assert.equal(areaIds.size, PARITY_AREAS.length, 'duplicate parity area id');
  for (const area of PARITY_AREAS) {
    assert.match(area.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(area.title && area.upstream, `${area.id} needs a title and upstream`);
  }
});

test('docs/parity.md is what scripts/generate-parity-table.mjs writes (run it and commit)', () => {
  assert.equal(readFileSync(PARITY_PATH, 'utf8'), renderParityTable());
});

test("every rule's parity ids are known areas, each named once", () => {
  for (const { meta } of ALL_RULES) {
    const parity = meta.parity ?? [];
    assert.deepEqual(
      parity.filter((id) => !areaIds.has(id)),
      [],
      `${meta.id} names unknown parity areas`,
    );
    assert.equal(new Set(parity).size, parity.length, `${meta.id} names a parity area twice`);
  }
});

test('every error rule in an API-validation category names the parity areas it reproduces', () => {
  const untagged = ALL_RULES.map((rule) => rule.meta)
    .filter((meta) => meta.defaultSeverity === 'error' && !EXEMPT_CATEGORIES.has(meta.category) && !EXEMPT_RULES.has(meta.id))
    .filter((meta) => (meta.parity ?? []).length === 0)
    .map((meta) => `${meta.category}/${meta.id}`);
  assert.deepEqual(untagged, [], 'error rules without meta.parity (tag them, or exempt them here with the reason)');
});

test('the exemptions are still needed: each exempt rule exists, is an error and has no parity tag', () => {
  for (const [id, reason] of EXEMPT_RULES) {
    const meta = ALL_RULES.find((rule) => rule.meta.id === id)?.meta;
    assert.ok(meta, `exempt rule ${id} no longer exists`);
    assert.equal(meta.defaultSeverity, 'error', `exempt rule ${id} is no longer an error (${reason})`);
    assert.ok(!EXEMPT_CATEGORIES.has(meta.category), `${id} is already exempt through its category`);
    assert.equal((meta.parity ?? []).length, 0, `exempt rule ${id} has a parity tag: drop the exemption`);
  }
});
