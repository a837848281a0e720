// One run, many files: the Services and Namespaces of every file the CLI checks count for the
// cross-object rules of the others (a StatefulSet's governing Service in service.yaml, a Pod's
// Namespace with its Pod Security label in namespace.yaml), in process and on worker threads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const dir = mkdtempSync(join(tmpdir(), 'podwise-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const STATEFULSET = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: db
        image: postgres:16.3
`;
const SERVICE = (clusterIP) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: ${clusterIP}
  selector: {app: db}
  ports: [{port: 5432}]
`;
const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels:
    pod-security.kubernetes.io/enforce: restricted
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: tool
  namespace: team
spec:
  containers:
  - name: tool
    image: busybox:1.36
    securityContext:
      runAsUser: 0
`;

function check(files, ...args) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', ...args, ...Object.keys(files).map((name) => join(dir, name))], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout).map((finding) => `${finding.file.split(/[\\/]/).pop()} ${finding.rule} ${finding.severity}`);
}

for (const jobs of ['1', '2']) {
  test(`--jobs ${jobs}: a headless Service in a sibling file satisfies the StatefulSet; one that is not headless is named at serviceName`, () => {
    const alone = check({ 'statefulset.yaml': STATEFULSET }, '--jobs', jobs);
    assert.ok(alone.includes('statefulset.yaml statefulset-service-missing warning'));
    const split = check({ 'statefulset.yaml': STATEFULSET, 'service.yaml': SERVICE('None') }, '--jobs', jobs);
    assert.ok(!split.some((line) => line.includes('statefulset-service-missing')), split.join('\n'));
    const notHeadless = check({ 'statefulset.yaml': STATEFULSET, 'service.yaml': SERVICE('10.96.0.9') }, '--jobs', jobs);
    assert.ok(notHeadless.includes('statefulset.yaml statefulset-service-missing warning'), notHeadless.join('\n'));
  });

  test(`--jobs ${jobs}: a Namespace in a sibling file that enforces restricted makes a root Pod an error`, () => {
    const alone = check({ 'pod.yaml': POD }, '--jobs', jobs);
    assert.ok(!alone.some((line) => line.includes('pss-run-as-user')), 'baseline by default: no restricted control');
    const withNamespace = check({ 'pod.yaml': POD, 'namespace.yaml': NAMESPACE }, '--jobs', jobs);
    assert.ok(withNamespace.includes('pod.yaml pss-run-as-user error'), withNamespace.join('\n'));
  });
}

test('--pod-security restricted holds the Pod to restricted; a bad level is a usage error with the same words as the settings', () => {
  assert.ok(check({ 'pod.yaml': POD }, '--pod-security', 'restricted').includes('pod.yaml pss-run-as-user warning'));
  assert.deepEqual(
    check({ 'pod.yaml': POD }, '--pod-security', 'off').filter((line) => line.includes(' pss-')),
    [],
  );
  const bad = spawnSync(process.execPath, [BIN, 'check', '--pod-security', 'strict', join(dir, 'pod.yaml')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--pod-security: "strict" is not a Pod Security level: use one of off, baseline, restricted/);
});
