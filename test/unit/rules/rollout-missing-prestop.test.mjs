import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { hoverAt } from '../../../dist/server/engine.js';

const ID = 'rollout-missing-prestop';
/** Off by default since issue #11; the tests turn it on. */
const ON = { rules: { [ID]: 'hint' } };

const backed = yaml`
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
        containers:
        - name: web # serves HTTP
          image: nginx:1.27
          ports:
          - containerPort: 80
        - name: log-shipper
          image: fluent-bit:3.0
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
    ports:
    - port: 80
      targetPort: 80
`;

test('the serving container of a Service-backed Deployment gets a hint', () => {
  const [finding, ...rest] = findingsOf(backed, ID, ON);
  assert.equal(rest.length, 0, 'only the container that serves the targetPort');
  assert.equal(finding.severity, 'hint');
  assert.equal(finding.documentIndex, 0);
  assert.equal(lineOf(backed, finding), 12);
  assert.equal(textOf(backed, finding), 'web');
});

test('no Service, a preStop already there, or a zero grace period: nothing', () => {
  assert.deepEqual(findingsOf(backed.split('---')[0], ID, ON), []);
  const hooked = backed.replace('        ports:\n', '        lifecycle:\n          preStop:\n            sleep: {seconds: 5}\n        ports:\n');
  assert.deepEqual(findingsOf(hooked, ID, ON), []);
  const zero = backed.replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 0\n      containers:');
  assert.deepEqual(findingsOf(zero, ID, ON), []);
});

test('a DaemonSet in a later document', () => {
  const text = yaml`
    apiVersion: v1
    kind: Service
    metadata:
      name: agent
    spec:
      selector: {app: agent}
      ports: [{port: 9100}]
    ---
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: node-exporter:1.8
            ports: [{containerPort: 9100}]
  `;
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 20);
});

test('fix: add a preStop sleep (1.30+)', () => {
  const fixed = assertFixClears(backed, ID, { title: 'Add a preStop sleep: {seconds: 5}', options: ON });
  assert.match(fixed, /lifecycle:\n\s+preStop:\n\s+sleep:\n\s+seconds: 5\n/);
});

test('fix on 1.29: exec sleep', () => {
  const fixed = assertFixClears(backed, ID, { title: 'Add a preStop exec sleep 5', options: { ...ON, version: '1.29' } });
  assert.match(fixed, /preStop:\n\s+exec:\n\s+command:\n\s+- sleep\n\s+- "5"\n/);
});

test('fix also raises a short grace period so the app keeps time after the sleep', () => {
  const short = backed.replace('    spec:\n      containers:', '    spec:\n      terminationGracePeriodSeconds: 8\n      containers:');
  const fixed = assertFixClears(short, ID, { title: 'Add a preStop sleep', options: ON });
  assert.match(fixed, /terminationGracePeriodSeconds: 20/);
  assert.deepEqual(findingsOf(fixed, 'shutdown-prestop-consumes-grace'), []);
});

test('off by default (issue #11): nothing unless the rule is turned on', () => {
  assert.deepEqual(findingsOf(backed, ID), []);
  assert.equal(findingsOf(backed, ID, { ...ON }).length > 0, true);
});

test('the shutdown hover on terminationGracePeriodSeconds shows the timeline instead (issue #11)', () => {
  const text = backed.replace(/^( +)containers:$/m, '$1terminationGracePeriodSeconds: 30\n$1containers:');
  const hover = hoverAt(text, text.indexOf('terminationGracePeriodSeconds') + 2, { version: '1.36' });
  assert.match(hover?.markdown ?? '', /Removal from Service endpoints starts at the same moment/);
  assert.match(hover?.markdown ?? '', /no preStop hook/);
});
