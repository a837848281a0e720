import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'workload-selector-missing';

test('apps/v1 Deployment without spec.selector: error, fix inserts matchLabels from the template', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2 # two of them
      template:
        metadata:
          labels:
            app: web
            tier: front
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(textOf(text, finding), 'spec');
  assert.match(said(finding), /spec\.selector: Required value/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /replicas: 2 # two of them\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n  template:/);
});

test('empty selectors use the upstream wording per kind (ReplicaSet says deployment)', () => {
  const make = (kind) => yaml`
    apiVersion: apps/v1
    kind: ${kind}
    metadata:
      name: web
    spec:
      selector: {}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  assert.match(said(findingsOf(make('StatefulSet'), ID)[0]), /empty selector is invalid for statefulset/);
  assert.match(said(findingsOf(make('DaemonSet'), ID)[0]), /empty selector is invalid for daemonset/);
  const replicaSet = make('ReplicaSet');
  const [finding] = findingsOf(replicaSet, ID);
  assert.match(said(finding), /empty selector is invalid for deployment/);
  assert.equal(textOf(replicaSet, finding), 'selector');
  const fixed = assertFixClears(replicaSet, ID);
  assert.match(fixed, /selector: \{matchLabels: \{app: web\}\}/);
});

test('an empty matchLabels map is filled in place', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  assert.equal(findingsOf(text, ID).length, 1);
  assertFixClears(text, ID);
});

test('malformed matchExpressions: values required for In, forbidden for Exists', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchExpressions:
        - key: app
          operator: In
        - key: tier
          operator: Exists
          values: [front]
      template:
        metadata:
          labels: {app: web, tier: front}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2);
  assert.equal(textOf(text, findings[0]), 'In');
  assert.match(said(findings[0]), /must be specified when `operator` is 'In' or 'NotIn'/);
  assert.equal(textOf(text, findings[1]), 'values');
  assert.match(said(findings[1]), /may not be specified when `operator` is 'Exists' or 'DoesNotExist'/);
  assert.deepEqual(findings[0].fixes, []);
  assertFixClears(text, ID, { index: 1, title: 'Remove values' });
});

test('a valid selector, and old API versions (defaulted from the labels), are not reported', () => {
  const good = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(good, ID), []);
  const old = good.replace('apps/v1', 'extensions/v1beta1').replace('  selector:\n    matchLabels: {app: web}\n', '');
  assert.deepEqual(findingsOf(old, ID), []);
});

test('multi-document: the finding lands on the StatefulSet', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: cfg
    data: {a: b}
    ---
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      template:
        metadata:
          labels: {app: db}
        spec:
          containers:
          - name: db
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /serviceName: db\n  selector:\n    matchLabels:\n      app: db\n/);
});

test('no fix when the template has no labels to copy and no name to label it by', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      generateName: web-
    spec:
      template:
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.deepEqual(finding.fixes, []);
});

test('the selector fix copies only valid template labels', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        metadata:
          labels:
            app: web
            "\u00a0tier": front
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  assert.equal(findingsOf(text, 'meta-label-invalid').length, 1, 'precondition: one template label is invalid');
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.fixes[0].title, "Select the template's label (matchLabels)");
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /  selector:\n    matchLabels:\n      app: web\n$/);
  // Only invalid labels: nothing to copy, no fix.
  const onlyInvalid = text.replace('        app: web\n', '');
  assert.notEqual(onlyInvalid, text);
  assert.deepEqual(findingsOf(onlyInvalid, ID)[0].fixes, []);
});

test('a template without labels: the fix selects and labels the Pods app: <name>', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      template:
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.message, 'Deployment "web" has no spec.selector, which apps/v1 requires');
  assert.equal(finding.fixes[0].title, 'Select and label the Pods app: web');
  const before = new Set(check(text).map((f) => `${f.ruleId} ${JSON.stringify(f.path)}`));
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n/);
  assert.match(fixed, /\n    metadata:\n      labels:\n        app: web\n$/);
  const added = check(fixed).filter((f) => !before.has(`${f.ruleId} ${JSON.stringify(f.path)}`));
  assert.deepEqual(
    added.map((f) => f.ruleId),
    [],
    'nothing new',
  );
});
