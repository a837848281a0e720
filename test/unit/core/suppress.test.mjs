import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, yaml } from '../../helpers/engine.mjs';

// `nginx` without a tag is image-latest-tag; `livenessprobe` is schema-unknown-field.
const pod = (extra = '', annotations = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web${annotations}
  spec:
    containers:
    - name: web
      image: nginx:1.27
      livenessprobe: {}
  ${extra}`;

test('an unsuppressed finding is reported', () => {
  assert.ok(check(pod()).some((f) => f.ruleId === 'schema-unknown-field'));
});

test('podwise-disable-next-line suppresses the named rule on the next line only', () => {
  const text = pod().replace(/^( *)livenessprobe/m, '$1# podwise-disable-next-line schema-unknown-field\n$1livenessprobe');
  assert.ok(!check(text).some((f) => f.ruleId === 'schema-unknown-field'));
});

test('podwise-disable-next-line for another rule does not suppress', () => {
  const text = pod().replace(/^( *)livenessprobe/m, '$1# podwise-disable-next-line image-latest-tag\n$1livenessprobe');
  assert.ok(check(text).some((f) => f.ruleId === 'schema-unknown-field'));
});

test('a file-level podwise-disable suppresses the rule everywhere in the file', () => {
  const text = '# podwise-disable schema-unknown-field\n' + pod() + '---\n' + pod();
  assert.ok(!check(text).some((f) => f.ruleId === 'schema-unknown-field'));
});

test('the podwise.io/disable annotation suppresses rules for that object only', () => {
  const annotated = pod('', '\n  annotations:\n    podwise.io/disable: "schema-unknown-field"');
  const text = annotated + '---\n' + pod();
  const findings = check(text).filter((f) => f.ruleId === 'schema-unknown-field');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 1);
});

test('an unknown rule id in a suppression is reported on the id', () => {
  const text = '# podwise-disable no-such-rule\n' + pod();
  const problems = check(text).filter((f) => f.ruleId === 'suppression-unknown-rule');
  assert.equal(problems.length, 1);
  assert.equal(text.slice(problems[0].range.start, problems[0].range.end), 'no-such-rule');
});

test('a severity override of off drops the rule; another severity replaces it', () => {
  assert.ok(!check(pod(), { rules: { 'schema-unknown-field': 'off' } }).some((f) => f.ruleId === 'schema-unknown-field'));
  const overridden = check(pod(), { rules: { 'schema-unknown-field': 'hint' } }).find((f) => f.ruleId === 'schema-unknown-field');
  assert.equal(overridden.severity, 'hint');
});
