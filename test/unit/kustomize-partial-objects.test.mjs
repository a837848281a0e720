// Patches and labelled bases (engine/kustomize/partial-objects.ts): a patch is judged on what it
// writes, a base with the labels its kustomizations add to selectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeText } from '../../dist/server/engine.js';
import { lineOf, textOf, yaml } from '../helpers/engine.mjs';

const analyze = (text, kustomize) => analyzeText(text, { kubernetesVersion: '1.36', filePath: '/repo/overlays/prod/patch.yaml', kustomize }).findings;
const PATCH = { kind: 'patch' };

const patch = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: web
          resources:
            limits:
              memory: 512Mi
          livenessProbe:
            periodSeconds: 20
        $setElementOrder/containers:
        - name: web
`;

test('a strategic-merge patch gets no finding about what its base holds', () => {
  assert.ok(
    analyze(patch).some((f) => f.ruleId === 'workload-selector-missing'),
    'as a manifest it is incomplete',
  );
  assert.deepEqual(
    analyze(patch, PATCH).map((f) => `${f.ruleId} ${f.message}`),
    [],
  );
});

test('what a patch writes is still checked: unknown fields, types, enums, values', () => {
  const wrong = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: -1
      template:
        spec:
          restartPolicy: Sometimes
          containers:
          - name: web
            imagePullPolicy: Always
            resources:
              limits:
                memory: 512Mi
              requests:
                memory: 1Gi
            portz: []
  `;
  const findings = analyze(wrong, PATCH);
  const ids = findings.map((f) => f.ruleId);
  assert.ok(ids.includes('schema-unknown-field'), ids.join());
  assert.ok(ids.includes('resources-request-exceeds-limit'), ids.join());
  assert.ok(ids.includes('workload-count-invalid') || ids.includes('schema-format'), ids.join());
  const unknown = findings.find((f) => f.ruleId === 'schema-unknown-field');
  assert.equal(textOf(wrong, unknown), 'portz');
  assert.equal(lineOf(wrong, unknown), 17);
  assert.ok(!ids.includes('workload-selector-missing') && !ids.includes('container-image-missing'), ids.join());
});

test('a delete directive and a JSON 6902 patch file are silent', () => {
  const remove = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: debug
    $patch: delete
  `;
  assert.deepEqual(analyze(remove, PATCH), []);
  const json = yaml`
    - op: replace
      path: /spec/replicas
      value: 3
  `;
  assert.deepEqual(analyze(json, PATCH), []);
});

test('file-level relations are not judged on a patch (Service and StatefulSet halves)', () => {
  const two = yaml`
    apiVersion: apps/v1
    kind: StatefulSet
    metadata:
      name: db
    spec:
      serviceName: db
      template:
        spec:
          containers:
          - name: db
            image: postgres:16
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      selector:
        app: other
  `;
  const findings = analyze(two, PATCH);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    [],
  );
});

const base = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('a base whose kustomization adds selector labels gets no selector-missing finding', () => {
  assert.ok(analyze(base).some((f) => f.ruleId === 'workload-selector-missing'));
  const role = { kind: 'resource', selectorLabels: { app: 'web' }, generated: [] };
  assert.deepEqual(
    analyze(base, role).filter((f) => f.severity === 'error'),
    [],
  );
});

test('labels that do not settle the mismatch leave it reported', () => {
  const mismatch = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: api}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const role = { kind: 'resource', selectorLabels: { team: 'shop' }, generated: [] };
  const findings = analyze(mismatch, role).filter((f) => f.ruleId === 'workload-selector-mismatch');
  assert.equal(findings.length, 1);
  // kustomize writes the same value on both sides: a mismatch on that key is settled.
  const settled = analyze(mismatch, { kind: 'resource', selectorLabels: { app: 'web' }, generated: [] }).filter((f) => f.ruleId === 'workload-selector-mismatch');
  assert.deepEqual(settled, []);
});

test('a Job template and a CronJob in a labelled base', () => {
  const cron = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: report
    spec:
      schedule: "0 * * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: report
                image: busybox:1.36
  `;
  const role = { kind: 'resource', selectorLabels: { app: 'report' }, generated: [] };
  assert.deepEqual(
    analyze(cron, role).filter((f) => f.severity === 'error'),
    [],
  );
});

test('the analysis cache tells roles apart (one analyzer, same text)', async () => {
  const { FileAnalyzer } = await import('../../dist/server/engine.js');
  const analyzer = new FileAnalyzer();
  const options = { kubernetesVersion: '1.36', filePath: '/repo/base/deployment.yaml' };
  assert.ok(analyzer.analyze(base, options).findings.some((f) => f.ruleId === 'workload-selector-missing'));
  assert.ok(
    !analyzer
      .analyze(base, { ...options, kustomize: { kind: 'resource', selectorLabels: { app: 'web' }, generated: [] } })
      .findings.some((f) => f.ruleId === 'workload-selector-missing'),
  );
  assert.ok(analyzer.analyze(base, options).findings.some((f) => f.ruleId === 'workload-selector-missing'));
});

test('a base image its overlay pins (images: newTag, digest, newName) is judged by the built image', () => {
  const untagged = yaml`
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
          initContainers:
          - name: init
            image: busybox
          containers:
          - name: web
            image: nginx
  `;
  const latest = (kustomize) => analyze(untagged, kustomize).filter((f) => f.ruleId === 'image-latest-tag');
  assert.equal(latest().length, 2);
  const images = [
    { name: 'nginx', newTag: '1.27' },
    { name: 'busybox', newName: 'mirror.example.com/busybox', digest: 'sha256:' + 'a'.repeat(64) },
  ];
  assert.deepEqual(latest({ kind: 'resource', selectorLabels: {}, generated: [], images }), []);
  // Another image name is left alone.
  assert.equal(latest({ kind: 'resource', selectorLabels: {}, generated: [], images: [{ name: 'redis', newTag: '7' }] }).length, 2);
});
