// shutdownTimeline(spec, container): when SIGTERM and SIGKILL come, given the grace period and the
// preStop hook. Uses the engine bundle's export when present, else bundles the module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shutdownTimeline } from '../../../dist/server/engine.js';

const preStop = (hook) => ({ name: 'web', lifecycle: { preStop: hook } });

test('no preStop, grace defaulted: SIGTERM at 0, SIGKILL at 30', () => {
  const timeline = shutdownTimeline({}, { name: 'web' });
  assert.deepEqual([timeline.gracePeriod.value, timeline.gracePeriod.defaulted], [30, true]);
  assert.equal(timeline.preStopRuns, false);
  assert.equal(timeline.sigtermAtSeconds, 0);
  assert.equal(timeline.sigkillAtSeconds, 30);
  assert.equal(timeline.appShutdownSeconds, 30);
  assert.match(timeline.steps[0], /terminationGracePeriodSeconds 30 \(default\)/);
});

test('a 5 s sleep action: SIGTERM at 5, SIGKILL at 30, 25 s for the app', () => {
  const timeline = shutdownTimeline({}, preStop({ sleep: { seconds: 5 } }));
  assert.equal(timeline.preStopRuns, true);
  assert.equal(timeline.preStop.handler, 'sleep');
  assert.equal(timeline.sigtermAtSeconds, 5);
  assert.equal(timeline.sigkillAtSeconds, 30);
  assert.equal(timeline.appShutdownSeconds, 25);
  assert.equal(timeline.preStopOverruns, false);
});

test('a shell sleep plus another command is a lower bound', () => {
  const timeline = shutdownTimeline({ terminationGracePeriodSeconds: 20 }, preStop({ exec: { command: ['sh', '-c', 'sleep 5 && nginx -s quit'] } }));
  assert.equal(timeline.preStop.exact, false);
  assert.equal(timeline.sigtermAtSeconds, 5);
  assert.equal(timeline.appShutdownSeconds, 15);
  assert.match(timeline.steps.join(' '), /at least 5 s/);
});

test('a preStop that overruns the grace period: SIGTERM at G, SIGKILL 2 s later', () => {
  const timeline = shutdownTimeline({ terminationGracePeriodSeconds: 20 }, preStop({ exec: { command: ['/bin/sleep', '25s'] } }));
  assert.equal(timeline.preStopOverruns, true);
  assert.equal(timeline.sigtermAtSeconds, 20);
  assert.equal(timeline.sigkillAtSeconds, 22);
  assert.equal(timeline.appShutdownSeconds, 2);
});

test('the 2 s minimum also applies when preStop ends just before the deadline', () => {
  const timeline = shutdownTimeline({ terminationGracePeriodSeconds: 10 }, preStop({ exec: { command: ['sleep', '9'] } }));
  assert.equal(timeline.sigtermAtSeconds, 9);
  assert.equal(timeline.appShutdownSeconds, 2);
  assert.equal(timeline.sigkillAtSeconds, 11);
});

test('httpGet: unknown duration, bounded by the grace period', () => {
  const timeline = shutdownTimeline({}, preStop({ httpGet: { path: '/', port: 80 } }));
  assert.equal(timeline.preStopRuns, true);
  assert.equal(timeline.sigtermAtSeconds, undefined);
  assert.equal(timeline.appShutdownSeconds, undefined);
  assert.equal(timeline.sigkillAtSeconds, 32);
  assert.match(timeline.steps.join(' '), /duration is unknown/);
});

test('grace period 0: preStop is skipped, SIGKILL after the 2 s minimum', () => {
  const timeline = shutdownTimeline({ terminationGracePeriodSeconds: 0 }, preStop({ sleep: { seconds: 5 } }));
  assert.equal(timeline.preStopRuns, false);
  assert.equal(timeline.sigtermAtSeconds, 0);
  assert.equal(timeline.sigkillAtSeconds, 2);
  assert.match(timeline.steps.join(' '), /skips the preStop hook/);
});

test('junk input does not throw', () => {
  const timeline = shutdownTimeline({ terminationGracePeriodSeconds: 'x' }, { lifecycle: { preStop: 'sleep 5' } });
  assert.equal(timeline.gracePeriod.value, 30);
  assert.equal(timeline.preStop, undefined);
});
