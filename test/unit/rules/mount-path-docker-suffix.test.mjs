import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'mount-path-docker-suffix';

const pod = (mount) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: web:1.0
      volumeMounts:
      - ${mount} # from docker run -v
    volumes:
    - name: data
      emptyDir: {}
`;

test('/data:ro: warning on the mountPath; the fix mounts at /data read-only, comment kept', () => {
  const text = pod('{name: data, mountPath: "/data:ro"}');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 9);
  assert.equal(textOf(text, finding), '"/data:ro"');
  assert.match(finding.detail, /readOnly: true/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /mountPath: "?\/data"?, readOnly: true\} # from docker run -v/);
});

test('propagation and SELinux options are explained; the fix only strips them', () => {
  const text = pod('{name: data, mountPath: "/data:rshared,z"}');
  const [finding] = findingsOf(text, ID);
  assert.match(finding.detail, /mountPropagation/);
  assert.match(finding.detail, /SELinux/);
  assert.match(assertFixClears(text, ID), /mountPath: "?\/data"?\}/);
});

test('boundary: a colon that is not a Docker option, or no colon, is left alone', () => {
  assert.deepEqual(findingsOf(pod('{name: data, mountPath: /data}'), ID), []);
  assert.deepEqual(findingsOf(pod('{name: data, mountPath: "/data:cache"}'), ID), []);
  assert.deepEqual(findingsOf(pod('{name: data, mountPath: "/var/lib/app:2024"}'), ID), []);
});

test('workload template and multi-document file', () => {
  const deployment = yaml`
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
            image: web:1.0
            volumeMounts: [{name: data, mountPath: "/srv:rw"}]
          volumes: [{name: data, emptyDir: {}}]
  `;
  const text = `${pod('{name: data, mountPath: /data}')}---\n${deployment}`;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(text, finding), '"/srv:rw"');
});
