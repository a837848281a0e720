import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, lineOf, textOf } from '../../helpers/engine.mjs';
import { refFindings } from '../../helpers/references.mjs';

const ID = 'secret-ref-missing';

const STATEFULSET = yaml`
  apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: db
    namespace: data
  spec:
    serviceName: db
    selector:
      matchLabels: {app: db}
    template:
      metadata:
        labels: {app: db}
      spec:
        imagePullSecrets:
        - name: registry
        containers:
        - name: db
          image: registry.example.com/postgres:16
          env:
          - name: PASSWORD
            valueFrom:
              secretKeyRef: {name: db-auth, key: password}
        volumes:
        - name: tls
          secret:
            secretName: db-tls
`;

const secret = (name, keys, { namespace = 'data', field = 'data' } = {}) =>
  yaml`
  apiVersion: v1
  kind: Secret
  metadata:
    name: ${name}
    namespace: ${namespace}
  ${field}:
  ` + keys.map((key) => `  ${key}: c2VjcmV0\n`).join('');

const SECRETS = [secret('registry', ['.dockerconfigjson']), secret('db-auth', ['password'], { field: 'stringData' }), secret('db-tls', ['tls.crt'])].join('---\n');

test('Secrets in another file (stringData keys count): nothing to say', () => {
  assert.deepEqual(refFindings(STATEFULSET, ID, { files: { '/work/app/secrets.yaml': SECRETS } }), []);
});

test('a Secret no file defines: info at the name (imagePullSecrets, env, volume)', () => {
  const findings = refFindings(STATEFULSET, ID, { files: {} });
  assert.deepEqual(
    findings.map((finding) => [lineOf(STATEFULSET, finding), textOf(STATEFULSET, finding), finding.severity]),
    [
      [14, 'registry', 'info'],
      [21, 'db-auth', 'info'],
      [25, 'db-tls', 'info'],
    ],
  );
  assert.equal(findings[0].message, 'StatefulSet "db" names Secret "registry", which was not found');
  assert.equal(findings[1].message, 'Container "db" names Secret "db-auth", which was not found');
  assert.match(findings[0].detail, /ErrImagePull/);
  assert.match(findings[1].detail, /CreateContainerConfigError/);
});

test('the run is declared complete: warnings', () => {
  const findings = refFindings(STATEFULSET, ID, { files: {}, workspaceIsComplete: true });
  assert.deepEqual(
    findings.map((finding) => finding.severity),
    ['warning', 'warning', 'warning'],
  );
  assert.match(findings[0].detail, /workspaceIsComplete says every object is in the workspace/);
});

test('a missing key of a Secret in another file', () => {
  const files = { '/work/app/secrets.yaml': [secret('registry', ['x']), secret('db-auth', ['user']), secret('db-tls', ['tls.crt'])].join('---\n') };
  const [finding, ...rest] = refFindings(STATEFULSET, ID, { files });
  assert.equal(rest.length, 0);
  assert.equal(textOf(STATEFULSET, finding), 'password');
  assert.equal(finding.message, 'Secret "db-auth" has no key "password"');
  assert.match(finding.detail, /in \/work\/app\/secrets\.yaml/);
  assert.doesNotMatch(finding.detail, /c2VjcmV0/, 'no Secret value is kept or shown');
});

test('namespace mismatch, optional Secret volume, legacy token Secrets', () => {
  const files = { '/work/app/secrets.yaml': [secret('registry', ['x'], { namespace: 'other' }), secret('db-auth', ['password']), secret('db-tls', ['tls.crt'])].join('---\n') };
  assert.deepEqual(
    refFindings(STATEFULSET, ID, { files }).map((finding) => textOf(STATEFULSET, finding)),
    ['registry'],
  );
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: p
    spec:
      containers:
      - name: c
        image: busybox:1.36
      volumes:
      - name: maybe
        secret: {secretName: maybe, optional: true}
      - name: default-token-f9jvj
        secret: {secretName: default-token-f9jvj}
  `;
  assert.deepEqual(refFindings(pod, ID, { files: {} }), []);
});

test('Ingress TLS secretName, in a multi-document file', () => {
  const text =
    secret('other', ['a'], { namespace: 'web' }) +
    '---\n' +
    yaml`
    apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata:
      name: site
      namespace: web
    spec:
      tls:
      - hosts: [example.com]
        secretName: site-tls
      defaultBackend:
        service: {name: site, port: {number: 80}}
  `;
  const [finding, ...rest] = refFindings(text, ID, { files: {} });
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding), 'site-tls');
  assert.match(finding.detail, /default certificate/);
});

test('no run: silent', () => {
  assert.deepEqual(refFindings(STATEFULSET, ID, { alone: true }), []);
});
