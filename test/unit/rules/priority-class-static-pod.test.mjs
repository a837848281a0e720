import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'priority-class-static-pod';

const text = yaml`
  # static-mysql.yaml
  apiVersion: v1
  kind: Pod
  metadata:
    name: mysql
    namespace: kube-system
  spec:
    containers:
    - name: mysql
      image: mysql:5.7.39
    priorityClassName: system-cluster-critical
`;

test('system-cluster-critical on a static Pod is a hint on the value', () => {
  const [finding, ...rest] = findingsOf(text, ID, { staticPod: true });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(text, finding), 'system-cluster-critical');
});

test('not on regular Pods, nor with system-node-critical', () => {
  assert.deepEqual(findingsOf(text, ID), []);
  assert.deepEqual(findingsOf(text.replace('cluster-critical', 'node-critical'), ID, { staticPod: true }), []);
});

test('multi-document static file: only the Pod is judged', () => {
  const multi = text + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
  const [finding] = findingsOf(multi, ID, { staticPod: true });
  assert.equal(finding.documentIndex, 0);
});

test('fix: use system-node-critical', () => {
  const fixed = assertFixClears(text, ID, { options: { staticPod: true } });
  assert.match(fixed, /priorityClassName: system-node-critical/);
});
