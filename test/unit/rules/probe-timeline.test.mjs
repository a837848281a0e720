// probeTimeline(probe, kind): the defaulted timings of a probe and what they add up to (for hovers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeTimeline } from '../../../dist/server/engine.js';

test('an empty liveness probe gets every default, named as defaulted', () => {
  const timeline = probeTimeline({ httpGet: { port: 80 } }, 'livenessProbe');
  assert.deepEqual(Object.fromEntries(Object.entries(timeline.fields).map(([k, v]) => [k, [v.value, v.defaulted]])), {
    initialDelaySeconds: [0, true],
    timeoutSeconds: [1, true],
    periodSeconds: [10, true],
    successThreshold: [1, true],
    failureThreshold: [3, true],
  });
  assert.equal(timeline.outcome, 'restart');
  assert.equal(timeline.firstCheckSeconds, 0);
  assert.equal(timeline.failureWindowSeconds, 30);
  assert.equal(timeline.worstCaseSeconds, 30);
});

test('the probes-lifecycle seed liveness: first check at 60 s, restart after 2 failures 5 s apart', () => {
  const probe = { exec: { command: ['cat', '/health'] }, initialDelaySeconds: 60, timeoutSeconds: 2, periodSeconds: 5, successThreshold: 1, failureThreshold: 2 };
  const timeline = probeTimeline(probe, 'livenessProbe');
  assert.equal(timeline.firstCheckSeconds, 60);
  assert.equal(timeline.failureWindowSeconds, 10);
  assert.equal(timeline.worstCaseSeconds, 70);
  assert.equal(timeline.fields.timeoutSeconds.defaulted, false);
  assert.match(timeline.summary, /First check 60 s after the container starts, then checks every 5 seconds \(timeout 2 s\)/);
  assert.match(timeline.summary, /2 failures in a row \(about 10 s\) restart the container/);
});

test('explicit 0 means the default (except initialDelaySeconds)', () => {
  const timeline = probeTimeline({ tcpSocket: { port: 80 }, periodSeconds: 0, failureThreshold: 0, initialDelaySeconds: 0 }, 'livenessProbe');
  assert.deepEqual([timeline.fields.periodSeconds.value, timeline.fields.periodSeconds.defaulted], [10, true]);
  assert.deepEqual([timeline.fields.failureThreshold.value, timeline.fields.failureThreshold.defaulted], [3, true]);
  assert.deepEqual([timeline.fields.initialDelaySeconds.value, timeline.fields.initialDelaySeconds.defaulted], [0, false]);
});

test('readiness: never restarts; successThreshold delays the first Ready', () => {
  const timeline = probeTimeline({ httpGet: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 5, successThreshold: 3 }, 'readinessProbe');
  assert.equal(timeline.outcome, 'not-ready');
  assert.equal(timeline.worstCaseSeconds, undefined);
  assert.equal(timeline.earliestPassSeconds, 15);
  assert.equal(timeline.failureWindowSeconds, 15);
  assert.match(timeline.summary, /Ready after 3 successes in a row \(at the earliest 15 s\)/);
  assert.match(timeline.summary, /take it out of Service endpoints/);
});

test('startup: the start-up budget is failureThreshold × periodSeconds', () => {
  const timeline = probeTimeline({ httpGet: { port: 80 }, failureThreshold: 30, periodSeconds: 10 }, 'startupProbe');
  assert.equal(timeline.worstCaseSeconds, 300);
  assert.match(timeline.summary, /about 300 s to pass once \(30 × 10 s\)/);
  assert.match(timeline.summary, /Liveness and readiness probes wait for it/);
});

test('junk values fall back to defaults instead of throwing', () => {
  const timeline = probeTimeline({ periodSeconds: 'ten', failureThreshold: null }, 'livenessProbe');
  assert.equal(timeline.fields.periodSeconds.value, 10);
  assert.equal(timeline.worstCaseSeconds, 30);
});
