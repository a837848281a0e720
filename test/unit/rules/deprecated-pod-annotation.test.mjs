import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'deprecated-pod-annotation';

const critical = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web # pod
    annotations:
      scheduler.alpha.kubernetes.io/critical-pod: ""
  spec:
    containers:
    - name: web
      image: nginx:1.27
`;

test('critical-pod is a warning on the annotation key', () => {
  const [finding, ...rest] = findingsOf(critical, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(critical, finding), 'scheduler.alpha.kubernetes.io/critical-pod');
  assert.match(said(finding), /non-functional in v1\.16\+; use the "priorityClassName" field instead/);
});

const petset = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    serviceName: nginx
    selector:
      matchLabels: {app: nginx}
    template:
      metadata:
        labels:
          app: nginx
        annotations:
          pod.alpha.kubernetes.io/initialized: "true"
      spec:
        containers:
        - name: nginx
          image: nginx:1.27
`;

test('the PetSet-era initialized annotation (seed 002) gets a safe removal', () => {
  const [finding] = findingsOf(petset, ID);
  assert.equal(lineOf(petset, finding), 13);
  assert.match(said(finding), /StatefulSets ignore/);
  assert.equal(finding.fixes[0].safe, true);
  const fixed = assertFixClears(petset, ID);
  assert.doesNotMatch(fixed, /initialized/);
});

test('seccomp annotation without the field, in a multi-document file; converts to seccompProfile', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
      - name: web
        image: nginx:1.27
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.match(said(finding), /non-functional in v1\.27\+/);
  const fixed = assertFixClears(text, ID);
  assert.match(fixed, /seccompProfile:\n {6}type: RuntimeDefault/);
  assert.doesNotMatch(fixed, /seccomp\.security\.alpha/);
});

test('deprecated volume plugins', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
      volumes:
      - name: repo
        gitRepo: {repository: "https://example.com/site.git"}
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(textOf(text, finding), 'gitRepo');
  assert.match(said(finding), /deprecated in v1\.11/);
});

test('current annotations and fields are fine', () => {
  assert.deepEqual(findingsOf(critical.replace('scheduler.alpha.kubernetes.io/critical-pod: ""', 'example.com/owner: team'), ID), []);
});

test('fix: remove critical-pod', () => {
  const fixed = assertFixClears(critical, ID);
  assert.doesNotMatch(fixed, /critical-pod/);
});

const apparmor = yaml`
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
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
        annotations:
          container.apparmor.security.beta.kubernetes.io/web: localhost/k8s-apparmor-example
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('AppArmor annotation: advice from 1.30 only, where securityContext.appArmorProfile exists (issue #12)', () => {
  assert.deepEqual(findingsOf(apparmor, ID, { version: '1.29' }), []);
  const [finding] = findingsOf(apparmor, ID, { version: '1.30' });
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(apparmor, finding), 16);
  assert.equal(textOf(apparmor, finding), 'container.apparmor.security.beta.kubernetes.io/web');
  assert.match(said(finding), /appArmorProfile/);
});

test('AppArmor fix: the annotation becomes the container’s appArmorProfile, which the schema accepts', () => {
  const fixed = assertFixClears(apparmor, ID, { options: { version: '1.30' }, title: 'appArmorProfile type Localhost' });
  assert.match(fixed, / {8}securityContext:\n {10}appArmorProfile:\n {12}type: Localhost\n {12}localhostProfile: k8s-apparmor-example\n/);
  assert.doesNotMatch(fixed, /annotations:/);
});
