// Tiny test harness for the VS Code extension host (no mocha): test files call test()/before()/after()
// at load time; suite/index.js runs them in order. Helpers for polling the vscode API are exported too.
'use strict';

const registry = { tests: [], before: [], after: [], file: undefined };

/** Register a test. opts.timeout in ms (default PODWISE_E2E_TEST_TIMEOUT or 30000); opts.skip skips it. */
function test(name, fn, opts = {}) {
  registry.tests.push({ name, fn, file: registry.file, timeout: opts.timeout, skip: !!opts.skip });
}
test.skip = (name, fn, opts = {}) => test(name, fn, { ...opts, skip: true });
/** Run once before the first / after the last test of the file that registers it. */
function before(fn) {
  registry.before.push({ fn, file: registry.file });
}
function after(fn) {
  registry.after.push({ fn, file: registry.file });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Poll fn() (sync or async) until it returns a truthy value; throw after ms with `what` in the message. */
async function waitFor(fn, { timeout = 20000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastErr ? ` (last error: ${lastErr.message})` : ''}`);
    }
    await sleep(interval);
  }
}

module.exports = { test, before, after, sleep, waitFor, registry };
