import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'priority-class-missing';

const DAEMONSET = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: agent
    namespace: ops
  spec:
    selector:
      matchLabels: {app: agent}
    template:
      metadata:
        labels: {app: agent}
      spec:
        priorityClassName: high
        containers:
        - name: agent
          image: agent:1.0
`;

const PRIORITY = yaml`
  apiVersion: scheduling.k8s.io/v1
  kind: PriorityClass
  metadata:
    name: high
  value: 1000000
`;

test('the PriorityClass in another file (cluster-scoped: any namespace): nothing to say', () => {
  assert.deepEqual(refFindings(DAEMONSET, ID, { files: { '/work/app/priority.yaml': PRIORITY } }), []);
});

test('a PriorityClass no file defines: info at priorityClassName; warning when complete', () => {
  const [finding, ...rest] = refFindings(DAEMONSET, ID, { files: {} });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(lineOf(DAEMONSET, finding), 12);
  assert.equal(textOf(DAEMONSET, finding), 'high');
  assert.equal(finding.message, 'DaemonSet "agent" names PriorityClass "high", which was not found');
  assert.equal(refFindings(DAEMONSET, ID, { files: {}, workspaceIsComplete: true })[0].severity, 'warning');
});

test('system classes always exist; the same file counts; no run: silent', () => {
  assert.deepEqual(refFindings(DAEMONSET.replace('high', 'system-node-critical'), ID, { files: {} }), []);
  assert.deepEqual(refFindings(PRIORITY + '---\n' + DAEMONSET, ID, { files: {} }), []);
  assert.deepEqual(refFindings(DAEMONSET, ID, { alone: true }), []);
});
