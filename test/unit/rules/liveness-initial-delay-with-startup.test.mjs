import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { hoverAt } from '../../../dist/server/engine.js';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'liveness-initial-delay-with-startup';
/** Off by default since issue #11; the tests turn it on. */
const ON = { rules: { [ID]: 'hint' } };

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
  const [finding, ...rest] = findingsOf(bad, ID, ON);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), '60');
  assert.match(said(finding), /counts from the container start/);
});

test('the probes-lifecycle seed gets the hint', () => {
  const seed = readFileSync(new URL('../../../examples/003-probes-lifecycle.yaml', import.meta.url), 'utf8');
  const [finding] = findingsOf(seed, ID, ON);
  assert.equal(textOf(seed, finding), '60');
});

test('no startup probe, or no delay: nothing', () => {
  assert.deepEqual(findingsOf(bad.replace('    startupProbe:\n      httpGet: {path: /api/successStart, port: 80}\n', ''), ID, ON), []);
  assert.deepEqual(findingsOf(bad.replace('initialDelaySeconds: 60', 'initialDelaySeconds: 0'), ID, ON), []);
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
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 25);
});

test('fix: remove the delay', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Remove initialDelaySeconds', options: ON });
  assert.doesNotMatch(fixed, /initialDelaySeconds/);
  assert.match(fixed, /periodSeconds: 5/);
});

test('off by default (issue #11): nothing unless the rule is turned on', () => {
  assert.deepEqual(findingsOf(bad, ID), []);
  assert.equal(findingsOf(bad, ID, { ...ON }).length > 0, true);
});

test('what the finding said is in the hover on the probe instead (issue #11)', () => {
  const hover = hoverAt(bad, bad.indexOf('initialDelaySeconds') + 2, { version: '1.36' });
  assert.match(hover?.markdown ?? '', /does not run until the startupProbe passes/);
});
