import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'pod-hostname-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    hostname: Web_1
    subdomain: my.sub
    containers:
    - name: app
      image: app:1.0
`;

test('hostname and subdomain must be DNS labels', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.equal(lineOf(bad, findings[0]), 5);
  assert.equal(textOf(bad, findings[0]), 'Web_1');
  assert.match(said(findings[1]), /must not contain dots/);
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /hostname: web-1/);
});

test('valid names are fine (StatefulSet template, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      selector: {matchLabels: {app: db}}
      template:
        metadata: {labels: {app: db}}
        spec:
          hostname: db-0
          subdomain: db-headless
          containers:
          - name: db
            image: db:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
