import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ID = 'deployment-single-replica';
const on = { rules: { [ID]: 'hint' } };

const text = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: c
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # deployment
  spec:
    replicas: 1
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;

test('off by default', () => {
  assert.deepEqual(findingsOf(text, ID), []);
});

test('replicas: 1 is a hint when enabled (multi-document)', () => {
  const [finding, ...rest] = findingsOf(text, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 10);
  assert.equal(textOf(text, finding), '1');
});

test('omitted replicas default to 1; 2 or more is fine', () => {
  assert.match(said(findingsOf(text.replace('  replicas: 1\n', ''), ID, on)[0]), /defaults to 1/);
  assert.deepEqual(findingsOf(text.replace('replicas: 1', 'replicas: 3'), ID, on), []);
});

test('fix: two replicas', () => {
  const fixed = assertFixClears(text, ID, { options: on });
  assert.match(fixed, /replicas: 2/);
});

// --- A HorizontalPodAutoscaler of the file owns spec.replicas (peer-agreement bug 3).
const hpa = ({ min, max = 10, name = 'web', namespace } = {}) =>
  [
    '---',
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: web-hpa',
    ...(namespace ? [`  namespace: ${namespace}`] : []),
    'spec:',
    `  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${name}}`,
    ...(min === undefined ? [] : [`  minReplicas: ${min} # floor`]),
    `  maxReplicas: ${max}`,
    '',
  ].join('\n');

test('an HPA with minReplicas ≥ 2 targeting the Deployment: not single-replica, whatever spec.replicas says', () => {
  assert.deepEqual(findingsOf(text + hpa({ min: 3 }), ID, on), []);
  assert.deepEqual(findingsOf(text.replace('  replicas: 1\n', '') + hpa({ min: 2 }), ID, on), []);
});

test('an HPA with minReplicas: 1 may scale it to one: the hint moves to the HPA, with a fix', () => {
  const scaled = text + hpa({ min: 1 });
  const [finding, ...rest] = findingsOf(scaled, ID, on);
  assert.equal(rest.length, 0);
  assert.equal(finding.documentIndex, 2);
  assert.equal(textOf(scaled, finding), '1');
  assert.equal(lineOf(scaled, finding), scaled.split('\n').indexOf('  minReplicas: 1 # floor'));
  assert.match(said(finding), /may scale Deployment "web" down to one replica\nminReplicas is 1/);
  const fixed = assertFixClears(scaled, ID, { title: 'Set minReplicas: 2', options: on });
  assert.match(fixed, /minReplicas: 2 # floor/);
  assert.deepEqual(findingsOf(fixed, ID, on), []);
});

test('an HPA without minReplicas defaults it to 1: hint on the HPA spec; the fix inserts it (and raises maxReplicas below 2)', () => {
  const scaled = text.replace('  replicas: 1\n', '') + hpa({ max: 1 });
  const [finding] = findingsOf(scaled, ID, on);
  assert.equal(finding.documentIndex, 2);
  assert.equal(textOf(scaled, finding), 'spec');
  assert.match(said(finding), /minReplicas defaults to 1/);
  const fixed = assertFixClears(scaled, ID, { options: on });
  assert.match(fixed, /scaleTargetRef: .*\n  minReplicas: 2\n  maxReplicas: 2\n/);
});

test('an HPA targeting another Deployment or namespace does not count', () => {
  assert.equal(findingsOf(text + hpa({ min: 3, name: 'api' }), ID, on)[0].documentIndex, 1);
  const namespaced = text.replace('  name: web # deployment', '  name: web # deployment\n  namespace: shop') + hpa({ min: 3, namespace: 'ops' });
  assert.equal(findingsOf(namespaced, ID, on)[0].documentIndex, 1);
  assert.deepEqual(findingsOf(namespaced.replace('namespace: ops', 'namespace: shop'), ID, on), []);
});
