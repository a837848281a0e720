import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'pod-reference-name-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    serviceAccountName: App_Account
    priorityClassName: High
    runtimeClassName: ""
    containers:
    - name: app
      image: app:1.0
`;

test('object names a Pod refers to must be DNS subdomains', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3);
  assert.equal(lineOf(bad, findings[0]), 5);
  assert.equal(textOf(bad, findings[0]), 'App_Account');
  assert.match(said(findings[1]), /not a valid PriorityClass name/);
  assert.match(said(findings[2]), /RuntimeClass/);
  const fixed = assertFixClears(bad, ID, { index: 1 });
  assert.match(fixed, /priorityClassName: high/);
});

test('nodeName with scheduling gates is rejected on a Pod, not in a template', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      nodeName: node-1
      schedulingGates: [{name: example.com/quota}]
      containers:
      - name: app
        image: app:1.0
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
          nodeName: node-1
          schedulingGates: [{name: example.com/quota}]
          serviceAccountName: web.app
          containers:
          - name: app
            image: app:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(lineOf(text, findings[0]), 5);
  assert.match(said(findings[0]), /cannot be set until all schedulingGates have been cleared/);
});

test('the deprecated serviceAccount is checked when serviceAccountName is empty', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      serviceAccount: Web_SA
      containers:
      - name: app
        image: app:1.0
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: web2
    spec:
      serviceAccountName: web-sa
      serviceAccount: Ignored_When_Name_Is_Set
      containers:
      - name: app
        image: app:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1);
  assert.equal(textOf(text, findings[0]), 'Web_SA');
});
