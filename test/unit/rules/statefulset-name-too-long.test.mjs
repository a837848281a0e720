import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'statefulset-name-too-long';

const statefulSet = (name) => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: ${name}
  spec:
    serviceName: db
    selector:
      matchLabels: {app: db}
    template:
      metadata:
        labels: {app: db}
      spec:
        containers:
        - name: db
          image: postgres:16
`;

test('53 characters: warning on the name value', () => {
  const name = 'a'.repeat(53);
  const text = statefulSet(name);
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), name);
  assert.match(said(finding), /controller-revision-hash/);
});

test('52 characters is the longest safe name', () => {
  assert.deepEqual(findingsOf(statefulSet('b'.repeat(52)), ID), []);
});

test('only StatefulSets, in the right document', () => {
  const long = 'c'.repeat(60);
  const deployment = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${long}
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
  `;
  const text = deployment + '---\n' + statefulSet(long);
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
  assert.equal(lineOf(text, findings[0]), 18);
});
