import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-mount-path';

test('two mounts on the same mountPath: error on the second', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - {name: a, mountPath: /etc/app}
        - {name: b, mountPath: /etc/app}
      volumes:
      - {name: a, emptyDir: {}}
      - {name: b, emptyDir: {}}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '/etc/app');
  assert.match(said(finding), /must be unique/);
});

test('absolute subPath and .. in subPathExpr', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - {name: a, mountPath: /x, subPath: /abs}
        - {name: a, mountPath: /y, subPathExpr: ../$(POD_NAME)}
      volumes:
      - {name: a, emptyDir: {}}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 2);
  assert.match(messages[0], /must be a relative path/);
  assert.match(messages[1], /must not contain '\.\.'/);
});

test('distinct relative paths are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - {name: a, mountPath: /etc/app/a.conf, subPath: conf/a.conf}
        - {name: a, mountPath: /etc/app/b.conf, subPath: conf/b.conf}
      volumes:
      - {name: a, configMap: {name: app}}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

test('subPath on an image volume: rejected before 1.33 only', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: shell
        image: debian:12
        volumeMounts: [{name: volume, mountPath: /volume, subPath: dir}]
      volumes:
      - name: volume
        image: {reference: quay.io/crio/artifact:v2}
  `;
  assert.match(said(findingsOf(text, ID, { version: '1.32' })[0]), /not allowed in image volume sources/);
  assert.deepEqual(findingsOf(text, ID, { version: '1.33' }), []);
});

const both = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # deployment
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
          volumeMounts:
          - name: logs
            mountPath: /var/log/app
            subPath: web
            subPathExpr: $(POD_NAME)
        volumes:
        - name: logs
          emptyDir: {}
`;

test('subPath and subPathExpr together in a Deployment template (multi-document)', () => {
  const [finding] = findingsOf(both, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(both, finding), 23);
  assert.equal(textOf(both, finding), 'subPathExpr');
  assert.match(said(finding), /mutually exclusive/);
});

test('fix: drop subPathExpr', () => {
  const fixed = assertFixClears(both, ID, { title: 'Remove subPathExpr' });
  assert.doesNotMatch(fixed, /subPathExpr/);
});

test('fix: a subPath with a leading "/" is made relative; ".." gets no fix', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - name: config
          mountPath: /etc/app/app.conf
          subPath: /app.conf # one file of the ConfigMap
      volumes:
      - name: config
        configMap: {name: app}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Container "app": subPath "/app.conf" is not a relative path inside the volume');
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /subPath: app\.conf # one file of the ConfigMap/);
  assert.deepEqual(findingsOf(text.replace('/app.conf #', '../app.conf #'), ID)[0].fixes, []);
});

test('only "/" separates sub-path elements: the API server runs on Linux', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        volumeMounts:
        - {name: a, mountPath: /x, subPath: 'dir\\..\\file'}
        - {name: a, mountPath: /y, subPath: ./..}
      volumes:
      - {name: a, emptyDir: {}}
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding), './..');
  assert.match(said(finding), /must not contain '\.\.'/);
});
