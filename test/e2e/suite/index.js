// extensionTestsPath entry: loaded by the VS Code extension host (real VS Code: @vscode/test-electron, or the
// offline VS Code server driven by scripts/e2e/run-offline.mjs). Loads every *.test.js beside this file
// (alphabetical), runs the registered tests one at a time and prints one line per test and a closing
// `e2e: N passed, N failed` line. Rejects when a test failed, so VS Code exits with code 1.
// Env (set on the runner): PODWISE_E2E_GREP=<substring|/regex/> runs only matching tests.
'use strict';

const fs = require('fs');
const path = require('path');
const { registry } = require('./harness');

function grepFilter() {
  const g = process.env.PODWISE_E2E_GREP;
  if (!g) return () => true;
  const m = /^\/(.*)\/([a-z]*)$/.exec(g);
  const re = m ? new RegExp(m[1], m[2]) : undefined;
  return (name) => (re ? re.test(name) : name.includes(g));
}

function withTimeout(promise, ms, name) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const fmtErr = (e) =>
  (e && e.stack ? e.stack : String(e))
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');

exports.run = async function run() {
  const t0 = Date.now();
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) {
    registry.file = f;
    require(path.join(__dirname, f));
  }
  registry.file = undefined;
  const match = grepFilter();
  const defaultTimeout = Number(process.env.PODWISE_E2E_TEST_TIMEOUT) || 30000;
  let passed = 0,
    failed = 0,
    skipped = 0;
  const failures = [];

  for (const file of files) {
    const tests = registry.tests.filter((t) => t.file === file);
    const runnable = tests.filter((t) => !t.skip && match(t.name));
    skipped += tests.length - runnable.length;
    if (!runnable.length) continue;
    console.log(`e2e: ${file}`);
    let hookError;
    for (const h of registry.before.filter((x) => x.file === file)) {
      try {
        await withTimeout(Promise.resolve().then(h.fn), defaultTimeout, `before (${file})`);
      } catch (e) {
        hookError = e;
        break;
      }
    }
    for (const t of runnable) {
      const start = Date.now();
      try {
        if (hookError) throw new Error(`before hook failed: ${hookError.message}`);
        await withTimeout(Promise.resolve().then(t.fn), t.timeout || defaultTimeout, t.name);
        passed++;
        console.log(`  ✔ ${t.name} (${Date.now() - start} ms)`);
      } catch (e) {
        failed++;
        failures.push({ name: t.name, file, e });
        console.log(`  ✘ ${t.name} (${Date.now() - start} ms)\n${fmtErr(e)}`);
      }
    }
    for (const h of registry.after.filter((x) => x.file === file)) {
      try {
        await withTimeout(Promise.resolve().then(h.fn), defaultTimeout, `after (${file})`);
      } catch (e) {
        failed++;
        failures.push({ name: `after hook (${file})`, file, e });
        console.log(`  ✘ after hook (${file})\n${fmtErr(e)}`);
      }
    }
  }
  if (failures.length) {
    console.log('e2e: failures:');
    failures.forEach((f, i) => console.log(`  ${i + 1}) ${f.file} › ${f.name}: ${f.e && f.e.message ? f.e.message.split('\n')[0] : f.e}`));
  }
  if (passed + failed === 0) {
    failed++;
    console.log('  ✘ no test ran (check PODWISE_E2E_GREP and the *.test.js files)');
  }
  console.log(`e2e: finished in ${Date.now() - t0} ms`);
  console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed) throw new Error(`${failed} e2e test(s) failed`);
};
