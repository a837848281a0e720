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

// ---- every built-in kind, with the name rule it really has (issue #12) ----------------------

const named = (apiVersion, kind, name, extra = '') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n${extra}`;

test('an upper-case PersistentVolume name is an error (DNS-1123 subdomain), with a rename fix', () => {
  const text = named('v1', 'PersistentVolume', 'Data-PV', 'spec:\n  capacity:\n    storage: 1Gi\n  accessModes: [ReadWriteOnce]\n  hostPath:\n    path: /data\n');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 3);
  assert.equal(textOf(text, finding), 'Data-PV');
  assert.match(said(finding), /lowercase RFC 1123 subdomain/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /name: data-pv/);
});

test('subdomain kinds accept dots; label kinds (Namespace) do not', () => {
  assert.deepEqual(findingsOf(named('v1', 'ConfigMap', 'app.config.v2'), ID), []);
  assert.deepEqual(findingsOf(named('storage.k8s.io/v1', 'StorageClass', 'fast.ssd', 'provisioner: x\n'), ID), []);
  const [finding] = findingsOf(named('v1', 'Namespace', 'team.a'), ID);
  assert.match(said(finding), /must not contain dots/);
});

test('Service names are DNS-1035 labels up to 1.35, DNS-1123 labels from 1.36 (RelaxedServiceNameValidation)', () => {
  const text = named('v1', 'Service', '1st-api', 'spec:\n  ports:\n  - port: 80\n');
  const [old] = findingsOf(text, ID, { version: '1.35' });
  assert.equal(old.severity, 'error');
  assert.equal(textOf(text, old), '1st-api');
  assert.match(said(old), /DNS-1035 label/);
  assert.deepEqual(findingsOf(text, ID, { version: '1.36' }), []);
  // Dots are out in both.
  assert.equal(findingsOf(text.replace('1st-api', 'api.v1'), ID, { version: '1.36' }).length, 1);
});

test('RBAC kinds and PodDisruptionBudgets take path-segment names: colons and capitals pass, "/" does not', () => {
  const text = yaml`
    apiVersion: rbac.authorization.k8s.io/v1
    kind: ClusterRole
    metadata:
      name: system:controller:My-Role
    rules: []
    ---
    apiVersion: rbac.authorization.k8s.io/v1
    kind: Role
    metadata:
      name: team/reader
      namespace: apps
    rules: []
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), 'team/reader');
  assert.match(said(finding), /may not contain '\/'/);
  assert.match(assertFixClears(text, ID), /name: team-reader/);
  assert.deepEqual(findingsOf(named('policy/v1', 'PodDisruptionBudget', 'Web_PDB', 'spec:\n  minAvailable: 1\n'), ID), []);
});

test('PriorityClass names with the reserved "system-" prefix are rejected, the two built-in ones pass', () => {
  const [finding] = findingsOf(named('scheduling.k8s.io/v1', 'PriorityClass', 'system-important', 'value: 1000\n'), ID);
  assert.match(finding.message, /reserved "system-" prefix/);
  assert.deepEqual(findingsOf(named('scheduling.k8s.io/v1', 'PriorityClass', 'system-node-critical', 'value: 2000001000\n'), ID), []);
});

test('generateName is checked whenever it is set, as a prefix of the kind’s format', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: migrate
      generateName: Migrate_
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: run
            image: task:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'Migrate_');
  assert.deepEqual(findingsOf(text.replace('Migrate_', 'migrate-'), ID), []);
  assert.deepEqual(findingsOf(named('v1', 'Service', 'x', 'spec:\n  ports:\n  - port: 80\n').replace('name: x', 'generateName: api-'), ID, { version: '1.35' }), []);
});

test('metadata.namespace must be a DNS label on namespaced kinds; cluster-scoped kinds drop it', () => {
  const text = named('v1', 'ConfigMap', 'c', '').replace('  name: c\n', '  name: c\n  namespace: Team_A\n');
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'Team_A');
  assert.match(finding.message, /not a valid namespace name/);
  assert.match(assertFixClears(text, ID), /namespace: team-a/);
  assert.deepEqual(findingsOf(named('v1', 'PersistentVolume', 'pv', 'spec: {}\n').replace('  name: pv\n', '  name: pv\n  namespace: Team_A\n'), ID), []);
});

test('custom resources and list kinds are not checked here', () => {
  assert.deepEqual(findingsOf(named('example.com/v1', 'Widget', 'My_Widget'), ID), []);
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: ConfigMapList\nitems: []\n', ID), []);
});

test('any kind with a metadata block but no name or generateName: error on metadata; a fragment without metadata is left alone', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: web}\ndata:\n  key: value\n';
  const [finding, ...rest] = findingsOf(text, 'meta-name-invalid');
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'metadata');
  assert.match(finding.detail, /name or generateName is required/);
  assert.deepEqual(findingsOf(text.replace('  labels:', '  generateName: web-\n  labels:'), 'meta-name-invalid'), []);
  assert.deepEqual(findingsOf('apiVersion: v1\nkind: ConfigMap\ndata:\n  key: value\n', 'meta-name-invalid'), []);
});
