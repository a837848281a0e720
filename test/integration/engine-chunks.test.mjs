// Engine chunks (engine/schema/schema-source.ts ENGINE_CHUNKS): parts of the engine built on their
// own (dist/server/engine-<name>.js) and loaded through the schema source on first use, so a
// process that never needs them never loads them. Each chunk is built, loads through the bundled
// schema source, exports what its facade calls, and is one-byte text like the bundles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = require(join(ROOT, 'dist', 'server', 'engine.js'));

/** What the facade of each chunk calls (engine/cel-chunk.ts). */
const EXPORTS = { cel: ['celFindings', 'compileRule', 'celCompileFailures', 'lastCelCounters'] };

for (const [name, functions] of Object.entries(EXPORTS)) {
  const file = join(ROOT, 'dist', 'server', `engine-${name}.js`);

  test(`engine chunk '${name}' is built and loads through the bundled schema source`, () => {
    assert.ok(existsSync(file), `${file} is missing: scripts/build.mjs builds it (target "chunks")`);
    const chunk = engine.schemaFilesSource().loadEngineChunk(name);
    for (const fn of functions) assert.equal(typeof chunk[fn], 'function', `${name}.${fn}`);
  });

  test(`engine chunk '${name}' has no character beyond Latin-1 (its source stays a one-byte string)`, () => {
    const wide = readFileSync(file, 'utf8')
      .split('\n')
      .map((line, index) => [line, index])
      .filter(([line]) => /[^\u0000-\u00ff]/.test(line))
      .map(([line, index]) => `${index + 1}: ${line.trim().slice(0, 120)}`);
    assert.deepEqual(wide, []);
  });
}

test('the CEL chunk evaluates a rule (the same module the CRD checks reach through engine/cel-chunk.ts)', () => {
  const cel = engine.schemaFilesSource().loadEngineChunk('cel');
  assert.equal(cel.compileRule('self.a > 1').ok, true);
  const schema = { type: 'object', properties: { a: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.a > 1', message: 'a must be over 1' }] };
  const findings = cel.celFindings(schema, { a: 0 }, { kubernetesVersion: '1.36' });
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /a must be over 1/);
  assert.deepEqual(cel.celFindings(schema, { a: 2 }, { kubernetesVersion: '1.36' }), []);
});
