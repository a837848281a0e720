import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'configmap-ref-missing';

const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
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
          env:
          - name: MODE
            valueFrom:
              configMapKeyRef: {name: web-config, key: mode}
          envFrom:
          - configMapRef: {name: web-env}
        volumes:
        - name: conf
          configMap:
            name: web-files
            items:
            - {key: nginx.conf, path: nginx.conf}
`;

const configMap = (name, keys, namespace = 'shop') =>
  yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: ${name}
    namespace: ${namespace}
  data:
  ` + keys.map((key) => `  ${key}: "x"\n`).join('');

const ALL = {
  '/work/app/config.yaml': [configMap('web-config', ['mode']), configMap('web-env', ['A']), configMap('web-files', ['nginx.conf'])].join('---\n'),
};

test('ConfigMaps in another file of the run: nothing to say', () => {
  assert.deepEqual(refFindings(DEPLOYMENT, ID, { files: ALL }), []);
});

test('a ConfigMap no file defines: info at the name, one per place that names it', () => {
  const files = { '/work/app/config.yaml': [configMap('web-config', ['mode']), configMap('web-env', ['A'])].join('---\n') };
  const [finding, ...rest] = refFindings(DEPLOYMENT, ID, { files });
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'info');
  assert.equal(textOf(DEPLOYMENT, finding), 'web-files');
  assert.equal(lineOf(DEPLOYMENT, finding), 24);
  assert.equal(finding.message, 'Volume "conf" names ConfigMap "web-files", which was not found');
  assert.match(finding.detail, /ContainerCreating/);
  assert.match(finding.detail, /workspaceIsComplete/);
});

test('workspaceIsComplete: true makes it a warning', () => {
  const [finding] = refFindings(DEPLOYMENT, ID, { files: {}, workspaceIsComplete: true });
  assert.equal(finding.severity, 'warning');
  assert.equal(refFindings(DEPLOYMENT, ID, { files: {}, workspaceIsComplete: true }).length, 3);
});

test('a missing key: info at the key, for env and for volume items', () => {
  const files = { '/work/app/config.yaml': [configMap('web-config', ['other']), configMap('web-env', ['A']), configMap('web-files', ['default.conf'])].join('---\n') };
  const findings = refFindings(DEPLOYMENT, ID, { files });
  assert.deepEqual(
    findings.map((finding) => [textOf(DEPLOYMENT, finding), finding.message]),
    [
      ['mode', 'ConfigMap "web-config" has no key "mode"'],
      ['nginx.conf', 'ConfigMap "web-files" has no key "nginx.conf"'],
    ],
  );
  assert.match(findings[0].detail, /defines the keys other, not "mode"/);
  assert.match(findings[0].detail, /CreateContainerConfigError/);
});

test('namespace mismatch: a ConfigMap of another namespace does not count', () => {
  const files = { '/work/app/config.yaml': [configMap('web-config', ['mode'], 'other'), configMap('web-env', ['A']), configMap('web-files', ['nginx.conf'])].join('---\n') };
  const [finding, ...rest] = refFindings(DEPLOYMENT, ID, { files });
  assert.equal(rest.length, 0);
  assert.equal(textOf(DEPLOYMENT, finding), 'web-config');
  assert.match(finding.detail, /in namespace "shop"/);
});

test('an unwritten namespace on either side may match (kubectl apply -n, kustomize namespace)', () => {
  const files = { '/work/app/config.yaml': [configMap('web-config', ['mode'], '""'), configMap('web-env', ['A']), configMap('web-files', ['nginx.conf'])].join('---\n') };
  assert.deepEqual(refFindings(DEPLOYMENT, ID, { files }), []);
});

test('optional references are never missing, nor kube-root-ca.crt', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
      - name: c
        image: busybox:1.36
        envFrom:
        - configMapRef: {name: maybe, optional: true}
        env:
        - name: X
          valueFrom:
            configMapKeyRef: {name: present, key: absent, optional: true}
      volumes:
      - name: ca
        configMap: {name: kube-root-ca.crt}
  `;
  assert.deepEqual(refFindings(text, ID, { files: { '/work/app/cm.yaml': configMap('present', ['a'], '""') } }), []);
});

test('without a run (a single file, stdin) the rule is silent', () => {
  assert.deepEqual(refFindings(DEPLOYMENT, ID, { alone: true }), []);
});

test('a multi-document file: the ConfigMap in the same file counts, findings land in the right document', () => {
  const text = configMap('web-config', ['mode']) + '---\n' + configMap('web-env', ['A']) + '---\n' + DEPLOYMENT;
  const [finding, ...rest] = refFindings(text, ID, { files: {} });
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex ?? 2, 2);
  assert.equal(textOf(text, finding), 'web-files');
});

test('a CronJob template and a projected volume', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 1 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
              - name: job
                image: busybox:1.36
              volumes:
              - name: all
                projected:
                  sources:
                  - configMap: {name: job-config}
  `;
  const [finding] = refFindings(text, ID, { files: {} });
  assert.equal(textOf(text, finding), 'job-config');
  assert.equal(finding.message, 'Volume "all" names ConfigMap "job-config", which was not found');
});

test('a ConfigMapList in another file counts item by item', () => {
  const list = yaml`
    apiVersion: v1
    kind: ConfigMapList
    items:
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-config}
      data: {mode: a}
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-env}
    - apiVersion: v1
      kind: ConfigMap
      metadata: {name: web-files}
      data: {nginx.conf: x}
  `;
  assert.deepEqual(refFindings(DEPLOYMENT, ID, { files: { '/work/app/list.yaml': list } }), []);
});

test('a ConfigMap a kustomization generates for this file (configMapGenerator) counts', () => {
  const kustomize = {
    kind: 'resource',
    selectorLabels: {},
    generated: [
      { kind: 'ConfigMap', name: 'web-config' },
      { kind: 'ConfigMap', name: 'web-env' },
      { kind: 'Secret', name: 'web-files' },
    ],
  };
  const findings = refFindings(DEPLOYMENT, ID, { files: {}, kustomize });
  assert.deepEqual(
    findings.map((finding) => textOf(DEPLOYMENT, finding)),
    ['web-files'],
    'a generated Secret is not a ConfigMap',
  );
});
