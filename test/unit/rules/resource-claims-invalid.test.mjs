import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'resource-claims-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: train
  spec:
    resourceClaims:
    - name: gpu
      resourceClaimTemplateName: gpu-template
    - name: Big_GPU
    containers:
    - name: app
      image: app:1.0
      resources:
        claims:
        - name: tpu
`;

test('claim names, sources and container references', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 8);
  assert.match(said(findings[0]), /must specify one of: `resourceClaimName`, `resourceClaimTemplateName`/);
  assert.equal(textOf(bad, findings[1]), 'Big_GPU');
  assert.equal(lineOf(bad, findings[2]), 14);
  assert.equal(textOf(bad, findings[2]), 'tpu');
  assert.match(said(findings[2]), /must be one of the names in pod.spec.resourceClaims: Big_GPU, gpu/);
});

test('before 1.34 the API server drops these fields instead (no finding)', () => {
  assert.deepEqual(findingsOf(bad, ID, { version: '1.33' }), []);
});

test('valid claims are fine (Job template, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: train
    spec:
      template:
        spec:
          restartPolicy: Never
          resourceClaims:
          - {name: gpu, resourceClaimTemplateName: gpu-template}
          - {name: shared, resourceClaimName: shared-accelerator}
          containers:
          - name: app
            image: app:1.0
            resources:
              claims: [{name: gpu}, {name: shared, request: fast}]
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});
