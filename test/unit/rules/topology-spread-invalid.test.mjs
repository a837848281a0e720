import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;
const ID = 'topology-spread-invalid';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
    labels: {app: web}
  spec:
    topologySpreadConstraints:
    - maxSkew: 0
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: DoNotSchedule
      labelSelector: {matchLabels: {app: web}}
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: DoNotSchedule
      minDomains: 0
    - maxSkew: 1
      topologyKey: kubernetes.io/hostname
      whenUnsatisfiable: ScheduleAnyway
      minDomains: 2
      matchLabelKeys: [pod-template-hash]
    containers:
    - name: app
      image: app:1.0
`;

test('maxSkew, duplicate pairs, minDomains and matchLabelKeys', () => {
  const findings = findingsOf(bad, ID).filter((finding) => finding.severity === 'error');
  assert.equal(findings.length, 5, findings.map(said).join('\n'));
  assert.equal(lineOf(bad, findings[0]), 7);
  assert.equal(textOf(bad, findings[0]), '0');
  assert.match(said(findings[0]), /must be greater than zero/);
  assert.match(said(findings[1]), /Duplicate value/);
  assert.match(said(findings[2]), /must be greater than zero/);
  assert.match(said(findings[3]), /can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway/);
  assert.match(said(findings[4]), /must not be specified when labelSelector is not set/);
});

test('fix: maxSkew 1', () => {
  assertFixClears(bad, ID);
});

test('valid constraints are fine (Deployment template, second document)', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 3, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [pod-template-hash]}
          - {maxSkew: 2, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {app: web}}}
          containers:
          - name: app
            image: app:1.0
  `;
  assert.deepEqual(findingsOf(text, ID).map(said), []);
});

test('a constraint without labelSelector is a warning (it counts no Pods)', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      topologySpreadConstraints:
      - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}
      containers:
      - name: app
        image: app:1.0
  `;
  const [finding, ...rest] = findingsOf(text, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 6);
  assert.match(finding.detail, /a null labelSelector results in matching no pod/);
});
