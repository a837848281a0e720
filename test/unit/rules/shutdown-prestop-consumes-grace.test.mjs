import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { yaml, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';
import { hoverAt } from '../../../dist/server/engine.js';

/** What a finding says: its one-line message and the longer detail (issue #11). */
const said = (finding) => `${finding.message} ${finding.detail ?? ''}`;

const ID = 'shutdown-prestop-consumes-grace';

const withPreStop = (hook, grace) => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    ${grace === undefined ? '' : `terminationGracePeriodSeconds: ${grace} # grace`}
    containers:
    - name: web
      image: web:3.2
      lifecycle:
        preStop:
          ${hook}
`;

const bad = withPreStop('exec: {command: ["sh", "-c", "sleep 20"]}', 20);

test('a preStop exec sleep equal to the grace period is a warning', () => {
  const [finding, ...rest] = findingsOf(bad, ID);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(textOf(bad, finding), 'exec');
  assert.match(said(finding), /takes 20 s, and terminationGracePeriodSeconds is 20/);
  assert.match(finding.message, /preStop hook of container "web" takes 20 s, all of the 20 s grace period/);
  assert.match(said(finding), /sends SIGTERM only after it returns/);
  assert.match(said(finding), /2 s extension/);
});

test('every way people write the sleep is understood', () => {
  const cases = [
    ['sleep: {seconds: 30}', undefined, /takes 30 s/],
    ['exec: {command: [sleep, "28"]}', undefined, /takes 28 s/],
    ['exec: {command: [/bin/sleep, 28]}', undefined, /takes 28 s/],
    ['exec: {command: [sleep, 28s]}', undefined, /takes 28 s/],
    ['exec: {command: [sh, -c, "sleep 28 && nginx -s quit"]}', undefined, /takes at least 28 s/],
    ['exec: {command: [/bin/sh, -c, "sleep 5; sleep 24; nginx -s quit"]}', undefined, /takes at least 29 s/],
    ['exec: {command: [bash, -ec, "sleep 1m"]}', undefined, /takes 60 s/],
  ];
  for (const [hook, grace, pattern] of cases) {
    const [finding] = findingsOf(withPreStop(hook, grace), ID);
    assert.ok(finding, `no finding for ${hook}`);
    assert.match(said(finding), pattern, hook);
  }
});

test('enough room, unknown durations and backgrounded sleeps: nothing', () => {
  for (const hook of [
    'sleep: {seconds: 5}',
    'exec: {command: [sh, -c, "sleep 10 && nginx -s quit"]}',
    'exec: {command: [sh, -c, "nginx -s quit"]}',
    'exec: {command: [sh, -c, "while true; do sleep 40; done"]}',
    'exec: {command: [sh, -c, "sleep 40 & nginx -s quit"]}',
    'exec: {command: [sleep, "$DELAY"]}',
  ]) {
    assert.deepEqual(findingsOf(withPreStop(hook), ID), [], hook);
  }
});

test('a sleep action above the grace period is left to lifecycle-sleep-range', () => {
  assert.deepEqual(findingsOf(withPreStop('sleep: {seconds: 45}'), ID), []);
});

test('preStop httpGet: no finding; the hover on the hook says its duration is bounded only by the grace period (seed 003, issue #11)', () => {
  const seed = readFileSync(new URL('../../../examples/003-probes-lifecycle.yaml', import.meta.url), 'utf8');
  assert.deepEqual(findingsOf(seed, ID), []);
  const at = seed.indexOf('preStop:');
  const hover = hoverAt(seed, at + 2, { version: '1.36' });
  assert.match(hover?.markdown ?? '', /duration is unknown, and the kubelet waits for it at most 30 s/);
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
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          terminationGracePeriodSeconds: 10
          containers:
          - name: web
            image: web:3.2
            lifecycle:
              preStop:
                exec:
                  command: [sleep, "8"]
  `;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  assert.equal(lineOf(text, finding), 22);
  assert.match(said(finding), /leaving the app 2 s before SIGKILL/);
});

test('fix: raise the grace period', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Raise terminationGracePeriodSeconds to 35' });
  assert.match(fixed, /terminationGracePeriodSeconds: 35 # grace/);
  const defaulted = withPreStop('sleep: {seconds: 28}');
  const added = assertFixClears(defaulted, ID, { title: 'Raise terminationGracePeriodSeconds to 43' });
  assert.match(added, /terminationGracePeriodSeconds: 43/);
});

test('fix: lower the sleep, inside the shell line', () => {
  const fixed = assertFixClears(bad, ID, { title: 'Lower the sleep to 10 s' });
  assert.match(fixed, /command: \["sh", "-c", sleep 10\]/);
  const bare = withPreStop('exec: {command: [sleep, "28"]}');
  assert.match(assertFixClears(bare, ID, { title: 'Lower the sleep to 20 s' }), /\[sleep, "20"\]/);
  const action = withPreStop('sleep: {seconds: 30}');
  assert.match(assertFixClears(action, ID, { title: 'Lower the sleep to 20 s' }), /sleep: \{seconds: 20\}/);
});
