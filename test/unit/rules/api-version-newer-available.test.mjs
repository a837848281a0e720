import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'api-version-newer-available';

const vac = yaml`
  apiVersion: storage.k8s.io/v1beta1
  kind: VolumeAttributesClass
  metadata:
    name: fast # gold tier
  driverName: ebs.csi.aws.com
  parameters:
    iops: "3000"
`;

test('a beta apiVersion when the target serves the stable one: hint with a fix', () => {
  const [finding, ...rest] = findingsOf(vac, ID, { version: '1.34' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(vac, finding), 'storage.k8s.io/v1beta1');
  assert.match(said(finding), /serves the stable storage\.k8s\.io\/v1/);
  const fixed = assertFixClears(vac, ID, { options: { version: '1.34' } });
  assert.match(fixed, /apiVersion: storage\.k8s\.io\/v1\n/);
});

test('version boundary: before the stable version ships there is nothing to say', () => {
  assert.deepEqual(findingsOf(vac, ID, { version: '1.33' }), []);
});

test('no fix when the stable version has a different shape', () => {
  const text = yaml`
    apiVersion: resource.k8s.io/v1beta1
    kind: ResourceClaim
    metadata:
      name: gpu
    spec:
      devices:
        requests:
        - name: gpu
          deviceClassName: gpu.example.com
  `;
  const [finding] = findingsOf(text, ID, { version: '1.36' });
  assert.ok(finding);
  assert.match(said(finding), /the fields differ/);
  assert.deepEqual(finding.fixes, []);
});

test('stable apiVersions and custom resources are not reported; multi-document placement', () => {
  const stable = vac.replace('/v1beta1', '/v1');
  assert.deepEqual(findingsOf(stable, ID, { version: '1.36' }), []);
  const crd = yaml`
    apiVersion: example.com/v1beta1
    kind: Widget
    metadata:
      name: w
  `;
  assert.deepEqual(findingsOf(crd, ID), []);
  const text = stable + '---\n' + vac;
  const [finding] = findingsOf(text, ID, { version: '1.36' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 8);
});
