// A rule that throws is a bug, and it must be seen: one `internal-error` finding that names the
// rule, the other rules' findings intact, and every test helper and fuzz property failing on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyzeText, isKnownRuleId } from '../../../dist/server/engine.js';
import { check, yaml } from '../../helpers/engine.mjs';
import { analyzeChecked } from '../../fuzz/support/check.mjs';
import { mutatedSeedArb } from '../../fuzz/support/arbitraries.mjs';
import { DEFAULT_SEED } from '../../fuzz/support/properties.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const crashing = {
  meta: { id: 'test-crashing-rule', defaultSeverity: 'error', category: 'probes', summary: 'Throws on every Pod spec.' },
  checkPodSpec() {
    throw new TypeError("Cannot read properties of undefined (reading 'port')");
  },
};
const crashingFileRule = {
  meta: { id: 'test-crashing-file-rule', defaultSeverity: 'error', category: 'services', summary: 'Throws on every file.' },
  checkFile() {
    throw new Error('boom');
  },
};

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:latest
`;

test('a rule that throws yields one internal-error finding naming the rule, on the object', () => {
  const findings = analyzeText(POD, { kubernetesVersion: '1.36', extraRules: [crashing] }).findings;
  const crashes = findings.filter((finding) => finding.ruleId === 'internal-error');
  assert.equal(crashes.length, 1);
  assert.match(said(crashes[0]), /test-crashing-rule/);
  assert.match(said(crashes[0]), /TypeError/);
  assert.equal(crashes[0].severity, 'warning');
  assert.equal(POD.slice(crashes[0].range.start, crashes[0].range.end), 'kind');
  // The other rules still ran.
  assert.ok(findings.some((finding) => finding.ruleId === 'image-latest-tag'));
  assert.ok(isKnownRuleId('internal-error'));
});

test('a file rule that throws is reported once, on the first document', () => {
  const text = `${POD}---\n${POD.replace('name: web\n', 'name: api\n')}`;
  const crashes = analyzeText(text, { kubernetesVersion: '1.36', extraRules: [crashingFileRule] }).findings.filter((f) => f.ruleId === 'internal-error');
  assert.equal(crashes.length, 1);
  assert.equal(crashes[0].documentIndex, 0);
  assert.match(said(crashes[0]), /test-crashing-file-rule/);
});

test('without the crashing rule there is no internal-error (the finding is not always there)', () => {
  assert.equal(analyzeText(POD, { kubernetesVersion: '1.36' }).findings.filter((f) => f.ruleId === 'internal-error').length, 0);
});

test('internal-error can be turned off like any rule, but not silently by the engine', () => {
  const findings = analyzeText(POD, { kubernetesVersion: '1.36', extraRules: [crashing], rules: { 'internal-error': 'off' } }).findings;
  assert.equal(findings.filter((f) => f.ruleId === 'internal-error').length, 0);
});

test('the fuzz invariants flag a crashing rule, so the engine property fails on it', () => {
  const { problems } = analyzeChecked(POD, { kubernetesVersion: '1.36', extraRules: [crashing] });
  assert.ok(
    problems.some((problem) => /a rule crashed/.test(problem)),
    problems.join('\n'),
  );
  const details = fc.check(
    fc.property(mutatedSeedArb(), (input) => {
      const result = analyzeChecked(input.text, { kubernetesVersion: '1.36', extraRules: [crashing] });
      if (result.problems.length > 0) throw new Error(result.problems.join('\n'));
    }),
    { numRuns: 50, seed: DEFAULT_SEED },
  );
  assert.equal(details.failed, true, 'the property must fail on a crashing rule');
  assert.match(String(details.errorInstance?.message ?? details.error), /a rule crashed/);
});

test('the rule-test helper fails on a crash instead of reporting fewer findings', () => {
  assert.throws(() => check(POD, { extraRules: [crashing] }), /a rule crashed:[^]*test-crashing-rule/);
  assert.doesNotThrow(() => check(POD));
});
