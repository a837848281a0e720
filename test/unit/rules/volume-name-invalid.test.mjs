import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-name-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: app
      image: app:1.0
      volumeMounts:
      - name: Config
        mountPath: /etc/app
    volumes:
    - name: Config
      configMap: {name: app}
`;

test('an upper-case volume name is an error; the mount is not reported as unknown (no cascade)', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(bad, finding), 12);
  assert.equal(textOf(bad, finding), 'Config');
  assert.deepEqual(findingsOf(bad, 'volume-mount-unknown-volume'), []);
});

test('duplicate and empty names', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
      volumes:
      - {name: data, emptyDir: {}}
      - {name: data, emptyDir: {}}
      - {name: "", emptyDir: {}}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /used twice/);
  assert.match(messages[1], /empty name/);
});

test('valid names are fine', () => {
  assert.deepEqual(findingsOf(bad.replaceAll('Config', 'config'), ID), []);
});

test('StatefulSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
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
          volumes:
          - name: run_dir
            emptyDir: {}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 23);
});

test('fix: renames the volume and its mounts together', () => {
  const fixed = assertFixClears(bad, ID);
  assert.equal(fixed.match(/name: config\n/g).length, 2);
});
