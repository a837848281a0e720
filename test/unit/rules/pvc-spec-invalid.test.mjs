import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'pvc-spec-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const pvc = (spec) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
const base = 'accessModes: [ReadWriteOnce]\nresources:\n  requests:\n    storage: 1Gi\n';

test('a complete claim is fine', () => {
  assert.deepEqual(findingsOf(pvc(base), ID), []);
  assert.deepEqual(findingsOf(pvc(`${base}storageClassName: ""`), ID), []);
  assert.deepEqual(findingsOf(pvc(`${base}dataSource: {apiGroup: snapshot.storage.k8s.io, kind: VolumeSnapshot, name: snap}`), ID), []);
});

test('accessModes and the storage request are required', () => {
  const text = pvc('resources:\n  requests:\n    storage: 1Gi');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /at least 1 access mode is required/);
  const noStorage = pvc('accessModes: [ReadWriteOnce]\nresources:\n  requests:\n    cpu: 1');
  const [missing] = findingsOf(noStorage, ID);
  assert.equal(textOf(noStorage, missing), 'resources');
  assert.match(said(missing), /spec\.resources\[storage\]: Required value/);
  const zero = pvc(base.replace('1Gi', '"0"'));
  const [nonPositive] = findingsOf(zero, ID);
  assert.equal(textOf(zero, nonPositive), '"0"');
  assert.equal(lineOf(zero, nonPositive), 8);
  assert.match(said(findingsOf(pvc(base.replace('[ReadWriteOnce]', '[ReadWriteOnce, ReadWriteOncePod]')), ID)[0]), /may not use ReadWriteOncePod/);
});

test('storageClassName and data sources', () => {
  assert.match(findingsOf(pvc(`${base}storageClassName: Fast_SSD`), ID)[0].message, /is not a DNS subdomain/);
  const core = pvc(`${base}dataSource: {kind: VolumeSnapshot, name: snap}`);
  const [finding] = findingsOf(core, ID);
  assert.equal(textOf(core, finding), 'VolumeSnapshot');
  assert.match(said(finding), /must be 'PersistentVolumeClaim' when referencing the default apiGroup/);
  const differ = pvc(`${base}dataSource: {kind: PersistentVolumeClaim, name: a}\ndataSourceRef: {kind: PersistentVolumeClaim, name: b}`);
  assert.match(said(findingsOf(differ, ID)[0]), /must match dataSourceRef/);
  const same = pvc(`${base}dataSource: {kind: PersistentVolumeClaim, name: a}\ndataSourceRef: {kind: PersistentVolumeClaim, name: a}`);
  assert.deepEqual(findingsOf(same, ID), []);
  const crossNamespace = pvc(`${base}dataSource: {kind: PersistentVolumeClaim, name: a}\ndataSourceRef: {kind: PersistentVolumeClaim, name: a, namespace: other}`);
  assert.match(findingsOf(crossNamespace, ID)[0].message, /dataSource cannot be set when dataSourceRef has a namespace/);
});

test('selector expressions: In and NotIn need values', () => {
  const text = pvc(`${base}selector:\n  matchExpressions:\n  - {key: tier, operator: In, values: []}`);
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'values');
  assert.match(said(finding), /must be specified when `operator` is 'In' or 'NotIn'/);
  assert.deepEqual(findingsOf(pvc(`${base}selector:\n  matchExpressions:\n  - {key: tier, operator: Exists}`), ID), []);
});

test('multi-document placement', () => {
  const text = `${pvc(base)}---\n${pvc('accessModes: [ReadWriteOnce]')}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});
