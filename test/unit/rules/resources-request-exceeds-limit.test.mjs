import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'resources-request-exceeds-limit';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      resources:
        requests: {cpu: "2", memory: 1Gi}
        limits: {cpu: 1500m, memory: 1024Mi}
`;

test('cpu request 2 over limit 1500m is an error on the request value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0, 'memory 1Gi == 1024Mi is fine');
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), '"2"');
  assert.match(said(finding), /must be less than or equal to cpu limit of 1500m/);
});

test('quantities compare exactly across suffixes and notations', () => {
  const cases = [
    ['0.5', '500m', false],
    ['501m', '0.5', true],
    ['1e3', '1k', false],
    ['1Ki', '1k', true],
    ['129M', '123Mi', true],
    ['1.5Gi', '1536Mi', false],
  ];
  for (const [request, limit, flagged] of cases) {
    const text = bad.replace('cpu: "2", memory: 1Gi', `cpu: "${request}"`).replace('cpu: 1500m, memory: 1024Mi', `cpu: "${limit}"`);
    assert.equal(findingsOf(text, ID).length, flagged ? 1 : 0, `${request} vs ${limit}`);
  }
});

test('negative quantities are rejected', () => {
  const text = bad.replace('memory: 1Gi', 'memory: -1Gi');
  assert.ok(findingsOf(text, ID).some((f) => /memory -1Gi is negative/.test(f.message) && /greater than or equal to 0/.test(f.detail)));
});

test('Deployment template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            resources:
              requests: {memory: 512Mi}
              limits: {memory: 256Mi}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 20);
});

test('fix: lower the request to the limit', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Lower the cpu request' });
  assert.match(fixed, /requests: \{cpu: 1500m, memory: 1Gi\}/);
});

test('fix: raise the limit', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Raise the cpu limit' });
  assert.match(fixed, /limits: \{cpu: "2", memory: 1024Mi\}/);
});
