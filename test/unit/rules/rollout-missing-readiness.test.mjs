import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'rollout-missing-readiness';

const backed = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 2
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web # serves HTTP
          image: nginx:1.27
          ports:
          - containerPort: 80
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
    ports:
    - port: 80
`;

test('a Service-backed Deployment without readiness is a warning on containers', () => {
  const [finding, ...rest] = findingsOf(backed, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 0);
  assert.equal(lineOf(backed, finding), 12);
  assert.equal(textOf(backed, finding), 'containers');
  assert.equal(finding.message, 'Deployment "web" has no readinessProbe, and a Service sends it traffic');
  assert.match(said(finding), /Service "web"/);
});

test('without a selecting Service in the file: nothing, even when ports are exposed (issue #11)', () => {
  const alone = backed.split('---')[0];
  assert.deepEqual(findingsOf(alone, ID), []);
  const other = backed.replace('selector: {app: web}\n  ports:', 'selector: {app: other}\n  ports:');
  assert.deepEqual(findingsOf(other, ID), []);
  const worker = alone.replace('        ports:\n        - containerPort: 80\n', '');
  assert.deepEqual(findingsOf(worker, ID), []);
});

test('a readiness probe on any container, Pods and Jobs: nothing', () => {
  const ready = backed.replace('        ports:\n', '        readinessProbe:\n          tcpSocket: {port: 80}\n        ports:\n');
  assert.deepEqual(findingsOf(ready, ID), []);
  const pod = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports: [{containerPort: 80}]
  `;
  assert.deepEqual(findingsOf(pod, ID), []);
});

test('a Service in another namespace does not count', () => {
  const text = backed
    .replace('metadata:\n  name: web\nspec:\n  replicas', 'metadata:\n  name: web\n  namespace: a\nspec:\n  replicas')
    .replace('kind: Service\nmetadata:\n  name: web\n', 'kind: Service\nmetadata:\n  name: web\n  namespace: b\n');
  assert.deepEqual(findingsOf(text, ID), []);
});

test('the tomcat seed: warning on the 2-replica Deployment behind Service my-tomcat', () => {
  const seed = readFileSync(new URL('../../../examples/001-tomcat-harbor.yaml', import.meta.url), 'utf8');
  const [finding] = findingsOf(seed, ID);
  assert.equal(finding.severity, 'warning');
  assert.equal(finding.documentIndex, 1);
  assert.match(said(finding), /Service "my-tomcat"/);
});

test('StatefulSet in a later document', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: db
    spec:
      clusterIP: None
      selector: {app: db}
      ports: [{port: 5432}]
    ---
    apiVersion: apps/v1
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
            image: postgres:16
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(finding.severity, 'warning');
  assert.equal(lineOf(text, finding), 21);
  assert.deepEqual(finding.fixes, [], 'no declared port to probe');
});

test('fix: add a tcpSocket readiness probe to the serving container', () => {
  const fixed = assertFixClears(backed, ID, { title: 'Add a tcpSocket readinessProbe on port 80 to "web"' });
  assert.match(fixed, /readinessProbe:\n\s+tcpSocket:\n\s+port: 80\n---/);
});

test('fix: a readinessProbe modelled on the livenessProbe, with readiness timing', () => {
  const text = yaml`
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
          - name: api # serves HTTP
            image: example/api:1.4
            ports:
            - containerPort: 8080
            livenessProbe:
              httpGet: {path: /healthz, port: 8080}
              periodSeconds: 20
            resources: {}
    ---
    apiVersion: v1
    kind: Service
    metadata:
      name: api
    spec:
      selector: {app: api}
      ports: [{port: 80, targetPort: 8080}]
  `;
  const fixed = assertFixClears(text, 'rollout-missing-readiness', { title: 'modelled on the livenessProbe' });
  assert.match(
    fixed,
    /periodSeconds: 20\n {8}readinessProbe:\n {10}httpGet:\n {12}path: \/healthz\n {12}port: 8080\n {10}periodSeconds: 5\n {10}failureThreshold: 3\n {8}resources: \{\}/,
  );
});
