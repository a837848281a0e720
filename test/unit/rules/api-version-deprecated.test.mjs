import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'api-version-deprecated';

const flowSchema = yaml`
  apiVersion: flowcontrol.apiserver.k8s.io/v1beta3 # old
  kind: FlowSchema
  metadata:
    name: health
  spec:
    priorityLevelConfiguration:
      name: exempt
    matchingPrecedence: 1000
`;

test('flowcontrol v1beta3 on 1.29–1.31: warning with the API server warning text; fix moves to v1', () => {
  const [finding, ...rest] = findingsOf(flowSchema, ID, { version: '1.29' });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(flowSchema, finding), 'flowcontrol.apiserver.k8s.io/v1beta3');
  assert.match(finding.message, /^flowcontrol\.apiserver\.k8s\.io\/v1beta3 FlowSchema is deprecated and removed in 1\.32$/);
  assert.match(
    finding.detail,
    /^flowcontrol\.apiserver\.k8s\.io\/v1beta3 FlowSchema is deprecated in v1\.29\+, unavailable in v1\.32\+; use flowcontrol\.apiserver\.k8s\.io\/v1 FlowSchema/,
  );
  const fixed = assertFixClears(flowSchema, ID, { options: { version: '1.31' } });
  assert.match(fixed, /apiVersion: flowcontrol\.apiserver\.k8s\.io\/v1 # old/);
});

test('version boundaries: removed from 1.32 (api-version-removed speaks then)', () => {
  assert.equal(findingsOf(flowSchema, ID, { version: '1.31' }).length, 1);
  assert.deepEqual(findingsOf(flowSchema, ID, { version: '1.32' }), []);
  assert.equal(findingsOf(flowSchema, 'api-version-removed', { version: '1.32' }).length, 1);
});

test('v1alpha1 ValidatingAdmissionPolicy: the replacement is the newest the target serves', () => {
  const text = yaml`
    apiVersion: admissionregistration.k8s.io/v1alpha1
    kind: ValidatingAdmissionPolicy
    metadata:
      name: demo
    spec:
      validations:
      - expression: "object.spec.replicas <= 5"
  `;
  assert.match(said(findingsOf(text, ID, { version: '1.29' })[0]), /use admissionregistration\.k8s\.io\/v1beta1 ValidatingAdmissionPolicy/);
  assert.match(said(findingsOf(text, ID, { version: '1.31' })[0]), /use admissionregistration\.k8s\.io\/v1 ValidatingAdmissionPolicy/);
});

test('a current apiVersion is not deprecated; multi-document placement', () => {
  const current = flowSchema.replace('/v1beta3', '/v1');
  assert.deepEqual(findingsOf(current, ID, { version: '1.30' }), []);
  const text = current + '---\n' + flowSchema;
  const [finding] = findingsOf(text, ID, { version: '1.30' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 9);
});
