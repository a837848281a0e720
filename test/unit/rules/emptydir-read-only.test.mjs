import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'emptydir-read-only';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    containers:
    - name: nginx
      image: nginx:1.27
      volumeMounts:
      - name: webroot
        mountPath: /usr/share/nginx/html
        readOnly: true
    volumes:
    - name: webroot
      emptyDir: {}
`;

test('an emptyDir mounted only read-only is a warning on readOnly', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'readOnly');
  assert.match(said(finding), /nothing can ever write to it/);
});

test('a writable mount anywhere (here an init container) is fine', () => {
  const text = bad.replace(
    '  containers:\n',
    '  initContainers:\n  - name: fill\n    image: busybox:1.36\n    command: [sh, -c, "echo hi > /out/index.html"]\n    volumeMounts:\n    - {name: webroot, mountPath: /out}\n  containers:\n',
  );
  assert.deepEqual(findingsOf(text, ID), []);
  assert.deepEqual(findingsOf(bad.replace('readOnly: true', 'readOnly: false'), ID), []);
});

test('read-only configMap volumes are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('emptyDir: {}', 'configMap: {name: site}'), ID), []);
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
            volumeMounts: [{name: tmp, mountPath: /tmp, readOnly: true}]
          volumes: [{name: tmp, emptyDir: {}}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: make the mount writable', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /readOnly/);
});

test('a mount inside a read-only emptyDir: the container cannot start (error on that readOnly), and the fix clears it (#13)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        volumeMounts:
        - {name: cache, mountPath: /var/cache, readOnly: true}
        - {name: conf, mountPath: /var/cache/conf}
      volumes:
      - {name: cache, emptyDir: {}}
      - {name: conf, configMap: {name: web}}
  `;
  const [finding, ...rest] = findingsOf(text, 'emptydir-read-only');
  assert.equal(rest.length, 0, 'one finding: the start failure, not also "stays empty"');
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'readOnly');
  assert.match(finding.message, /Container "web" cannot start: "\/var\/cache\/conf" lies inside read-only emptyDir "cache"/);
  assert.match(finding.detail, /read-only file system/);
  assertFixClears(text, 'emptydir-read-only');
  // boundary: a sibling path that only shares the prefix is not inside
  const sibling = text.replace('mountPath: /var/cache/conf', 'mountPath: /var/cache-conf');
  assert.equal(findingsOf(sibling, 'emptydir-read-only')[0].severity, 'warning');
});
