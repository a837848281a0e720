import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'pvc-ref-missing';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: mysql
    namespace: db
  spec:
    selector:
      matchLabels: {app: mysql}
    template:
      metadata:
        labels: {app: mysql}
      spec:
        containers:
        - name: mysql
          image: mysql:8.4
        volumes:
        - name: data
          persistentVolumeClaim:
            claimName: mysql-data
`;

const claim = (name, namespace = 'db') => yaml`
  apiVersion: v1
  kind: PersistentVolumeClaim
  metadata:
    name: ${name}
    namespace: ${namespace}
  spec:
    accessModes: [ReadWriteOnce]
    resources:
      requests: {storage: 1Gi}
`;

test('the claim in another file: nothing to say', () => {
  assert.deepEqual(refFindings(DEPLOYMENT, ID, { files: { '/work/app/pvc.yaml': claim('mysql-data') } }), []);
});

test('a claim no file defines: info at claimName; a warning when the workspace is complete', () => {
  const [finding, ...rest] = refFindings(DEPLOYMENT, ID, { files: { '/work/app/pvc.yaml': claim('other') } });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(DEPLOYMENT, finding), 18);
  assert.equal(textOf(DEPLOYMENT, finding), 'mysql-data');
  assert.equal(finding.message, 'Volume "data" mounts claim "mysql-data", which was not found');
  assert.match(finding.detail, /Pending/);
  assert.equal(refFindings(DEPLOYMENT, ID, { files: {}, workspaceIsComplete: true })[0].severity, 'warning');
});

test('namespace mismatch counts as missing', () => {
  assert.equal(refFindings(DEPLOYMENT, ID, { files: { '/work/app/pvc.yaml': claim('mysql-data', 'other') } }).length, 1);
});

test('a Pod with its claim in the same multi-document file; no run: silent', () => {
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
      namespace: db
    spec:
      containers:
      - name: c
        image: busybox:1.36
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: mysql-data}
  `;
  assert.deepEqual(refFindings(claim('mysql-data') + '---\n' + pod, ID, { files: {} }), []);
  assert.deepEqual(refFindings(pod, ID, { alone: true }), []);
  assert.equal(refFindings(pod, ID, { files: {} }).length, 1);
});
