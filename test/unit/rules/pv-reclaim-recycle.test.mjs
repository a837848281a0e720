import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'pv-reclaim-recycle';

const pv = (policy, source = 'nfs: {server: 10.0.0.1, path: /data}') => yaml`
  apiVersion: v1
  kind: PersistentVolume
  metadata:
    name: pv0001
  spec:
    capacity:
      storage: 5Gi
    accessModes: [ReadWriteMany]
    persistentVolumeReclaimPolicy: ${policy}
    ${source}
`;

test('Recycle: warning on the value naming the replacement; fix sets Retain', () => {
  const text = pv('Recycle # scrub on release');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'Recycle');
  assert.match(said(finding), /The Recycle reclaim policy is deprecated/);
  assert.match(said(finding), /dynamic provisioning/);
  assert.match(said(finding), /Retain/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /persistentVolumeReclaimPolicy: Retain # scrub on release/);
});

test('Retain and Delete are fine', () => {
  assert.deepEqual(findingsOf(pv('Retain'), ID), []);
  assert.deepEqual(findingsOf(pv('Delete'), ID), []);
});

test('a source that can never be recycled says so', () => {
  const text = pv('Recycle', 'csi: {driver: ebs.csi.aws.com, volumeHandle: vol-1}');
  assert.match(said(findingsOf(text, ID)[0]), /Only nfs and hostPath volumes can be recycled/);
});

test('seed 002-nfs-pv: both PersistentVolumes warn, each in its document', { skip: SEEDS_MISSING }, () => {
  const text = seedText('002-nfs-pv.yaml');
  const findings = findingsOf(text, ID);
  assert.deepEqual(
    findings.map((finding) => finding.documentIndex),
    [0, 1],
  );
  assert.deepEqual(
    findings.map((finding) => lineOf(text, finding)),
    [10, 25],
  );
});
