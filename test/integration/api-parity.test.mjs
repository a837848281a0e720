// API parity (issue #12): Podwise against manifests that reproduce Kubernetes' own validation
// test cases (test/fixtures/api-parity/, see its README.md; scripts/measure-parity.mjs prints the
// per-area table and the misses).
// - Every `expect: valid` case is accepted by the API server, so it must get no error-severity
//   finding (except the known Podwise false errors listed below, each with its reason).
// - Recall of the invalid cases (an error finding starting on the marked line) must not fall
//   below RECALL_FLOOR, the figure measured when the floor was last raised.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText } from '../../dist/server/engine.js';
import { loadCases, measure } from '../../scripts/measure-parity.mjs';

/** Share of expected errors caught at the marked line; measured 2026-12-05: 407/407 = 100%. Never lower it. */
const RECALL_FLOOR = 1;

/**
 * Error findings on valid cases that are Podwise false errors, not case mistakes (each checked
 * against the upstream validator): file (relative to the cases folder), rule, reason. Remove an
 * entry when the rule stops reporting it; the test fails on a stale entry too.
 */
const KNOWN_FALSE_ERRORS = [
  [
    'pod-probes/named-port-undeclared.yaml',
    'probe-named-port-undeclared',
    'by design, not a parity error: the API server only checks that a named probe port is a valid port name (validateHTTPGetAction → ValidatePortNumOrName), ' +
      'but the kubelet can never resolve an undeclared name, so the probe never succeeds; the rule catalog makes "accepted but can never work" an error',
  ],
];

const cases = loadCases();
const result = measure(cases, analyzeText);
const known = (error) => KNOWN_FALSE_ERRORS.some(([file, ruleId]) => error.file.endsWith(`api-parity/${file}`) && error.ruleId === ruleId);

describe('API parity cases', () => {
  test('the case collection is well formed', () => {
    assert.ok(cases.length >= 150, `expected at least 150 cases, found ${cases.length}`);
    const broken = cases.filter((testCase) => (testCase.valid ? testCase.expectations.length > 0 : testCase.expectations.length === 0));
    assert.deepEqual(
      broken.map((testCase) => `${testCase.area}/${testCase.name}`),
      [],
      'a valid case carries no expect-error marker and an invalid case at least one',
    );
  });

  test('no error-severity finding on a case the API server accepts', () => {
    const unexpected = result.falseErrors.filter((error) => !known(error));
    assert.deepEqual(
      unexpected.map((error) => `${error.file}:${error.line} ${error.ruleId}: ${error.message}`),
      [],
    );
  });

  test('every known false error is still reported (drop the entry once fixed)', () => {
    const stale = KNOWN_FALSE_ERRORS.filter(([file, ruleId]) => !result.falseErrors.some((error) => error.file.endsWith(`api-parity/${file}`) && error.ruleId === ruleId));
    assert.deepEqual(
      stale.map(([file, ruleId]) => `${file} ${ruleId}`),
      [],
    );
  });

  test(`recall of invalid cases at the marked line is at least ${(100 * RECALL_FLOOR).toFixed(0)}%`, () => {
    const misses = result.misses.map((miss) => `${miss.file}:${miss.line}`).join('\n');
    assert.ok(result.total.recall >= RECALL_FLOOR, `recall ${result.total.caught}/${result.total.invalid} = ${(100 * result.total.recall).toFixed(1)}%; misses:\n${misses}`);
  });
});
