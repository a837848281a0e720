import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'pv-spec-invalid';
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const pv = (spec) => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data\nspec:\n${spec.replace(/^/gm, '  ')}\n`;
const base = 'accessModes: [ReadWriteOnce]\ncapacity: {storage: 10Gi}\n';

test('a complete PersistentVolume is fine', () => {
  assert.deepEqual(findingsOf(pv(`${base}nfs: {server: nfs.example.com, path: /exports}`), ID), []);
  assert.deepEqual(findingsOf(pv(`${base}csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}\nstorageClassName: gp3`), ID), []);
});

test('accessModes required; ReadWriteOncePod alone', () => {
  const text = pv('capacity: {storage: 10Gi}\nnfs: {server: nfs.example.com, path: /exports}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /spec\.accessModes: Required value/);
  const mixed = pv(`${base.replace('[ReadWriteOnce]', '[ReadWriteOncePod, ReadOnlyMany]')}nfs: {server: n, path: /e}`);
  assert.match(said(findingsOf(mixed, ID)[0]), /may not use ReadWriteOncePod with other access modes/);
  assert.deepEqual(findingsOf(pv(`${base.replace('[ReadWriteOnce]', '[ReadWriteOncePod]')}nfs: {server: n, path: /e}`), ID), []);
});

test('capacity: storage required, only storage, greater than zero', () => {
  assert.match(findingsOf(pv('accessModes: [ReadWriteOnce]\nnfs: {server: n, path: /e}'), ID)[0].message, /capacity\.storage is required/);
  const zero = pv('accessModes: [ReadWriteOnce]\ncapacity: {storage: 0Gi}\nnfs: {server: n, path: /e}');
  const [finding] = findingsOf(zero, ID);
  assert.equal(textOf(zero, finding), '0Gi');
  assert.equal(lineOf(zero, finding), 6);
  const extra = pv('accessModes: [ReadWriteOnce]\ncapacity: {storage: 1Gi, cpu: 1}\nnfs: {server: n, path: /e}');
  assert.equal(textOf(extra, findingsOf(extra, ID)[0]), 'cpu');
});

test('exactly one volume source', () => {
  assert.match(said(findingsOf(pv(base), ID)[0]), /must specify a volume type/);
  const two = pv(`${base}nfs: {server: n, path: /e}\nhostPath: {path: /data}`);
  const [finding, ...rest] = findingsOf(two, ID);
  assert.equal(rest.length, 0);
  assert.equal(textOf(two, finding), 'nfs');
  assert.match(finding.message, /hostPath and nfs/);
});

test('local volumes need node affinity; paths without ".."; hostPath "/" cannot be recycled', () => {
  const local = pv(`${base}local: {path: /mnt/disks/ssd1}`);
  const [finding] = findingsOf(local, ID);
  // spec.nodeAffinity is missing: reported on its parent, where the API server points.
  assert.equal(textOf(local, finding), 'spec');
  assert.match(said(finding), /Local volume requires node affinity/);
  const pinned = `${base}local: {path: /mnt/disks/ssd1}\nnodeAffinity:\n  required:\n    nodeSelectorTerms:\n    - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [node-1]}]`;
  assert.deepEqual(findingsOf(pv(pinned), ID), []);
  assert.match(findingsOf(pv(`${base}local: {path: /mnt}\nnodeAffinity: {}`), ID)[0].message, /needs required node constraints/);
  assert.match(findingsOf(pv(`${base}hostPath: {path: /data/../etc}`), ID)[0].message, /contains '\.\.'/);
  assert.match(findingsOf(pv(`${base}hostPath: {path: /}\npersistentVolumeReclaimPolicy: Recycle`), ID)[0].message, /Recycle policy is not allowed/);
  assert.deepEqual(findingsOf(pv(`${base}hostPath: {path: /data..x}\npersistentVolumeReclaimPolicy: Recycle`), ID), []);
});

test('nfs needs an absolute path; the mount-options annotation only on sources that take options', () => {
  const text = pv(`${base}nfs: {server: nfs.example.com, path: exports/data}`);
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'exports/data');
  assert.match(said(finding), /must be an absolute path/);
  const annotated = (source) => pv(`${base}${source}`).replace('  name: data\n', '  name: data\n  annotations: {volume.beta.kubernetes.io/mount-options: "ro"}\n');
  const hostPath = annotated('hostPath: {path: /srv}');
  assert.equal(textOf(hostPath, findingsOf(hostPath, ID)[0]), 'volume.beta.kubernetes.io/mount-options');
  assert.deepEqual(findingsOf(annotated('nfs: {server: n, path: /e}'), ID), []);
  // spec.mountOptions is not checked by the API server (only the legacy annotation is).
  assert.deepEqual(findingsOf(pv(`${base}hostPath: {path: /srv}\nmountOptions: [noatime]`), ID), []);
});

test('storageClassName must be a DNS subdomain; multi-document placement', () => {
  const text = `${pv(`${base}nfs: {server: n, path: /e}`)}---\n${pv(`${base}nfs: {server: n, path: /e}\nstorageClassName: Fast_SSD`)}`;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.equal(textOf(text, findings[0]), 'Fast_SSD');
});
