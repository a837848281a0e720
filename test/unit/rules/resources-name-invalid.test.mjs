import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'resources-name-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
      resources:
        requests:
          memroy: 256Mi
          pods: "1"
        limits:
          gpu: 1
          requests.example.com/gpu: 1
`;

test('resource names containers cannot have are errors on the key', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 4, findings.map(said).join('\n'));
  assert.deepEqual(
    findings.map((finding) => [lineOf(bad, finding), textOf(bad, finding)]),
    [
      [10, 'memroy'],
      [11, 'pods'],
      [13, 'gpu'],
      [14, 'requests.example.com/gpu'],
    ],
  );
  assert.match(said(findings[0]), /must be a standard resource for containers/);
  assert.match(said(findings[3]), /doesn't follow extended resource name standard/);
});

test('fix: rename a misspelled resource', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /memory: 256Mi/);
});

test('hugepages amounts are whole pages (Deployment template, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      ports: [{port: 80}]
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: app
            image: app:1.0
            resources:
              requests: {memory: 1Gi, hugepages-2Mi: 3Mi}
              limits: {memory: 1Gi, hugepages-2Mi: 3Mi, hugepages-1Gi: 2Gi}
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.match(said(findings[0]), /3Mi is not positive integer multiple of hugepages-2Mi/);
  assert.equal(textOf(text, findings[0]), '3Mi');
});

test('standard, kubernetes.io and extended resources are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        resources:
          requests: {cpu: 500m, memory: 1Gi, ephemeral-storage: 2Gi, hugepages-2Mi: 4Mi, nvidia.com/gpu: 1, example.kubernetes.io/thing: 1}
          limits: {memory: 1Gi, hugepages-2Mi: 4Mi, nvidia.com/gpu: 1, example.kubernetes.io/thing: 1}
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});

test('Pod-level resources are not judged here (their list of names keeps growing)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      resources:
        limits: {cpu: "1", memory: 1Gi, pids: 1024}
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});
