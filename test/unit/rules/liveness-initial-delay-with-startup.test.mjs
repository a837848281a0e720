import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'liveness-initial-delay-with-startup';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: nginx
  spec:
    containers:
    - name: nginx # web
      image: nginx:1.27
      startupProbe:
        httpGet: {path: /api/successStart, port: 80}
      livenessProbe:
        exec:
          command: [cat, /health]
        initialDelaySeconds: 60
        periodSeconds: 5
`;

test('a liveness delay next to a startup probe is a hint on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), '60');
  assert.match(finding.message, /counts from the container start/);
});

test('the probes-lifecycle seed gets the hint', () => {
  const seed = readFileSync(new URL('../../../examples/003-probes-lifecycle.yaml', import.meta.url), 'utf8');
  const [finding] = findingsOf(seed, ID);
  assert.equal(textOf(seed, finding), '60');
});

test('no startup probe, or no delay: nothing', () => {
  assert.deepEqual(findingsOf(bad.replace('    startupProbe:\n      httpGet: {path: /api/successStart, port: 80}\n', ''), ID), []);
  assert.deepEqual(findingsOf(bad.replace('initialDelaySeconds: 60', 'initialDelaySeconds: 0'), ID), []);
});

test('multi-document StatefulSet template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
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
            startupProbe:
              exec: {command: [pg_isready]}
              failureThreshold: 30
            livenessProbe:
              exec: {command: [pg_isready]}
              initialDelaySeconds: 30
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 25);
});

test('fix: remove the delay', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove initialDelaySeconds' });
  assert.doesNotMatch(fixed, /initialDelaySeconds/);
  assert.match(fixed, /periodSeconds: 5/);
});
