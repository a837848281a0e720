// Rules whose findings would all be dropped are not run (engine/rule-enablement.ts): a rule the
// settings turn off, and an opt-in rule (enabledByDefault: false) the settings do not turn on.
// What users see is unchanged; a settings change re-checks cached documents; rules keep to the
// contract this relies on (they report under their own id).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, FileAnalyzer } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'server', 'src', 'engine', 'rules');

/** A rule that counts its calls, on every object and on every file. */
function countingRule(id, meta = {}) {
  const calls = { object: 0, file: 0 };
  const rule = {
    meta: { id, defaultSeverity: 'hint', category: 'workloads', summary: 'Counts its calls.', ...meta },
    checkObject() {
      calls.object += 1;
      return [{ path: ['metadata', 'name'], target: 'value', message: `${id} was here` }];
    },
    checkFile() {
      calls.file += 1;
      return [{ documentIndex: 0, path: ['kind'], target: 'value', message: `${id} saw the file` }];
    },
  };
  return { rule, calls };
}

const DEPLOYMENTS = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
  spec:
    replicas: 1
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: web
          image: nginx:1.27
`;
const TWO_DOCUMENTS = `${DEPLOYMENTS}---\n${DEPLOYMENTS.replace('name: web\n', 'name: api\n')}`;

const ids = (findings) => findings.map((finding) => finding.ruleId).sort();

test('an opt-in rule is not run unless the settings give it a severity; then it is, on objects and files', () => {
  const optIn = countingRule('test-opt-in', { enabledByDefault: false });
  const off = analyzeText(TWO_DOCUMENTS, { kubernetesVersion: '1.36', extraRules: [optIn.rule] }).findings;
  assert.deepEqual(optIn.calls, { object: 0, file: 0 });
  assert.ok(!ids(off).includes('test-opt-in'));

  const on = analyzeText(TWO_DOCUMENTS, { kubernetesVersion: '1.36', extraRules: [optIn.rule], rules: { 'test-opt-in': 'warning' } }).findings;
  assert.deepEqual(optIn.calls, { object: 2, file: 1 });
  assert.equal(on.filter((finding) => finding.ruleId === 'test-opt-in' && finding.severity === 'warning').length, 3);
});

test('a rule turned off is not run; the boundary: any severity, or no setting, runs it', () => {
  const plain = countingRule('test-plain');
  analyzeText(DEPLOYMENTS, { kubernetesVersion: '1.36', extraRules: [plain.rule], rules: { 'test-plain': 'off' } });
  assert.deepEqual(plain.calls, { object: 0, file: 0 });
  analyzeText(DEPLOYMENTS, { kubernetesVersion: '1.36', extraRules: [plain.rule] });
  assert.deepEqual(plain.calls, { object: 1, file: 1 });
  analyzeText(DEPLOYMENTS, { kubernetesVersion: '1.36', extraRules: [plain.rule], rules: { 'test-plain': 'hint' } });
  assert.deepEqual(plain.calls, { object: 2, file: 2 });
});

test('built-in opt-in rules: the same findings as before, off by default and on when asked, in a workload template', () => {
  // security-context-baseline and deployment-single-replica are opt-in (policy advice).
  const byDefault = analyzeText(TWO_DOCUMENTS, { kubernetesVersion: '1.36' }).findings;
  assert.ok(!ids(byDefault).includes('security-context-baseline'));
  assert.ok(!ids(byDefault).includes('deployment-single-replica'));
  const asked = analyzeText(TWO_DOCUMENTS, { kubernetesVersion: '1.36', rules: { 'security-context-baseline': 'hint', 'deployment-single-replica': 'info' } }).findings;
  assert.equal(asked.filter((finding) => finding.ruleId === 'security-context-baseline').length, 2);
  assert.equal(asked.filter((finding) => finding.ruleId === 'deployment-single-replica' && finding.severity === 'info').length, 2);
  // Their fixes are resolved when they run.
  assert.ok(asked.filter((finding) => finding.ruleId === 'security-context-baseline').every((finding) => finding.fixes.length > 0));
});

test('one analyzer: a settings change re-checks its cached documents both ways', () => {
  const analyzer = new FileAnalyzer();
  const run = (rules) => ids(analyzer.analyze(TWO_DOCUMENTS, { kubernetesVersion: '1.36', rules }).findings);
  assert.ok(!run({}).includes('security-context-baseline'));
  assert.equal(run({ 'security-context-baseline': 'hint' }).filter((id) => id === 'security-context-baseline').length, 2);
  assert.ok(!run({ 'security-context-baseline': 'off' }).includes('security-context-baseline'));
  assert.ok(!run({}).includes('security-context-baseline'));
  // A schema finding turned off is not placed, and comes back when its setting goes.
  const unknownField = TWO_DOCUMENTS.replaceAll('replicas: 1', 'replicaz: 1');
  const schema = (rules) => ids(analyzer.analyze(unknownField, { kubernetesVersion: '1.36', rules }).findings).filter((id) => id === 'schema-unknown-field');
  assert.equal(schema({ 'schema-unknown-field': 'off' }).length, 0);
  assert.equal(schema({}).length, 2);
});

test('the contract: no rule module reports under another id (RuleFinding.ruleId is the engine’s)', () => {
  const offenders = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && /\bruleId\b/.test(readFileSync(path, 'utf8'))) offenders.push(path.slice(RULES_DIR.length + 1));
    }
  };
  walk(RULES_DIR);
  assert.deepEqual(offenders, [], 'a rule that reports under another id would lose those findings when its own id is off');
});
