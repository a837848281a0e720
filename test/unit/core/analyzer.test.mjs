import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileAnalyzer, analyzeText, LineIndex, preferRuleFindings } from '../../../dist/server/engine.js';
import { check, yaml } from '../../helpers/engine.mjs';

const pod = (name, extra = '') => yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
  spec:
    containers:
    - name: app
      image: nginx:1.27${extra}
`;

test('findings land in the right document of a multi-document file', () => {
  const docs = Array.from({ length: 5 }, (_, i) => pod(`p${i}`, i === 3 ? '\n    imagePullPolicy: Sometimes' : ''));
  const text = docs.join('---\n');
  const findings = check(text).filter((f) => f.ruleId === 'schema-enum');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].documentIndex, 3);
  assert.equal(text.slice(findings[0].range.start, findings[0].range.end), 'Sometimes');
});

test('an analyzer gives the same findings as a fresh analysis after edits', () => {
  const analyzer = new FileAnalyzer();
  const options = { kubernetesVersion: '1.36' };
  let text = [pod('a'), pod('b'), pod('c')].join('---\n');
  analyzer.analyze(text, options);
  text = text.replace('name: b', 'name: b\n  labels: {tier: web}').replace('name: c', 'name: c\n  labelz: {}');
  const incremental = analyzer.analyze(text, options).findings;
  const fresh = analyzeText(text, options).findings;
  assert.deepEqual(incremental, fresh);
  assert.ok(fresh.length > 0);
});

test('non-Kubernetes YAML and templates get no findings', () => {
  assert.deepEqual(check('name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
  assert.deepEqual(check('apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n'), []);
});

test('ranges stay inside the document for every finding of a broken file', () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: [\n';
  const findings = check(text);
  assert.ok(findings.length >= 1 && findings.length <= 3, JSON.stringify(findings.map((f) => f.ruleId)));
  for (const finding of findings) {
    assert.ok(finding.range.start >= 0 && finding.range.end <= text.length && finding.range.start <= finding.range.end);
  }
});

test('line index converts offsets both ways', () => {
  const index = new LineIndex('ab\ncd\n');
  assert.deepEqual(index.positionAt(4), { line: 1, character: 1 });
  assert.equal(index.offsetAt({ line: 1, character: 1 }), 4);
});

test('a rule finding on a path replaces the generic schema finding on the same path', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        readinessProbe:
          httpGet: {path: /, port: 8443, scheme: https}
  `;
  const atScheme = check(text).filter((f) => f.path.at(-1) === 'scheme');
  assert.deepEqual(
    atScheme.map((f) => f.ruleId),
    ['probe-http-scheme'],
  );
});

test('a rule finding replaces a schema finding on the same path only when at least as severe', () => {
  const at = (ruleId, severity, path) => ({ ruleId, severity, path, message: '', documentIndex: 0, range: { start: 0, end: 1 }, fixes: [] });
  const schemaError = at('schema-type', 'error', ['spec', 'x']);
  assert.deepEqual(
    preferRuleFindings([schemaError, at('some-rule', 'info', ['spec', 'x'])]).map((f) => f.ruleId),
    ['schema-type', 'some-rule'],
  );
  assert.deepEqual(
    preferRuleFindings([schemaError, at('some-rule', 'error', ['spec', 'x'])]).map((f) => f.ruleId),
    ['some-rule'],
  );
  assert.deepEqual(
    preferRuleFindings([schemaError, at('some-rule', 'error', ['spec', 'y'])]).map((f) => f.ruleId),
    ['schema-type', 'some-rule'],
  );
});

test('turning a rule off brings back the schema error it had replaced', () => {
  const text = yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `;
  const ids = (options) =>
    check(text, options)
      .filter((f) => f.severity === 'error')
      .map((f) => f.ruleId);
  assert.deepEqual(ids(), ['workload-selector-missing']);
  assert.deepEqual(ids({ rules: { 'workload-selector-missing': 'off' } }), ['schema-required']);
});
