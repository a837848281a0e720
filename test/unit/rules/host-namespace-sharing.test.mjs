import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../../dist/server/engine.js';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'host-namespace-sharing';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
  spec:
    hostNetwork: true
    hostPID: true
    containers:
    - name: web
      image: nginx:1.27
`;

test('hostNetwork and hostPID are warnings on the keys', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 2);
  assert.ok(findings.every((f) => f.severity === 'warning'));
  assert.deepEqual(
    findings.map((f) => textOf(bad, f)),
    ['hostNetwork', 'hostPID'],
  );
});

test('static Pods with host networking are node agents: host namespaces are context, not reported (seed 004, #13)', () => {
  const text = bad.replace('name: web # pod', 'name: web # pod\n  namespace: kube-system');
  assert.deepEqual(findingsOf(text, ID, { staticPod: true }), []);
  assert.equal(findingsOf(text, ID)[0].severity, 'warning', 'not a static Pod: still a warning');
});

test('false or omitted is fine', () => {
  assert.deepEqual(findingsOf(bad.replace(/true/g, 'false'), ID), []);
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
          hostIPC: true
          containers:
          - name: agent
            image: agent:2.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 16);
});

test('fix: remove hostNetwork', () => {
  const fixed = assertFixClears(bad, ID);
  assert.doesNotMatch(fixed, /hostNetwork/);
});

const calicoNode = yaml`
  apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: calico-node
    namespace: kube-system
  spec:
    selector:
      matchLabels: {k8s-app: calico-node}
    template:
      metadata:
        labels: {k8s-app: calico-node}
      spec:
        hostNetwork: true
        priorityClassName: system-node-critical
        containers:
        - name: calico-node
          image: calico/node:v3.27.0
          securityContext:
            privileged: true
        volumes:
        - name: cni-bin
          hostPath: {path: /opt/cni/bin}
`;

test('a calico-like node agent DaemonSet: no host-namespace warning under baseline, reported when the user asks for restricted (#13)', () => {
  assert.deepEqual(findingsOf(calicoNode, ID), []);
  const checkedAll = (podSecurity) => analyzeText(calicoNode, { kubernetesVersion: '1.36', podSecurity }).findings.map((f) => f.ruleId);
  assert.deepEqual(
    checkedAll('baseline').filter((id) => id === ID || id.startsWith('pss-')),
    [],
    'no Pod Security findings for a node agent under baseline',
  );
  const restricted = analyzeText(calicoNode, { kubernetesVersion: '1.36', podSecurity: 'restricted' }).findings;
  assert.deepEqual(
    restricted.filter((f) => f.ruleId === ID).map((f) => textOf(calicoNode, f)),
    ['hostNetwork'],
  );
  assert.ok(restricted.some((f) => f.ruleId === 'pss-privileged'));
  // The same Pod as a Deployment is not a node agent: reported under the default baseline
  const deployment = calicoNode.replace('kind: DaemonSet', 'kind: Deployment');
  assert.deepEqual(
    findingsOf(deployment, ID).map((f) => textOf(deployment, f)),
    ['hostNetwork'],
  );
});
