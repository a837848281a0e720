// Schema layer: generated strict schemas, precompiled validators and the error mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { definitionFor, loadDefinitions, servedKinds, schemaVersions, validateObject } from '../../dist/server/engine.js';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

/** Parses like Kubernetes does (YAML 1.1: `yes` is a boolean) and validates. */
function check(text, version = '1.36') {
  const value = parseDocument(text, { version: '1.1' }).toJS();
  return validateObject(value, value.apiVersion, value.kind, version);
}

const pod = (containerYaml, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
${containerYaml.replace(/^/gm, '      ')}
${extra}`;

const ids = (findings) => findings.map((f) => f.ruleId);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

test('a valid Pod has no findings', () => {
  assert.deepEqual(check(pod('ports:\n  - containerPort: 80')), []);
});

test('unknown field: case-only slip gets a safe rename', () => {
  const findings = check(pod('livenessprobe:\n  tcpSocket: {port: 80}'));
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.ruleId, 'schema-unknown-field');
  assert.equal(f.target, 'key');
  assert.deepEqual(f.path, ['spec', 'containers', 0, 'livenessprobe']);
  assert.equal(f.message, 'Unknown field "livenessprobe" in container "app"; did you mean "livenessProbe"?');
  const rename = f.fixes.find((fix) => fix.preferred);
  assert.deepEqual(rename.intents, [{ op: 'rename', path: f.path, newKey: 'livenessProbe' }]);
  assert.equal(rename.safe, true);
});

test('unknown field: typo within edit distance gets a rename', () => {
  const [f] = check(pod('readinessProbe:\n  initialDelaySecond: 5\n  tcpSocket: {port: 80}'));
  assert.equal(f.ruleId, 'schema-unknown-field');
  assert.match(said(f), /in Probe.*"initialDelaySeconds"/);
  assert.equal(f.fixes[0].intents[0].newKey, 'initialDelaySeconds');
});

test('unknown field far from any name: no suggestion, only removal', () => {
  const [f] = check(pod('frobnicate: true'));
  assert.equal(f.ruleId, 'schema-unknown-field');
  assert.doesNotMatch(said(f), /Did you mean/);
  assert.deepEqual(
    f.fixes.map((fix) => fix.intents[0].op),
    ['delete'],
  );
});

test('a misspelt required field is reported once, as the unknown field', () => {
  const value = parseDocument(pod('').replace('- name: app', '- Name: app'), { version: '1.1' }).toJS();
  const findings = validateObject(value, 'v1', 'Pod', '1.36');
  assert.deepEqual(ids(findings), ['schema-unknown-field']);
  assert.equal(findings[0].fixes[0].intents[0].newKey, 'name');
});

test('env value number: schema-type with a safe quote fix', () => {
  const [f] = check(pod('env:\n  - name: PIN\n    value: 123456'));
  assert.equal(f.ruleId, 'schema-type');
  assert.equal(f.target, 'value');
  assert.deepEqual(f.path, ['spec', 'containers', 0, 'env', 0, 'value']);
  assert.match(said(f), /^Container "app": env\[0\]\.value must be a string, not the number 123456\nQuote it \("123456"\)/);
  assert.deepEqual(f.fixes[0], { title: 'Quote the value', intents: [{ op: 'quote', path: f.path }], preferred: true, safe: true });
});

test('YAML 1.1 boolean where a string is needed: quote it', () => {
  const [f] = check(pod('env:\n  - name: DEBUG\n    value: yes'));
  assert.equal(f.ruleId, 'schema-type');
  assert.match(said(f), /^Container "app": env\[0\]\.value must be a string, not the boolean true\n.*quote it/);
  assert.equal(f.fixes[0].intents[0].op, 'quote');
});

test('quoted number where an integer is needed: remove the quotes', () => {
  const [f] = check(pod('ports:\n  - containerPort: "8080"'));
  assert.equal(f.ruleId, 'schema-type');
  assert.deepEqual(f.fixes[0].intents, [{ op: 'set', path: f.path, value: 8080 }]);
});

test('missing containers: schema-required on the missing field path, placed on the parent key', () => {
  const findings = check('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Never\n');
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.ruleId, 'schema-required');
  assert.equal(f.target, 'key');
  assert.deepEqual(f.path, ['spec', 'containers']);
  assert.equal(f.message, 'Pod is missing required field "spec.containers"');
});

test('required kind stays required where the API needs it (RoleBinding roleRef)', () => {
  const findings = check(`apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: x}
roleRef: {apiGroup: rbac.authorization.k8s.io, name: reader}
subjects: [{kind: User, name: jane}]
`);
  assert.deepEqual(ids(findings), ['schema-required']);
  assert.match(said(findings[0]), /"roleRef.kind"/);
});

test('enum: case slip gets a safe set fix', () => {
  const findings = check(pod('').replace('spec:\n', 'spec:\n  restartPolicy: always\n'));
  assert.equal(findings.length, 1);
  const [f] = findings;
  assert.equal(f.ruleId, 'schema-enum');
  assert.deepEqual(f.path, ['spec', 'restartPolicy']);
  assert.match(said(f), /Always, OnFailure or Never/);
  assert.deepEqual(f.fixes[0].intents, [{ op: 'set', path: ['spec', 'restartPolicy'], value: 'Always' }]);
  assert.equal(f.fixes[0].safe, true);
});

test('enum: container restartPolicy values follow the version', () => {
  const text = pod('restartPolicy: OnFailure');
  assert.deepEqual(ids(check(text, '1.33')), ['schema-enum']);
  assert.deepEqual(check(text, '1.34'), []);
});

test('int-or-string accepts both, rejects other types with one finding', () => {
  assert.deepEqual(check(pod('readinessProbe:\n  httpGet: {path: /, port: 8080}')), []);
  assert.deepEqual(check(pod('readinessProbe:\n  httpGet: {path: /, port: http}')), []);
  const findings = check(pod('readinessProbe:\n  httpGet: {path: /, port: [80]}'));
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'schema-type');
  assert.match(said(findings[0]), /an integer or a string/);
});

test('quantities: numbers and suffixed strings pass, slips get a suggestion', () => {
  assert.deepEqual(check(pod('resources:\n  limits: {cpu: 0.5, memory: 512Mi}\n  requests: {cpu: 250m, memory: 1e3}')), []);
  const [f] = check(pod('resources:\n  limits: {memory: 512MB}'));
  assert.equal(f.ruleId, 'schema-format');
  assert.match(said(f), /^Container "app": limits\.memory: "512MB" is not a valid quantity; did you mean "512Mi"\?/);
  assert.equal(f.fixes[0].safe, false);
});

test('kubectl nulls are accepted (creationTimestamp: null, empty args, Date timestamps)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  creationTimestamp: null
  annotations:
    built: 2024-01-01
spec:
  containers:
    - name: app
      image: nginx
      args:
      resources: {}
status: {}
`;
  assert.deepEqual(check(text), []);
});

test('status: {} is accepted even where the status type has required fields', () => {
  for (const [apiVersion, kind, spec] of [
    ['apps/v1', 'Deployment', 'selector: {matchLabels: {a: b}}\n  template: {metadata: {labels: {a: b}}, spec: {containers: [{name: a, image: b}]}}'],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', 'scaleTargetRef: {kind: Deployment, name: x}\n  maxReplicas: 3'],
    ['policy/v1', 'PodDisruptionBudget', 'minAvailable: 1'],
  ]) {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\nspec:\n  ${spec}\nstatus: {}\n`;
    assert.deepEqual(check(text), [], `${apiVersion}/${kind}`);
  }
});

test('StatefulSet volumeClaimTemplates need no apiVersion/kind', () => {
  const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
`;
  assert.deepEqual(check(text), []);
});

test('unknown kinds and removed APIs have no schema', () => {
  assert.equal(validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', spec: {} }, 'example.com/v1', 'Widget', '1.36'), undefined);
  assert.equal(validateObject({}, 'extensions/v1beta1', 'Deployment', '1.36'), undefined);
  assert.equal(validateObject({}, 'v1', 'DeleteOptions', '1.36'), undefined);
});

test('every version loads and validates a Pod', () => {
  const versions = schemaVersions();
  assert.deepEqual(versions, ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36']);
  for (const version of versions) {
    assert.deepEqual(check(pod('ports: [{containerPort: 80}]'), version), [], version);
    assert.deepEqual(ids(check(pod('imagePullPolicy: always'), version)), ['schema-enum'], version);
  }
});

test('a wrong-typed object does not cascade', () => {
  const findings = check('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    name: app\n    image: nginx\n    bogus: 1\n');
  assert.deepEqual(ids(findings), ['schema-type']);
  assert.deepEqual(findings[0].path, ['spec', 'containers']);
  assert.match(said(findings[0]), /must be a list, not a mapping/);
  const probe = check(pod('livenessProbe: "curl localhost"'));
  assert.deepEqual(ids(probe), ['schema-type']);
  assert.match(said(probe[0]), /a mapping \(Probe\)/);
});

test('findings come in document order and are capped', () => {
  const keys = Array.from({ length: 25 }, (_, i) => `bogus${i}: ${i}`).join('\n');
  const findings = check(pod(keys));
  assert.equal(findings.length, 21);
  assert.deepEqual(findings[0].path, ['spec', 'containers', 0, 'bogus0']);
  assert.deepEqual(findings[19].path, ['spec', 'containers', 0, 'bogus19']);
  assert.equal(findings[20].ruleId, 'schema-too-many');
  assert.equal(findings[20].severity, 'info');
  assert.match(said(findings[20]), /^5 more/);
});

test('Secret data must be base64; int32 overflow is caught', () => {
  const secret = check('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  ok: aGVsbG8=\n  bad: hello world\n');
  assert.deepEqual(ids(secret), ['schema-format']);
  assert.deepEqual(secret[0].path, ['data', 'bad']);
  assert.match(said(secret[0]), /stringData/);
  assert.deepEqual(ids(check(pod('ports: [{containerPort: 3000000000}]'))), ['schema-format']);
});

test('index and definitions are available for completion and hover', () => {
  assert.equal(definitionFor('1.36', 'apps/v1', 'Deployment'), 'io.k8s.api.apps.v1.Deployment');
  assert.equal(definitionFor('1.36', 'v1', 'Pod'), 'io.k8s.api.core.v1.Pod');
  assert.ok(servedKinds('1.36').some((k) => same(k, { apiVersion: 'batch/v1', kind: 'CronJob', definition: 'io.k8s.api.batch.v1.CronJob' })));
  const defs = loadDefinitions('1.36');
  assert.equal(defs['io.k8s.api.core.v1.Container'].additionalProperties, false);
  assert.ok('livenessProbe' in defs['io.k8s.api.core.v1.Container'].properties);
  // A version newer than the schemas falls back to the newest one.
  assert.deepEqual(check(pod(''), '1.40'), []);
});
