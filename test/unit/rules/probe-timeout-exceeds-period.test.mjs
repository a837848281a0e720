import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { hoverAt } from '../../../dist/server/engine.js';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'probe-timeout-exceeds-period';
/** Off by default since issue #11; the tests turn it on. */
const ON = { rules: { [ID]: 'hint' } };

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      livenessProbe:
        httpGet: {path: /, port: 8080}
        timeoutSeconds: 15 # slow endpoint
`;

test('a timeout at least the (defaulted) period is a hint on the timeout', () => {
  const [finding, ...rest] = findingsOf(bad, ID, ON);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), '15');
  assert.match(said(finding), /periodSeconds 10 \(default\)/);
});

test('a period as short as the default timeout is reported on the period', () => {
  const text = bad.replace('timeoutSeconds: 15 # slow endpoint', 'periodSeconds: 1');
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(textOf(text, finding), '1');
  assert.deepEqual(finding.path.at(-1), 'periodSeconds');
  assert.match(said(finding), /timeoutSeconds 1 \(default\)/);
});

test('a timeout shorter than the period is fine; 0 means the defaults', () => {
  assert.deepEqual(findingsOf(bad.replace('15', '9'), ID, ON), []);
  const zeros = bad.replace('timeoutSeconds: 15 # slow endpoint', 'timeoutSeconds: 0\n    periodSeconds: 0');
  assert.deepEqual(findingsOf(zeros, ID, ON), []);
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
            readinessProbe:
              exec: {command: [pg_isready]}
              timeoutSeconds: 5
              periodSeconds: 5
  `;
  const [finding] = findingsOf(text, ID, ON);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
});

test('fix: raise the period', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set periodSeconds to 30', options: ON });
  assert.match(fixed, /periodSeconds: 30/);
});

test('fix: lower the timeout', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Set timeoutSeconds to 9', options: ON });
  assert.match(fixed, /timeoutSeconds: 9 # slow endpoint/);
});

test('a negative period is left to probe-negative-field (no pile-up)', () => {
  const text = bad.replace('timeoutSeconds: 15 # slow endpoint', 'periodSeconds: -10');
  assert.deepEqual(findingsOf(text, ID, ON), []);
  assert.equal(findingsOf(text, 'probe-negative-field').length, 1);
});

test('off by default (issue #11): nothing unless the rule is turned on', () => {
  assert.deepEqual(findingsOf(bad, ID), []);
  assert.equal(findingsOf(bad, ID, { ...ON }).length > 0, true);
});

test('what the finding said is in the hover on the probe instead (issue #11)', () => {
  const hover = hoverAt(bad, bad.indexOf('timeoutSeconds') + 2, { version: '1.36' });
  assert.match(hover?.markdown ?? '', /timeoutSeconds \(15\) ≥ periodSeconds \(10\)/);
});
