import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'meta-name-invalid';

const upper = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: Web # capitalised
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('an upper-case Pod name is an error on the value', () => {
  const [finding, ...rest] = findingsOf(upper, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(upper, finding), 'Web');
  assert.match(said(finding), /lowercase RFC 1123 subdomain/);
});

test('a dotted Deployment name is valid but warned about (DNS label recommended)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web.v1.2
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
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 8);
  assert.match(said(finding), /used in Pod names and hostnames/);
});

test('StatefulSet names are DNS labels; CronJob names are at most 52 characters', () => {
  const sts = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db.primary
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
  const [stsFinding] = findingsOf(sts, ID);
  assert.equal(stsFinding.severity, 'error');
  assert.match(said(stsFinding), /must not contain dots/);
  const cron = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: ${'a'.repeat(53)}
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: run
                image: task:1.0
  `;
  assert.match(said(findingsOf(cron, ID)[0]), /no more than 52 characters/);
});

test('a missing name is an error, except on static Pods (static-pod-name)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'metadata');
  assert.match(said(finding), /name or generateName is required/);
  assert.deepEqual(findingsOf(text, ID, { staticPod: true }), []);
  assert.deepEqual(findingsOf(text.replace('labels: {app: web}', 'generateName: web-'), ID), []);
});

test('valid DNS-label names are fine', () => {
  assert.deepEqual(findingsOf(upper.replace('Web #', 'web #'), ID), []);
});

test('fix: lower-case the name', () => {
  const fixed = assertFixClears(upper, ID);
  assert.match(fixed, /name: web # capitalised/);
});
