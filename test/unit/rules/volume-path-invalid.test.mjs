import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'volume-path-invalid';

/** A Pod with the given volumes block (indented under spec). */
const pod = (volumes) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
    volumes:
${volumes}
`;

test('item paths that leave the volume: "..", leading "..", empty', () => {
  const text = pod(`    - name: config
      configMap:
        name: app
        items:
        - {key: a, path: ../foo}
        - {key: b, path: ..data}
        - {key: c, path: ""}`);
  const [backstep, leading, empty, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(backstep.severity, 'error');
  assert.equal(lineOf(text, backstep), 13);
  assert.equal(textOf(text, backstep), '../foo');
  assert.match(said(backstep), /must not contain '\.\.'/);
  assert.match(said(leading), /must not start with '\.\.'/);
  assert.match(said(empty), /configMap\.items\[2\]\.path is empty.*Required value/);
});

test('paths inside the volume are fine, ".." inside a name too', () => {
  const text = pod(`    - name: info
      downwardAPI:
        items:
        - {path: path/with/embedded..dotdot, fieldRef: {fieldPath: metadata.labels}}
        - {path: path/./withdot, fieldRef: {fieldPath: metadata.labels}}
    - name: repo
      gitRepo: {repository: my-repo, directory: ..foo}
    - name: dot
      gitRepo: {repository: my-repo, directory: .}
    - name: host
      hostPath: {path: /mnt/..x}`);
  assert.deepEqual(findingsOf(text, ID), []);
});

test('fix: an absolute item path is made relative', () => {
  const text = pod(`    - name: tls
      secret:
        secretName: tls
        items:
        - key: tls.crt
          path: /certs/tls.crt # where the app reads it`);
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /must be a relative path/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /path: certs\/tls\.crt # where the app reads it/);
});

test('hostPath with "..", nfs relative path, gitRepo absolute directory', () => {
  const text = pod(`    - name: host
      hostPath: {path: /mnt/path/..}
    - name: share
      nfs: {server: nfs.example.com, path: exports/data}
    - name: repo
      gitRepo: {repository: foo, directory: /abstarget}`);
  const [host, nfs, repo] = findingsOf(text, ID);
  assert.equal(textOf(text, host), '/mnt/path/..');
  assert.match(said(host), /must not contain '\.\.'/);
  assert.match(said(nfs), /must be an absolute path/);
  assert.match(said(repo), /must be a relative path/);
  const fixed = assertFixClears(text, ID, { title: 'Make it absolute', index: 1 });
  assert.match(fixed, /path: \/exports\/data/);
});

const projected = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    ports: [{port: 80}]
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
        volumes:
        - name: all-in-one
          projected:
            sources:
            - secret:
                name: creds
                items: [{key: user, path: config}]
            - configMap:
                name: app
                items: [{key: settings, path: config}]
            - serviceAccountToken: {path: ../token}
`;

test('projected volume in a Deployment (multi-document): a file written twice, a token path with ".."', () => {
  const [duplicate, token, ...rest] = findingsOf(projected, ID);
  assert.equal(rest.length, 0);
  assert.equal(duplicate.documentIndex, 1);
  assert.equal(lineOf(projected, duplicate), 30);
  assert.equal(textOf(projected, duplicate), 'config');
  assert.match(said(duplicate), /conflicting duplicate paths/);
  assert.match(said(duplicate), /also written by sources\[0\]\.secret\.items\[0\]/);
  assert.equal(textOf(projected, token), '../token');
});
