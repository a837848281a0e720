import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'liveness-long-initial-delay';

const bad = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: app
  spec:
    containers:
    - name: app # slow JVM start
      image: app:1.0
      livenessProbe:
        httpGet:
          path: /healthz
          port: 8080
        initialDelaySeconds: 120
        periodSeconds: 10
      ports:
      - containerPort: 8080
`;

test('a long liveness delay without a startup probe is a hint on the value', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'hint');
  assert.equal(textOf(bad, finding), '120');
  assert.match(said(finding), /startupProbe/);
});

test('short delays, and containers that already have a startup probe, are fine', () => {
  assert.deepEqual(findingsOf(bad.replace('120', '59'), ID), []);
  const withStartup = bad.replace('    ports:', '    startupProbe:\n      tcpSocket: {port: 8080}\n    ports:');
  assert.deepEqual(findingsOf(withStartup, ID), []);
});

test('multi-document Deployment template', () => {
  const text = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata:
      name: c
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: app
    spec:
      selector:
        matchLabels: {app: app}
      template:
        metadata:
          labels: {app: app}
        spec:
          containers:
          - name: app
            image: app:1.0
            livenessProbe:
              tcpSocket: {port: 8080}
              initialDelaySeconds: 90
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 21);
});

test('fix: a startup probe with the same handler and budget replaces the delay', () => {
  const [finding] = findingsOf(bad, ID);
  // ceil(120 / 10) + 3 liveness failures = 15 attempts of 10 s.
  assert.equal(finding.fixes[0].title, 'Replace the delay with a startupProbe (up to 150 s to start)');
  const fixed = assertFixClears(bad, ID, { title: 'Replace the delay with a startupProbe' });
  assert.match(fixed, /startupProbe:\n\s+httpGet:\n\s+path: \/healthz\n\s+port: 8080\n\s+periodSeconds: 10\n\s+failureThreshold: 15\n/);
  assert.doesNotMatch(fixed, /initialDelaySeconds/);
  assert.match(fixed, /livenessProbe:/);
  assert.deepEqual(
    check(fixed).filter((f) => f.ruleId === 'liveness-initial-delay-with-startup'),
    [],
  );
});
