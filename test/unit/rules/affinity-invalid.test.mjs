import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'affinity-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
          - matchExpressions:
            - {key: disktype, operator: In}
            - {key: zone, operator: Exists, values: [a]}
            - {key: cores, operator: Gt, values: ["2", "4"]}
            matchFields:
            - {key: metadata.uid, operator: In, values: [x]}
        preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 0
          preference:
            matchExpressions: [{key: tier, operator: In, values: [gold]}]
    containers:
    - name: app
      image: app:1.0
`;

test('node affinity operators, values, matchFields and weights', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 5, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 10);
  assert.equal(textOf(bad, findings[0]), 'In');
  assert.match(said(findings[0]), /must be specified when `operator` is 'In' or 'NotIn'/);
  assert.match(said(findings[1]), /may not be specified when `operator` is 'Exists'/);
  assert.match(said(findings[2]), /single value when `operator` is 'Lt' or 'Gt'/);
  assert.match(said(findings[3]), /not a valid field selector key/);
  assert.equal(lineOf(bad, findings[4]), 16);
  assert.equal(textOf(bad, findings[4]), '0');
  assert.match(said(findings[4]), /must be in the range 1-100/);
});

const pod = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
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
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: web}}
              topologyKey: ""
            preferredDuringSchedulingIgnoredDuringExecution:
            - weight: 101
              podAffinityTerm:
                labelSelector:
                  matchExpressions: [{key: app, operator: Equals, values: [web]}]
                namespaces: [Prod]
                topologyKey: kubernetes.io/hostname
                mismatchLabelKeys: [app]
                matchLabelKeys: [app]
        containers:
        - name: app
          image: app:1.0
`;

test('pod anti-affinity: topologyKey, weight, selector, namespaces, label keys (Deployment)', () => {
  const messages = findingsOf(pod, ID).map(said);
  assert.equal(messages.length, 5, messages.join('\n'));
  assert.match(messages[0], /can not be empty/);
  assert.match(messages[1], /must be in the range 1-100/);
  assert.match(messages[2], /not a selector operator/);
  assert.match(messages[3], /not a valid namespace name/);
  assert.match(messages[4], /exists in both matchLabelKeys and mismatchLabelKeys/);
  // matchLabelKeys/mismatchLabelKeys are dropped, not validated, before 1.31.
  assert.equal(findingsOf(pod, ID, { version: '1.30' }).length, 4);
});

test('valid affinity is fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: kubernetes.io/os, operator: In, values: [linux]}, {key: cores, operator: Gt, values: ["4"]}]
            - matchFields: [{key: metadata.name, operator: NotIn, values: [node-1]}]
          preferredDuringSchedulingIgnoredDuringExecution:
          - {weight: 100, preference: {matchExpressions: [{key: zone, operator: In, values: ["not a label value"]}]}}
          - {weight: 1, preference: {matchExpressions: [{key: ssd, operator: Exists}]}}
        podAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - labelSelector: {matchLabels: {app: cache}}
            namespaces: [prod]
            topologyKey: topology.kubernetes.io/zone
            matchLabelKeys: [pod-template-hash]
      containers:
      - name: app
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});

test('values of required node affinity terms are checked from 1.32', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions: [{key: pool, operator: In, values: ["-1"]}]
      containers:
      - name: app
        image: app:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), '"-1"');
  assert.deepEqual(findingsOf(text, ID, { version: '1.31' }), []);
});
