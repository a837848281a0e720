import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-stray-file';

const text = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: kube-apiserver
    namespace: kube-system
  spec:
    containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.34.0
`;
const at = (filePath) => findingsOf(text, ID, { staticPod: true, filePath });

test('a .bak copy runs as a live Pod: warning on the Pod name', () => {
  const [finding, ...rest] = at('/etc/kubernetes/manifests/kube-apiserver.yaml.bak');
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(text, finding), 'name');
  assert.match(said(finding), /kube-apiserver\.yaml\.bak looks like a backup, but the kubelet runs it/);
});

test('other backup spellings', () => {
  for (const name of ['etcd.yaml~', 'etcd.yaml.orig', 'etcd.yml.old', 'etcd.yaml.disabled', 'etcd.yaml.2024-05-01', 'etcd.yaml.dpkg-old']) {
    assert.equal(at(`/etc/kubernetes/manifests/${name}`).length, 1, name);
  }
});

test('a dotfile is ignored by the kubelet: info', () => {
  const [finding] = at('/etc/kubernetes/manifests/.kube-apiserver.yaml');
  assert.equal(finding.severity, 'info');
  assert.match(said(finding), /skips files whose name starts with a dot/);
});

test('ordinary manifest names, no path, and non-static files are fine', () => {
  assert.deepEqual(at('/etc/kubernetes/manifests/kube-apiserver.yaml'), []);
  assert.deepEqual(at('C:\\manifests\\etcd.json'), []);
  assert.deepEqual(findingsOf(text, ID, { staticPod: true }), []);
  assert.deepEqual(findingsOf(text, ID, { filePath: '/srv/app/pod.yaml.bak' }), []);
});

test('with the marker comment and a multi-document file, the finding lands on the first document', () => {
  const marked = '# podwise: static-pod\n' + text + '---\n' + text;
  const [finding] = findingsOf(marked, ID, { filePath: '/etc/kubernetes/manifests/x.yaml.bak' });
  assert.equal(finding.documentIndex, 0);
});
