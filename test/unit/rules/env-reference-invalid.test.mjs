import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'env-reference-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: app
      image: app:1.0
      env:
      - name: PASSWORD
        valueFrom:
          secretKeyRef: {name: DB_Secret, key: "pass word"}
      - name: TOKEN
        valueFrom:
          secretKeyRef: {key: token}
`;

test('Secret name and key formats; an omitted name is an error', () => {
  const findings = findingsOf(bad, ID);
  assert.equal(findings.length, 3, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 11);
  assert.equal(textOf(bad, findings[0]), 'DB_Secret');
  assert.match(said(findings[0]), /RFC 1123 subdomain/);
  assert.equal(textOf(bad, findings[1]), '"pass word"');
  assert.match(said(findings[1]), /a valid config key must consist of alphanumeric characters/);
  assert.equal(lineOf(bad, findings[2]), 14);
  assert.equal(textOf(bad, findings[2]), 'secretKeyRef');
  assert.match(said(findings[2]), /names no Secret/);
});

test('fieldRef apiVersion, subscript keys, resourceFieldRef and divisors (Job template)', () => {
  const text = yaml`
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: run
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: task
            image: task:1.0
            env:
            - {name: A, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}
            - {name: B, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['-bad']"}}}
            - {name: C, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}
            - {name: D, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 10m}}}
            - {name: E, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 2Mi}}}
            envFrom:
            - configMapRef: {name: ""}
  `;
  const messages = findingsOf(text, ID).map(said);
  assert.equal(messages.length, 6, messages.join('\n'));
  assert.match(messages[0], /unsupported pod version: v2/);
  assert.match(messages[1], /not a valid annotation key/);
  assert.match(messages[2], /not a container resource/);
  assert.match(messages[3], /only divisor's values 1m and 1 are supported/);
  assert.match(messages[4], /1Ki, 1Mi/);
  assert.match(messages[5], /configMapRef.name: Required value/);
});

test('valid references are fine (second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Secret
    metadata:
      name: db
    ---
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: app
        image: app:1.0
        env:
        - {name: A, valueFrom: {secretKeyRef: {name: db.credentials, key: .password_file, optional: true}}}
        - {name: B, valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}}
        - {name: C, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: "metadata.labels['app.kubernetes.io/name']"}}}
        - {name: D, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
        - {name: E, valueFrom: {resourceFieldRef: {containerName: app, resource: requests.cpu, divisor: 1m}}}
        - {name: F, valueFrom: {resourceFieldRef: {resource: limits.hugepages-2Mi, divisor: 1Gi}}}
        envFrom:
        - secretRef: {name: db}
        - configMapRef: {name: settings-}
          prefix: CFG_
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});
