import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'static-pod-prefer-daemonset';
/** Off by default since issue #11; the tests turn it on. */
const ON = { rules: { [ID]: 'hint' } };
const STATIC = { staticPod: true };

const pod = (namespace) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: agent
    ${namespace}
  spec:
    containers:
    - name: agent
      image: agent:1.0
`;

test('a workload static Pod outside kube-system: hint on kind', () => {
  const text = pod('labels: {app: agent}');
  const [finding, ...rest] = findingsOf(text, ID, { ...STATIC, ...ON });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(text, finding), 'Pod');
  assert.equal(lineOf(text, finding), 1);
  assert.match(said(finding), /DaemonSet/);
});

test('control-plane Pods in kube-system and regular manifests are not told', () => {
  assert.deepEqual(findingsOf(pod('namespace: kube-system'), ID, { ...STATIC, ...ON }), []);
  assert.deepEqual(findingsOf(pod('namespace: monitoring'), ID, ON), []);
});

test('marker comment; the hint is given once, for the first document', () => {
  const text = '# podwise: static-pod\n' + pod('namespace: monitoring') + '---\n' + pod('namespace: monitoring');
  assert.deepEqual(
    findingsOf(text, ID, ON).map((finding) => finding.documentIndex),
    [0],
  );
});

test('off by default (issue #11): nothing unless the rule is turned on', () => {
  assert.deepEqual(findingsOf(pod('namespace: monitoring'), ID, STATIC), []);
  assert.equal(findingsOf(pod('namespace: monitoring'), ID, { ...ON, ...STATIC }).length > 0, true);
});
