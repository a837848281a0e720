import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

// What a finding says: the short message and the explanation in its hover (detail).
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'env-literal-secret';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: api # pod
  spec:
    containers:
    - name: api
      image: api:2.0
      env:
      - name: DB_PASSWORD
        value: hunter2 # TODO move
`;

test('a literal password is a warning on the value; the fix uses a Secret', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'hunter2');
  assert.match(said(finding), /valueFrom\.secretKeyRef/);
});

test('references, flags and file paths are not secrets', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: api
    spec:
      containers:
      - name: api
        image: api:2.0
        env:
        - {name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "yes"}
        - {name: DB_PASSWORD_FILE, value: /run/secrets/db}
        - {name: API_TOKEN, valueFrom: {secretKeyRef: {name: api, key: token}}}
        - {name: TOKEN_COPY, value: "$(API_TOKEN)"}
        - {name: LOG_LEVEL, value: debug}
  `;
  assert.deepEqual(findingsOf(text, ID), []);
});

const mysql = yaml`
  # /etc/kubernetes/manifests/static-mysql.yaml
  apiVersion: v1
  kind: Pod
  metadata:
    name: mysql
    namespace: kube-system
  spec:
    containers:
    - env:
      - name: MYSQL_ROOT_PASSWORD
        value: "123456"
      image: mysql:5.7.39
      name: mysql
      volumeMounts:
      - mountPath: /var/lib/mysql
        name: mysql-data
        readOnly: false
    hostNetwork: true
    volumes:
    - name: mysql-data
      hostPath:
        path: /opt/mysql/data
        type: DirectoryOrCreate
    priorityClassName: system-node-critical
`;

test('static Pods (seed 004): advice is a hostPath file and MYSQL_ROOT_PASSWORD_FILE, never a Secret', () => {
  const [finding] = findingsOf(mysql, ID, { staticPod: true });
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(mysql, finding), 10);
  assert.equal(textOf(mysql, finding), '"123456"');
  assert.match(said(finding), /Static Pods cannot reference Secrets/);
  assert.match(said(finding), /MYSQL_ROOT_PASSWORD_FILE/);
  assert.doesNotMatch(finding.fixes[0].title, /Secret/);
});

test('a numeric value is reported on the name, so the schema type error stays visible', () => {
  const text = mysql.replace('value: "123456"', 'value: 123456');
  const [finding] = findingsOf(text, ID, { staticPod: true });
  assert.equal(textOf(text, finding), 'MYSQL_ROOT_PASSWORD');
  assert.ok(findingsOf(text, 'schema-type', { staticPod: true }).length > 0);
});

test('static fix: *_FILE variable backed by a read-only hostPath file', () => {
  const fixed = assertFixClears(mysql, ID, { options: { staticPod: true } });
  assert.match(fixed, /- name: MYSQL_ROOT_PASSWORD_FILE\n {6}value: \/run\/secrets\/mysql-root-password\n/);
  assert.match(fixed, /- name: mysql-root-password\n {6}mountPath: \/run\/secrets\/mysql-root-password\n {6}readOnly: true\n/);
  assert.match(fixed, /- name: mysql-root-password\n {4}hostPath:\n {6}path: \/etc\/kubernetes\/secrets\/mysql\/mysql-root-password\n {6}type: File\n {2}priorityClassName/);
  assert.doesNotMatch(fixed, /123456/);
});

test('Deployment template in a multi-document file', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: api
    spec:
      selector:
        matchLabels: {app: api}
      template:
        metadata:
          labels: {app: api}
        spec:
          containers:
          - name: api
            image: api:2.0
            env: [{name: STRIPE_API_KEY, value: sk_live_123}]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 19);
});

test('fix: valueFrom.secretKeyRef', () => {
  const fixed = assertFixClears(bad, ID);
  assert.match(fixed, /valueFrom: \{ ?secretKeyRef: \{ ?name: api-secrets, key: db-password ?\} ?\} # TODO move/);
});

test('names are read as words: a count of tokens or the id of a secret is not a secret (#13 noise)', () => {
  const withName = (name, value = 'abc123') => bad.replace('DB_PASSWORD', name).replace('hunter2', value);
  for (const name of ['MAX_INPUT_TOKENS', 'MAX_TOKENS', 'SECRET_ID', 'VAULT_SECRET_NAME', 'TOKEN_URL', 'PASSWORD_FILE', 'AWS_SECRETS_MANAGER_SECRET_ARN', 'tokenLimit']) {
    assert.deepEqual(findingsOf(withName(name), ID), [], name);
  }
  for (const name of ['GITHUB_TOKEN', 'CLIENT_SECRET', 'AWS_SECRET_ACCESS_KEY', 'SECRET_KEY', 'apiKey', 'API_KEY', 'authToken', 'ADMIN_PASSWD']) {
    const found = findingsOf(withName(name), ID);
    assert.equal(found.length, 1, name);
    assert.equal(textOf(withName(name), found[0]), 'abc123', name);
  }
});
