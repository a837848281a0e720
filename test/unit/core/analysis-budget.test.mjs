// The analyzer's time budget (analysis-budget.ts), with an injected clock: no test here depends on
// how fast the machine is. An analysis over budget returns what it checked plus one `yaml-limit`
// info, keeps that work cached, and the next call on the same text continues until it is done.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FileAnalyzer, analyzeText } from '../../../dist/server/engine.js';
import { multiDocument, podManifest } from '../../helpers/lsp-client.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const OPTIONS = { kubernetesVersion: '1.36', filePath: '/work/app.yaml' };

/** 20 Pods, each with findings of several rules (schema, probes, image), and a Service. */
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: nothing-matches
  ports:
  - port: 80
    targetPort: http
`;
const TEXT = `${multiDocument(20, (index) => ({ envValue: index % 3 === 0 ? '123' : '"8080"' }))}---\n${SERVICE}`;
const summarize = (findings) => findings.map((f) => `${f.range.start}-${f.range.end} ${f.ruleId} ${f.severity} ${f.message}`);

/** A clock that stands still for `calls` readings, then jumps far past any budget. */
function jumpingClock(calls) {
  let readings = 0;
  return () => (readings++ < calls ? 0 : 1e9);
}

/** Analyzes the same text until it is finished; returns every result. */
function untilFinished(analyzer, text, options, limit = 100) {
  const results = [];
  for (let i = 0; i < limit; i += 1) {
    const result = analyzer.analyze(text, options);
    results.push(result);
    if (!result.unfinished) return results;
  }
  assert.fail(`still unfinished after ${limit} calls`);
}

test('without a budget the clock is never read and the analysis is complete', () => {
  const result = new FileAnalyzer().analyze(TEXT, { ...OPTIONS, clock: () => assert.fail('clock read without a budget') });
  assert.equal(result.unfinished, undefined);
  assert.deepEqual(summarize(result.findings), summarize(analyzeText(TEXT, OPTIONS).findings));
});

test('over budget: the checked documents, one yaml-limit info on the first unchecked document, then the rest', () => {
  const full = analyzeText(TEXT, OPTIONS);
  assert.ok(
    full.findings.some((f) => f.ruleId === 'service-selector-no-match' || f.ruleId === 'service-target-port-undeclared'),
    'the file has cross-document findings',
  );
  const analyzer = new FileAnalyzer();
  // Each reading of the clock is 40 ms later; the budget is 200 ms.
  let readings = 0;
  const options = { ...OPTIONS, budgetMs: 200, clock: () => 40 * readings++ };
  const first = analyzer.analyze(TEXT, options);
  assert.ok(first.unfinished, 'stopped');
  assert.ok(first.unfinished.documents > 0 && first.unfinished.documents < 21, `${first.unfinished.documents} documents not checked`);
  const notes = first.findings.filter((f) => f.ruleId === 'yaml-limit');
  assert.equal(notes.length, 1, 'one info');
  assert.equal(notes[0].severity, 'info');
  // A fresh analyzer checks a prefix of the file: the info is on the first line of the rest.
  const firstUnchecked = first.documents[21 - first.unfinished.documents];
  assert.equal(notes[0].range.start, firstUnchecked.start, 'on the first unchecked document');
  assert.equal(TEXT.slice(notes[0].range.start, notes[0].range.end), TEXT.slice(firstUnchecked.start).split('\n')[0]);
  assert.ok(
    first.findings.every((f) => f.ruleId === 'yaml-limit' || f.range.start < firstUnchecked.start),
    'nothing reported from unchecked documents',
  );
  assert.match(said(notes[0]), /\d+ of the 21 documents/);
  // Everything else it reports is what the full analysis reports, and none of the file rules ran.
  const fullSet = new Set(summarize(full.findings));
  for (const line of summarize(first.findings.filter((f) => f.ruleId !== 'yaml-limit'))) assert.ok(fullSet.has(line), `not in the full analysis: ${line}`);
  assert.ok(!first.findings.some((f) => f.ruleId.startsWith('service-')), 'no cross-document findings over part of the file');

  const rest = untilFinished(analyzer, TEXT, options);
  const left = [first, ...rest].map((r) => r.unfinished?.documents ?? 0);
  for (let i = 1; i < left.length; i += 1) assert.ok(left[i] < left[i - 1] || (left[i] === 0 && left[i - 1] === 0 && i === left.length - 1), `progress: ${left.join(' → ')}`);
  assert.deepEqual(summarize(rest.at(-1).findings), summarize(full.findings), 'the continued analysis ends where a complete one does');
});

test('a budget of 0 still makes progress: one document per call, then the file checks', () => {
  const analyzer = new FileAnalyzer();
  const results = untilFinished(analyzer, TEXT, { ...OPTIONS, budgetMs: 0, clock: () => 0 });
  assert.equal(results.length, 22, '21 documents, then the checks across documents');
  assert.deepEqual(
    results.map((r) => r.unfinished?.documents ?? 0),
    [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 0],
  );
  assert.deepEqual(summarize(results.at(-1).findings), summarize(analyzeText(TEXT, OPTIONS).findings));
});

test('work done stays cached: after an edit only the edited document is checked again', () => {
  const analyzer = new FileAnalyzer();
  untilFinished(analyzer, TEXT, { ...OPTIONS, budgetMs: 0, clock: () => 0 });
  const edited = TEXT.replace('name: web-7\n', 'name: web-seven\n');
  // Budget 0: the edited document is checked (first work of the call), then the file checks wait.
  const results = untilFinished(analyzer, edited, { ...OPTIONS, budgetMs: 0, clock: () => 0 });
  assert.deepEqual(
    results.map((r) => r.unfinished?.documents ?? 0),
    [0, 0],
  );
  assert.deepEqual(summarize(results.at(-1).findings), summarize(analyzeText(edited, OPTIONS).findings));
});

test('stopped anywhere (between documents, between rules, before file checks), it never caches a half-checked document', () => {
  const full = summarize(analyzeText(TEXT, OPTIONS).findings);
  const fullSet = new Set(full);
  let stoppedSomewhere = 0;
  // The clock stands still for `calls` readings and then jumps: every place the analyzer looks is hit.
  for (let calls = 0; calls < 400; calls += 7) {
    const analyzer = new FileAnalyzer();
    const first = analyzer.analyze(TEXT, { ...OPTIONS, budgetMs: 100, clock: jumpingClock(calls) });
    if (first.unfinished) stoppedSomewhere += 1;
    for (const line of summarize(first.findings.filter((f) => f.ruleId !== 'yaml-limit'))) assert.ok(fullSet.has(line), `calls=${calls}: not in the full analysis: ${line}`);
    const rest = untilFinished(analyzer, TEXT, { ...OPTIONS, budgetMs: 100, clock: jumpingClock(calls) });
    assert.deepEqual(summarize(rest.at(-1).findings), full, `calls=${calls}: the continued analysis is complete`);
  }
  assert.ok(stoppedSomewhere > 10, `the budget stopped ${stoppedSomewhere} first analyses`);
});

test('the budget info follows the yaml-limit setting', () => {
  const options = { ...OPTIONS, budgetMs: 0, clock: () => 0 };
  const off = new FileAnalyzer().analyze(TEXT, { ...options, rules: { 'yaml-limit': 'off' } });
  assert.ok(off.unfinished, 'still unfinished');
  assert.ok(!off.findings.some((f) => f.ruleId === 'yaml-limit'));
  const hint = new FileAnalyzer().analyze(podManifest(1) + '---\n' + podManifest(2), { ...options, rules: { 'yaml-limit': 'hint' } });
  assert.deepEqual(
    hint.findings.filter((f) => f.ruleId === 'yaml-limit').map((f) => f.severity),
    ['hint'],
  );
});
