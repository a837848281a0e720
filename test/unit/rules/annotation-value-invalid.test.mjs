import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'annotation-value-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    annotations:
      controller.kubernetes.io/pod-deletion-cost: "2147483648"
      seccomp.security.alpha.kubernetes.io/pod: default
      container.apparmor.security.beta.kubernetes.io/sidecar: runtime/default
  spec:
    containers:
    - name: app
      image: app:1.0
`;

test('pod-deletion-cost must be an int32; seccomp and AppArmor annotation values and containers', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 5);
  assert.equal(textOf(bad, findings[0]), '"2147483648"');
  assert.match(said(findings[0]), /must be a 32bit integer/);
  assert.match(said(findings[1]), /must be a valid seccomp profile/);
  assert.equal(textOf(bad, findings[2]), 'container.apparmor.security.beta.kubernetes.io/sidecar');
  assert.match(said(findings[2]), /container not found/);
});

test('template annotations are checked too (ReplicaSet, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata:
          labels: {app: web}
          annotations:
            controller.kubernetes.io/pod-deletion-cost: "+10"
        spec:
          containers:
          - name: app
            image: app:1.0
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(lineOf(text, finding), 15);
});

test('valid values are fine', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        controller.kubernetes.io/pod-deletion-cost: "-2147483648"
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.apparmor.security.beta.kubernetes.io/a: localhost/k8s-apparmor-example
    spec:
      containers:
      - name: a
        image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});

test('an annotation and its securityContext field must agree', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: unconfined
        container.apparmor.security.beta.kubernetes.io/a: localhost/foo
    spec:
      securityContext:
        seccompProfile: {type: RuntimeDefault}
      containers:
      - name: a
        image: app:1.0
        securityContext:
          appArmorProfile: {type: Localhost, localhostProfile: bar}
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 2, findings.map(said).join('\n'));
  assert.equal(lineOf(text, findings[0]), 9);
  assert.match(said(findings[0]), /seccomp type in annotation and field must match/);
  assert.equal(textOf(text, findings[1]), 'bar');
  assert.match(said(findings[1]), /apparmor profile in annotation and field must match/);
});

test('the alpha tolerations annotation must hold a JSON list of valid tolerations', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        scheduler.alpha.kubernetes.io/tolerations: '[{"key": "dedicated", "operator": "Equals"}]'
    spec:
      containers:
      - name: app
        image: app:1.0
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: ok
      annotations:
        scheduler.alpha.kubernetes.io/tolerations: '[{"key": "dedicated", "operator": "Equal", "value": "gpu", "effect": "NoSchedule"}]'
    spec:
      containers:
      - name: app
        image: app:1.0
  `;
  const findings = findingsOf(text, ID);
  assert.equal(findings.length, 1, findings.map(said).join('\n'));
  assert.equal(lineOf(text, findings[0]), 4);
  assert.equal(textOf(text, findings[0]), 'annotations');
  assert.match(said(findings[0]), /operator "Equals" is not Equal or Exists/);
});
