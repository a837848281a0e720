// The quick-fix contract, on every fix the engine offers on the corpus (valid/ and fixtures/ of
// ../shared/corpus, and examples/) and on mutated variants: applying a fix (one at a time)
// - yields YAML with no new syntax error,
// - keeps every comment, except those a pure deletion removes with their line: a comment line
//   inside a deleted block, or the trailing comment of a deleted `key: value` line (a comment
//   inside text that an edit rewrites must survive),
// - clears the targeted finding (same rule, document, path and message),
// - adds no error-severity finding (counted per rule),
// - in a CRLF or CR-only file, inserts no other line end than the file's.
// Known violations (in rule modules, with their cause) are in support/known-fix-violations.mjs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_OPTIONS, fixViolations } from './support/check.mjs';
import { corpusPresent, seeds } from './support/corpus.mjs';
import { isKnownFixViolation } from './support/known-fix-violations.mjs';
import { DEFAULT_SEED, runProperty } from './support/properties.mjs';

const seed = process.env.PODWISE_FUZZ_SEED ? Number(process.env.PODWISE_FUZZ_SEED) : DEFAULT_SEED;
const format = (v) => `${v.name}: ${v.ruleId} "${v.title}" at ${JSON.stringify(v.path)} (document ${v.documentIndex}): ${v.problem}\n${v.diff}`;

test('every fix offered on the corpus and the examples keeps the contract', () => {
  // Files up to 64 KB: the few larger bundles are checked by corpus.test.mjs; fixing each of
  // their findings means re-analysing megabytes hundreds of times.
  const files = seeds({ sets: corpusPresent ? ['valid', 'fixtures', 'examples'] : ['examples'], maxBytes: 64 * 1024 });
  const violations = [];
  let fixes = 0;
  for (const { name, text } of files) {
    for (const violation of fixViolations(text, DEFAULT_OPTIONS, { onFix: () => (fixes += 1) })) {
      if (!isKnownFixViolation(violation)) violations.push({ name, ...violation });
    }
  }
  assert.deepEqual(violations.map(format), [], `${violations.length} violation(s) among ${fixes} fixes`);
});

// The same files with CRLF and with CR-only line ends (fixtures: every third file, for time).
for (const [name, eol] of [
  ['CRLF', '\r\n'],
  ['CR-only', '\r'],
]) {
  test(`every fix offered on the corpus and the examples with ${name} line ends keeps the contract and the line ends`, () => {
    const files = seeds({ sets: corpusPresent ? ['fixtures', 'examples'] : ['examples'], maxBytes: 64 * 1024 }).filter((_, index) => index % 3 === 0 || !corpusPresent);
    const violations = [];
    let fixes = 0;
    let multiLine = 0;
    for (const { name: file, text: lf } of files) {
      const text = lf.replace(/\r\n|\r|\n/g, eol);
      const onFix = (_finding, fix) => {
        fixes += 1;
        if (fix.edits.some((edit) => /[\r\n]/.test(edit.newText))) multiLine += 1;
      };
      for (const violation of fixViolations(text, DEFAULT_OPTIONS, { onFix, eol })) {
        if (!isKnownFixViolation(violation)) violations.push({ name: file, ...violation });
      }
    }
    assert.deepEqual(violations.map(format), [], `${violations.length} violation(s) among ${fixes} fixes`);
    // The examples alone offer a handful of fixes that add lines (6 with CRLF, since advice that
    // hover gives is no longer a finding); the corpus hundreds.
    const enough = corpusPresent ? 20 : 4;
    assert.ok(multiLine >= enough, `fixes that add lines were tried (${multiLine} of ${fixes})`);
  });
}

test('every fix offered on mutated manifests keeps the contract', () => {
  runProperty('quickFix', { numRuns: 300, seed });
});
