import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'pdb-spec-invalid';

const pdb = (bounds) => yaml`
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata:
    name: web
  spec:
    ${bounds}
    selector:
      matchLabels: {app: web}
`;

test('both minAvailable and maxUnavailable: error on spec (where the API server reports it), fixes remove one', () => {
  const text = pdb('minAvailable: 1\n  maxUnavailable: 1');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.equal(text.split('\n')[lineOf(text, finding)], 'spec:');
  assert.match(finding.detail, /minAvailable and maxUnavailable cannot be both set/);
  assertFixClears(text, ID);
  assertFixClears(text, ID, { title: 'Remove minAvailable' });
});

test('valid bounds are silent: 0, 100%, neither set', () => {
  assert.deepEqual(findingsOf(pdb('minAvailable: 0'), ID), []);
  assert.deepEqual(findingsOf(pdb('maxUnavailable: "100%"'), ID), []);
  assert.deepEqual(findingsOf(pdb('unhealthyPodEvictionPolicy: AlwaysAllow'), ID), []);
});

test('a quoted number, a negative number and a percentage over 100%', () => {
  const quoted = pdb('minAvailable: "2"');
  const [finding] = findingsOf(quoted, ID);
  assert.equal(textOf(quoted, finding), '"2"');
  assert.match(finding.detail, /a valid percent string/);
  assert.match(assertFixClears(quoted, ID), /minAvailable: 2\n/);
  assert.match(findingsOf(pdb('maxUnavailable: -1'), ID)[0].detail, /must be greater than or equal to 0/);
  assert.match(findingsOf(pdb('minAvailable: 150%'), ID)[0].detail, /must not be greater than 100%/);
});

test('multi-document file with the Deployment it protects', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 3
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
    ---
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      maxUnavailable: "25 %"
      selector:
        matchLabels: {app: web}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
  assert.match(assertFixClears(text, ID), /maxUnavailable: "?25%"?\n/);
});
