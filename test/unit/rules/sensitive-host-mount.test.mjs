import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'sensitive-host-mount';

const pod = (path) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
    volumes:
    - name: host
      hostPath: {path: ${path}}
`;

test('hostPath /etc is a warning on the path', () => {
  const text = pod('/etc');
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), '/etc');
});

test('system directories and runtime sockets are flagged; subdirectories are not', () => {
  for (const path of ['/', '/proc', '/sys/', '/var/run/docker.sock', '/run/containerd/containerd.sock']) {
    assert.equal(findingsOf(pod(path), ID).length, 1, path);
  }
  for (const path of ['/etc/kubernetes/pki', '/var/log', '/opt/mysql/data', '/lib/modules']) {
    assert.deepEqual(findingsOf(pod(path), ID), [], path);
  }
});

test('DaemonSet template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:2.0
          volumes:
          - name: docker
            hostPath:
              path: /var/run/docker.sock
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.match(said(finding), /container runtime socket/);
});
