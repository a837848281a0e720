import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, applyEdits, assertFixClears } from '../../helpers/engine.mjs';
import { servedKinds, SUPPORTED_VERSIONS } from '../../../dist/server/engine.js';
import { SEEDS_MISSING, seedText } from '../../helpers/shared.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'api-version-removed';
const PETSET = seedText('002-petset.yaml');

test('seed 002-petset: apps/v1alpha1 PetSet is removed, naming apps/v1 StatefulSet', { skip: SEEDS_MISSING }, () => {
  const [finding, ...rest] = findingsOf(PETSET, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(finding.documentIndex, 1);
  assert.equal(textOf(PETSET, finding), 'apps/v1alpha1');
  assert.equal(lineOf(PETSET, finding), 17);
  assert.match(said(finding), /no matches for kind "PetSet" in version "apps\/v1alpha1"/);
  assert.match(said(finding), /apps\/v1 StatefulSet/);
});

test('seed 002-petset: the conversion fix leaves no error at all in that document', { skip: SEEDS_MISSING }, () => {
  const fixed = assertFixClears(PETSET, ID, { title: 'Convert to apps/v1 StatefulSet' });
  assert.match(fixed, /apiVersion: apps\/v1\nkind: StatefulSet\n/);
  assert.match(fixed, /replicas: 2\n  selector:\n    matchLabels:\n      app: nginx\n  template:/);
  assert.doesNotMatch(fixed, /pod\.alpha\.kubernetes\.io\/initialized/);
  const errors = check(fixed).filter((finding) => finding.documentIndex === 1 && finding.severity === 'error');
  assert.deepEqual(
    errors.map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
  // The other annotation-related rule is satisfied too, and the Service document is untouched.
  assert.deepEqual(findingsOf(fixed, 'deprecated-pod-annotation'), []);
  assert.ok(fixed.startsWith(PETSET.slice(0, PETSET.indexOf('---'))));
});

test('extensions/v1beta1 Deployment: moves to apps/v1 and synthesizes the selector', () => {
  const text = yaml`
    # legacy manifest
    apiVersion: extensions/v1beta1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 3
      template:
        metadata:
          labels:
            app: web # the selector comes from here
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'extensions/v1beta1');
  assert.match(said(finding), /removed in Kubernetes 1\.16/);
  assert.match(said(finding), /Use apps\/v1 Deployment/);
  const fixed = assertFixClears(text, ID, { title: 'Move to apps/v1' });
  assert.match(fixed, /replicas: 3\n  selector:\n    matchLabels:\n      app: web\n/);
  assert.deepEqual(
    check(fixed).filter((f) => f.severity === 'error'),
    [],
  );
});

test('an existing selector is kept; a template without labels gets no fix', () => {
  const text = yaml`
    apiVersion: apps/v1beta2
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
          containers:
          - name: agent
            image: agent:1.0
  `;
  const fixed = assertFixClears(text, ID);
  assert.equal(fixed, text.replace('apps/v1beta2', 'apps/v1'));
  const unlabeled = text.replace('  selector:\n    matchLabels: {app: agent}\n', '').replace('    metadata:\n      labels: {app: agent}\n', '');
  assert.deepEqual(findingsOf(unlabeled, ID)[0].fixes, []);
});

test('CronJob batch/v1beta1 is removed from 1.25; the fix only changes apiVersion', () => {
  const text = yaml`
    apiVersion: batch/v1beta1
    kind: CronJob
    metadata:
      name: report
    spec:
      schedule: "0 3 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: report
                image: report:2.0
  `;
  const fixed = assertFixClears(text, ID);
  assert.equal(applyEdits(text, findingsOf(text, ID)[0].fixes[0].edits), fixed);
  assert.equal(fixed, text.replace('batch/v1beta1', 'batch/v1'));
});

test('Ingress extensions/v1beta1: backend fields and pathType are rewritten for networking.k8s.io/v1', () => {
  const text = yaml`
    apiVersion: extensions/v1beta1
    kind: Ingress
    metadata:
      name: web # public entry
    spec:
      backend:
        serviceName: fallback
        servicePort: 80
      rules:
      - host: example.com
        http:
          paths:
          - path: /api
            backend:
              serviceName: api
              servicePort: http
  `;
  const fixed = assertFixClears(text, ID, { title: 'Move to networking.k8s.io/v1' });
  assert.match(fixed, /defaultBackend:\n    service:\n      name: fallback\n      port:\n        number: 80/);
  assert.match(
    fixed,
    /- path: \/api\n        pathType: ImplementationSpecific\n        backend:\n          service:\n            name: api\n            port:\n              name: http/,
  );
  assert.deepEqual(
    check(fixed).filter((f) => f.severity === 'error'),
    [],
  );
});

test('PodSecurityPolicy has no replacement and no fix', () => {
  const text = yaml`
    apiVersion: policy/v1beta1
    kind: PodSecurityPolicy
    metadata:
      name: restricted
    spec: {}
  `;
  const [finding] = findingsOf(text, ID);
  assert.match(said(finding), /Pod Security Admission/);
  assert.deepEqual(finding.fixes, []);
});

test('version boundary: flowcontrol v1beta3 is removed from 1.32, only deprecated before', () => {
  const text = yaml`
    apiVersion: flowcontrol.apiserver.k8s.io/v1beta3
    kind: FlowSchema
    metadata:
      name: health
    spec:
      priorityLevelConfiguration: {name: exempt}
  `;
  assert.deepEqual(findingsOf(text, ID, { version: '1.31' }), []);
  const [finding] = findingsOf(text, ID, { version: '1.32' });
  assert.match(said(finding), /removed in Kubernetes 1\.32\nA 1\.32 API server/);
  assertFixClears(text, ID, { options: { version: '1.32' } });
});

test('multi-document: each removed object is reported in its own document', () => {
  const text = yaml`
    apiVersion: v1
    kind: Namespace
    metadata:
      name: legacy
    ---
    apiVersion: rbac.authorization.k8s.io/v1beta1
    kind: Role
    metadata:
      name: reader
      namespace: legacy
    rules: []
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 5);
  assertFixClears(text, ID);
});

test('the table agrees with the shipped schemas: nothing a version serves is called removed', () => {
  for (const version of SUPPORTED_VERSIONS) {
    for (const { apiVersion, kind } of servedKinds(version)) {
      const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: x\n`;
      const ids = check(text, { version }).map((finding) => finding.ruleId);
      assert.ok(!ids.includes(ID), `${version}: ${apiVersion} ${kind} is served but reported removed`);
      assert.ok(!ids.includes('api-version-unknown'), `${version}: ${apiVersion} ${kind} is served but reported unknown`);
    }
  }
});
