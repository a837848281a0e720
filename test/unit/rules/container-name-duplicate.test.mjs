import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'container-name-duplicate';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    initContainers:
    - name: app # same as the app container
      image: busybox:1.36
    containers:
    - name: app
      image: app:1.0
`;

test('an init container named like an app container: reported on the init container, naming both', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(bad, finding), 6);
  assert.equal(textOf(bad, finding), 'app');
  assert.deepEqual(finding.path, ['spec', 'initContainers', 0, 'name']);
  assert.match(finding.message, /"app" is used twice \(containers\[0\] and initContainers\[0\]\)/);
  assert.match(finding.detail, /initContainers\[0\]\.name: Duplicate value: "app"/);
});

test('two app containers: the later one is reported', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
      - name: web
        image: envoy:1.30
  `;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(finding.path, ['spec', 'containers', 1, 'name']);
});

test('unique names are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('- name: app # same', '- name: setup # same'), ID), []);
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
          initContainers:
          - name: agent
            image: busybox:1.36
          containers:
          - name: agent
            image: agent:2.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 17);
});

test('fix: append -init to the init container', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /- name: app-init # same as the app container/);
});
