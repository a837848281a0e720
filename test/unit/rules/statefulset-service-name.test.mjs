import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'statefulset-service-name';

const statefulSet = (serviceLine) => yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: db
  spec:
    ${serviceLine}
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

test('a serviceName that is not a DNS label is an error on the value, with a rename fix', () => {
  const text = statefulSet('serviceName: DB_Service # governing service');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'DB_Service');
  assert.match(said(finding), /must be a DNS-1123 label/);
  assert.match(said(finding), /The API server rejects the StatefulSet/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /serviceName: db-service # governing service/);
});

test('before 1.33 the bad name is accepted and Pod creation fails', () => {
  const text = statefulSet('serviceName: db.svc');
  const [finding] = findingsOf(text, ID, { version: '1.32' });
  assert.equal(finding.severity, 'error');
  assert.match(said(finding), /accepts the StatefulSet, but every Pod creation fails/);
});

test('missing serviceName: hint from 1.33 (optional there), left to the schema before', () => {
  const text = statefulSet('replicas: 1');
  const [hint] = findingsOf(text, ID, { version: '1.33' });
  assert.equal(hint.severity, 'hint');
  assert.equal(textOf(text, hint), 'spec');
  assert.deepEqual(findingsOf(text, ID, { version: '1.32' }), []);
  const empty = statefulSet('serviceName: ""');
  const [emptyHint] = findingsOf(empty, ID, { version: '1.32' });
  assert.equal(emptyHint.severity, 'hint');
  assert.equal(textOf(empty, emptyHint), 'serviceName');
});

test('a valid serviceName is fine; multi-document placement', () => {
  assert.deepEqual(findingsOf(statefulSet('serviceName: db'), ID), []);
  const text = statefulSet('serviceName: db') + '---\n' + statefulSet('serviceName: -db-');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
});
