import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const ID = 'pvc-pv-mismatch';

const file = (claimSpec, volumeSpec) => yaml`
  apiVersion: v1
  kind: PersistentVolume
  metadata:
    name: data-pv
  spec:
  ${volumeSpec.replace(/^/gm, '  ')}
  ---
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: data
  spec:
  ${claimSpec.replace(/^/gm, '  ')}
`;

const volume = 'capacity: {storage: 10Gi}\naccessModes: [ReadWriteOnce]\nstorageClassName: manual\nhostPath: {path: /mnt/data}';
const claim = 'volumeName: data-pv\nstorageClassName: manual\naccessModes: [ReadWriteOnce]\nresources:\n  requests: {storage: 10Gi}';

test('a claim that fits its named volume at the boundary (equal size, same class and modes) is fine', () => {
  assert.deepEqual(findingsOf(file(claim, volume), ID), []);
});

test('a larger request than the volume: warning on the request, in the claim’s document', () => {
  const text = file(claim.replace('storage: 10Gi', 'storage: 20Gi'), volume);
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), '20Gi');
  assert.match(finding.message, /Claim "data" cannot bind volume "data-pv": requests 20Gi, more than its 10Gi/);
  assert.match(finding.detail, /stays Pending/);
});

test('class, access mode and volumeMode mismatches are each reported where the claim writes them', () => {
  const text = file(claim.replace('storageClassName: manual', 'storageClassName: fast').replace('[ReadWriteOnce]', '[ReadWriteMany]') + '\nvolumeMode: Block', volume);
  const found = findingsOf(text, ID).map((finding) => textOf(text, finding));
  assert.deepEqual(found, ['fast', '[ReadWriteMany]', 'Block']);
  // an omitted class on the claim is left alone (the cluster's default class applies)
  assert.deepEqual(findingsOf(file(claim.replace('storageClassName: manual\n', ''), volume), ID), []);
});

test('a volume reserved for another claim (claimRef), or found through claimRef only', () => {
  const reserved = file(claim, `${volume}\nclaimRef: {name: other, namespace: default}`);
  const [finding] = findingsOf(reserved, ID);
  assert.equal(textOf(reserved, finding), 'data-pv');
  assert.match(finding.message, /reserved for claim "default\/other"/);
  // No volumeName: the volume whose claimRef names this claim is compared
  const byRef = file(claim.replace('volumeName: data-pv\n', '').replace('storage: 10Gi', 'storage: 50Gi'), `${volume}\nclaimRef: {name: data}`);
  assert.equal(
    lineOf(byRef, findingsOf(byRef, ID)[0]),
    byRef.split('\n').findIndex((line) => line.includes('storage: 50Gi')),
  );
});

test('a claim naming a volume that is not in the file is not judged', () => {
  assert.deepEqual(findingsOf(file(claim.replace('volumeName: data-pv', 'volumeName: elsewhere'), volume), ID), []);
});
