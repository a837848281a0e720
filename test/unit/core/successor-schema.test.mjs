// An object of a removed apiVersion is checked against its successor's schema (issue #12): the
// removal error no longer hides the bug the file also carries (a probe under `ports`, a string
// port). What the move itself changes (apps/v1's required selector, the v1 Ingress backend) stays
// api-version-removed's finding and fix, and is not reported again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, applyEdits } from '../../helpers/engine.mjs';

const DEPLOYMENT = yaml`
  apiVersion: extensions/v1beta1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    rollbackTo:
      revision: 1
    template:
      metadata:
        labels:
          app: web
      spec:
        containers:
        - name: web
          image: nginx:1.25
          ports:
          - containerPort: "8080"
            livenessProbe:
              httpGet:
                path: /
                port: 8080
`;

test('extensions/v1beta1 Deployment: schema findings as apps/v1, said so in the detail', () => {
  const findings = check(DEPLOYMENT);
  assert.deepEqual(findings.map((finding) => finding.ruleId).sort(), ['api-version-removed', 'schema-type', 'schema-unknown-field']);
  const [type] = findingsOf(DEPLOYMENT, 'schema-type');
  assert.equal(textOf(DEPLOYMENT, type), '"8080"');
  assert.equal(lineOf(DEPLOYMENT, type), 17);
  const [unknown] = findingsOf(DEPLOYMENT, 'schema-unknown-field');
  assert.equal(textOf(DEPLOYMENT, unknown), 'livenessProbe');
  for (const finding of [type, unknown]) assert.match(finding.detail, /Checked as apps\/v1 Deployment, the replacement of the removed extensions\/v1beta1/);
});

test('what the move to apps/v1 settles is not reported twice (selector, rollbackTo)', () => {
  const findings = check(DEPLOYMENT);
  assert.ok(!findings.some((finding) => finding.path.includes('selector') || finding.path.includes('rollbackTo')), findings.map((f) => f.message).join('\n'));
  // After the migration fix, the two real bugs are still there, now as plain apps/v1 findings.
  const [removed] = findingsOf(DEPLOYMENT, 'api-version-removed');
  const fixed = applyEdits(DEPLOYMENT, removed.fixes[0].edits);
  const after = check(fixed);
  assert.deepEqual(after.map((finding) => finding.ruleId).sort(), ['schema-type', 'schema-unknown-field']);
  for (const finding of after) assert.doesNotMatch(finding.detail ?? '', /Checked as/);
});

test('a removed Ingress, CronJob and PDB in one file: each checked as its successor', () => {
  const text = yaml`
    apiVersion: extensions/v1beta1
    kind: Ingress
    metadata:
      name: web
    spec:
      backend:
        serviceName: web
        servicePort: 80
      rules:
      - http:
          paths:
          - path: /
            backend:
              serviceName: web
              servicePort: http
            extra: 1
    ---
    apiVersion: batch/v2alpha1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "@daily"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: run
                image: busybox:1.36
                ports:
                - containerPort: "80"
    ---
    apiVersion: policy/v1beta1
    kind: PodDisruptionBudget
    metadata:
      name: web
    spec:
      minAvailable: 1
      selector:
        matchLabels: {app: web}
      maxSurge: 1
  `;
  const schema = check(text).filter((finding) => finding.ruleId.startsWith('schema-'));
  assert.deepEqual(
    schema.map((finding) => [finding.documentIndex, finding.ruleId, finding.path.at(-1)]),
    [
      [0, 'schema-unknown-field', 'extra'],
      [1, 'schema-type', 'containerPort'],
      [2, 'schema-unknown-field', 'maxSurge'],
    ],
  );
  assert.match(schema[0].detail, /Checked as networking\.k8s\.io\/v1 Ingress/);
  assert.match(schema[1].detail, /Checked as batch\/v1 CronJob/);
  assert.match(schema[2].detail, /Checked as policy\/v1 PodDisruptionBudget/);
});

test('Pod-spec rules run on the template of a removed workload', () => {
  const text = yaml`
    apiVersion: apps/v1beta2
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: agent:1.0
            readinessProbe:
              httpGet:
                port: metrics
  `;
  const [finding] = findingsOf(text, 'probe-named-port-undeclared');
  assert.equal(textOf(text, finding), 'metrics');
});

test('a successor that changed shape is not used: a valid v1alpha1 ValidatingAdmissionPolicy stays quiet', () => {
  const text = yaml`
    apiVersion: admissionregistration.k8s.io/v1alpha1
    kind: ValidatingAdmissionPolicy
    metadata:
      name: replicas.example.com
    spec:
      paramKind:
        group: rules.example.com
        kind: ReplicaLimit
        version: v1
      validations:
      - expression: "object.spec.replicas <= params.maxReplicas"
  `;
  assert.deepEqual(
    check(text, { version: '1.33' }).map((finding) => finding.ruleId),
    ['api-version-removed'],
  );
});

test('a served apiVersion is checked as itself, with no note', () => {
  const text = DEPLOYMENT.replace('extensions/v1beta1', 'apps/v1').replace('  rollbackTo:\n    revision: 1\n', '  selector:\n    matchLabels: {app: web}\n');
  const schema = check(text).filter((finding) => finding.ruleId.startsWith('schema-'));
  assert.deepEqual(
    schema.map((finding) => finding.path.at(-1)),
    ['containerPort', 'livenessProbe'],
  );
  for (const finding of schema) assert.doesNotMatch(finding.detail ?? '', /Checked as/);
});
