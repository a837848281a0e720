import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'resources-extended-not-overcommittable';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: train # pod
  spec:
    containers:
    - name: train
      image: trainer:2.1
      resources:
        requests:
          nvidia.com/gpu: 1
`;

test('a GPU request without a limit is an error where limits is missing', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(bad, finding), 'resources');
  assert.match(said(finding), /Limit must be set for non overcommitable resources/);
});

test('unequal request and limit, fractional units, hugepages without cpu/memory', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: train
    spec:
      containers:
      - name: a
        image: a:1.0
        resources:
          requests: {example.com/foo: 1}
          limits: {example.com/foo: 2}
      - name: b
        image: b:1.0
        resources:
          limits: {example.com/bar: 500m}
      - name: c
        image: c:1.0
        resources:
          limits: {hugepages-2Mi: 100Mi}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 3);
  assert.match(messages[0], /must be equal to example\.com\/foo limit of 2/);
  assert.match(messages[1], /must be an integer/);
  assert.match(messages[2], /HugePages require cpu or memory/);
});

test('equal requests and limits, and native resources, are fine', () => {
  const text = bad.replace('nvidia.com/gpu: 1', 'nvidia.com/gpu: 1\n        cpu: 500m\n      limits:\n        nvidia.com/gpu: 1');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('Job template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: train
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: train
            image: trainer:2.1
            resources:
              requests: {nvidia.com/gpu: 1}
              limits: {nvidia.com/gpu: 2}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 17);
});

test('fix: add the matching limit', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /limits:\n {8}nvidia\.com\/gpu: 1\n/);
});
