import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'host-path-writable';

const mycron = yaml`
  # copied to /etc/kubernetes/manifests/ on the node
  apiVersion: v1
  kind: Pod
  metadata:
    name: mycron
  spec:
    containers:
    - name: mycron
      image: gavin/mycron:v1
      volumeMounts:
      - name: script
        mountPath: /root/script
    volumes:
    - name: script
      hostPath:
        path: /root/K8S_PV/script
        type: DirectoryOrCreate
`;

test('a writable hostPath in a static Pod is an info on the mount (seed 000)', () => {
  const [finding, ...rest] = findingsOf(mycron, ID, { staticPod: true });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(mycron, finding), 11);
  assert.equal(textOf(mycron, finding), 'mountPath');
});

test('only on static Pods; an explicit readOnly (true or false) is a decision', () => {
  assert.deepEqual(findingsOf(mycron, ID), []);
  assert.deepEqual(findingsOf(mycron.replace('mountPath: /root/script', 'mountPath: /root/script\n      readOnly: false'), ID, { staticPod: true }), []);
  assert.deepEqual(findingsOf(mycron.replace('mountPath: /root/script', 'mountPath: /root/script\n      readOnly: true'), ID, { staticPod: true }), []);
});

test('multi-document static file: the finding stays in the first document', () => {
  const text = mycron + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  const [finding] = findingsOf(text, ID, { staticPod: true });
  assert.equal(finding.documentIndex, 0);
});

test('fix: mount read-only', () => {
  const fixed = assertFixClears(mycron, ID, { options: { staticPod: true } });
  assert.match(fixed, /mountPath: \/root\/script\n {6}readOnly: true\n/);
});
