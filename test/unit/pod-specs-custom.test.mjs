// Pod-spec rules inside custom resources that embed a Pod template (issue #15 part 5), kind
// collisions (a custom kind named like a built-in one), and Services selecting custom workloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../helpers/engine.mjs';

const rollout = yaml`
  apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata:
    name: web
  spec:
    replicas: 3
    selector:
      matchLabels:
        app: web
    strategy:
      canary:
        steps:
          - setWeight: 20
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
          - name: web
            image: nginx:1.27
            ports:
              - name: http
                containerPort: 8080
            readinessProbe:
              httpGet: {path: /ready, port: http}
            livenessProbe:
              httpGet: {path: /healthz, port: http}
              successThreshold: 3
`;

test('a probe rule reports inside an Argo Rollout template, at the value, and its fix clears it', () => {
  const [finding, ...rest] = findingsOf(rollout, 'probe-success-threshold');
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'error');
  assert.equal(lineOf(rollout, finding), 28);
  assert.equal(textOf(rollout, finding), '3');
  assert.deepEqual(finding.path, ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'successThreshold']);
  assertFixClears(rollout, 'probe-success-threshold');
});

test('the same template in a Deployment gets the same finding (workload template case)', () => {
  const deployment = rollout
    .replace('argoproj.io/v1alpha1', 'apps/v1')
    .replace('kind: Rollout', 'kind: Deployment')
    .replace(/ {2}strategy:\n {4}canary:\n {6}steps:\n {8}- setWeight: 20\n/, '');
  const [finding] = findingsOf(deployment, 'probe-success-threshold');
  assert.ok(finding);
  assert.equal(textOf(deployment, finding), '3');
});

test('a Rollout that points at a Deployment (workloadRef) has no template of its own: no Pod findings', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: web
    spec:
      replicas: 3
      workloadRef:
        apiVersion: apps/v1
        kind: Deployment
        name: web
  `;
  assert.deepEqual(
    check(text).map((finding) => finding.ruleId),
    [],
  );
});

test('a Rollout template with an empty containers list is reported like a Deployment template', () => {
  const text = yaml`
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: web
    spec:
      template:
        metadata:
          labels: {app: web}
        spec:
          containers: []
  `;
  const [finding] = findingsOf(text, 'containers-empty');
  assert.ok(finding);
  assert.equal(lineOf(text, finding), 9);
});

test('a KEDA ScaledJob template is checked at spec.jobTargetRef.template', () => {
  const text = yaml`
    apiVersion: keda.sh/v1alpha1
    kind: ScaledJob
    metadata:
      name: worker
    spec:
      jobTargetRef:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: worker
                image: busybox:1.36
                env:
                  - name: MODE
                    value: a
                  - name: MODE
                    value: b
      triggers:
        - type: rabbitmq
          metadata: {queueName: jobs}
  `;
  const [finding, ...rest] = findingsOf(text, 'env-duplicate');
  assert.equal(rest.length, 0);
  assert.equal(lineOf(text, finding), 15);
  assert.deepEqual(finding.path.slice(0, 6), ['spec', 'jobTargetRef', 'template', 'spec', 'containers', 0]);
});

const knative = yaml`
  apiVersion: serving.knative.dev/v1
  kind: Service
  metadata:
    name: hello
  spec:
    template:
      metadata:
        annotations:
          autoscaling.knative.dev/target: "10"
      spec:
        containerConcurrency: 0
        containers:
          - image: ghcr.io/knative/helloworld-go:latest
            ports:
              - containerPort: 8080
            readinessProbe:
              periodSeconds: 0
            livenessProbe:
              httpGet: {path: /healthz}
    traffic:
      - latestRevision: true
        percent: 100
`;

test('a valid Knative Service is silent: no core Service rules, no probe or tag noise Knative handles', () => {
  assert.deepEqual(
    check(knative).map((finding) => `${finding.ruleId}: ${finding.message}`),
    [],
  );
});

test('Pod-spec rules still run in a Knative Service and a Knative Revision', () => {
  const service = knative.replace(/( *)- containerPort: 8080\n/, (line, indent) => `${line}${indent}- containerPort: 70000\n`);
  const [finding] = findingsOf(service, 'port-number-invalid');
  assert.ok(finding, 'expected port-number-invalid in the Knative template');
  assert.equal(textOf(service, finding), '70000');
  const revision = yaml`
    apiVersion: serving.knative.dev/v1
    kind: Revision
    metadata:
      name: hello-00001
    spec:
      containers:
        - image: ghcr.io/knative/helloworld-go:1.0
          livenessProbe:
            httpGet: {path: /healthz}
            successThreshold: 2
  `;
  const [onRevision] = findingsOf(revision, 'probe-success-threshold');
  assert.ok(onRevision);
  assert.equal(lineOf(revision, onRevision), 9);
});

test('kind collision: a core Service without ports is rejected, a custom Service is not judged as one', () => {
  const core = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: web}
  `;
  assert.equal(findingsOf(core, 'service-spec-invalid').length, 1);
  const custom = core.replace('apiVersion: v1', 'apiVersion: example.com/v1');
  assert.deepEqual(findingsOf(custom, 'service-spec-invalid'), []);
  // A CRD kind named Deployment carries no Deployment template for the Pod rules.
  const fakeDeployment = rollout.replace('argoproj.io/v1alpha1', 'example.com/v1').replace('kind: Rollout', 'kind: Deployment');
  assert.deepEqual(findingsOf(fakeDeployment, 'probe-success-threshold'), []);
});

test('a misspelled built-in group is still read as the built-in kind', () => {
  const text = rollout.replace('argoproj.io/v1alpha1', 'app/v1').replace('kind: Rollout', 'kind: Deployment');
  assert.equal(findingsOf(text, 'probe-success-threshold').length, 1);
});

test('Services count a Rollout\u2019s Pods: selected, target ports checked, readiness advice', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: web}
      ports:
        - port: 80
          targetPort: http
        - port: 9090
          targetPort: metrics
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: other
    spec:
      selector:
        matchLabels: {app: other}
      template:
        metadata:
          labels: {app: other}
        spec:
          containers:
            - name: other
              image: nginx:1.27
    ---
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
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
              ports:
                - name: http
                  containerPort: 8080
  `;
  assert.deepEqual(findingsOf(text, 'service-selector-no-match'), []);
  const [undeclared, ...more] = findingsOf(text, 'service-target-port-undeclared');
  assert.equal(more.length, 0);
  assert.equal(textOf(text, undeclared), 'metrics');
  assert.match(undeclared.detail ?? undeclared.message, /Rollout/);
  const [readiness] = findingsOf(text, 'rollout-missing-readiness');
  assert.ok(readiness, 'a Rollout behind a Service without readinessProbe gets the readiness advice');
  assert.equal(lineOf(text, readiness), 38);
  assert.equal(textOf(text, readiness), 'containers');
});

test('a Service selecting the rollouts-pod-template-hash label still selects the Rollout', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: web-canary
    spec:
      selector: {app: web, rollouts-pod-template-hash: 6b8f9c7d5}
      ports:
        - port: 80
          targetPort: 8080
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: other
    spec:
      selector:
        matchLabels: {app: other}
      template:
        metadata:
          labels: {app: other}
        spec:
          containers:
            - name: other
              image: nginx:1.27
    ---
    ${rollout}
  `;
  assert.deepEqual(findingsOf(text, 'service-selector-no-match'), []);
});

test('a Knative Service is not a core Service: it selects nothing and is not counted by Service rules', () => {
  const text = yaml`
    ${knative}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: other
    spec:
      selector:
        matchLabels: {app: other}
      template:
        metadata:
          labels: {app: other}
        spec:
          containers:
            - name: other
              image: nginx:1.27
  `;
  assert.deepEqual(findingsOf(text, 'service-selector-no-match'), []);
  assert.deepEqual(findingsOf(text, 'rollout-missing-readiness'), []);
});
