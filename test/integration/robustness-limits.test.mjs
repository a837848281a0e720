// The engine's limits (server/src/engine/limits.ts) degrade gracefully: past a limit the engine
// skips what it cannot analyse safely and says so in one `yaml-limit` info, quickly, and never
// throws. Checked through the engine bundle and the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText, FileAnalyzer, parseChunk } from '../../dist/server/engine.js';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'podwise.js');
const OPTIONS = { kubernetesVersion: '1.36' };
const MiB = 1024 * 1024;

/** Analyses `text`, asserting it returns within `bound` ms and every range is inside the text. */
function timed(text, bound = 2000, options = OPTIONS) {
  const started = performance.now();
  const result = analyzeText(text, options);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `took ${elapsed.toFixed(0)} ms (bound ${bound} ms)`);
  for (const finding of result.findings) {
    assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length, `${finding.ruleId} out of range`);
  }
  return result;
}

const limits = (result) => result.findings.filter((finding) => finding.ruleId === 'yaml-limit');

const pod = (name) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: app:1.0\n`;

test('a file over 5 MB is not analysed: one info says so, at once', () => {
  const text = `# big\n${pod('big')}data: "${'x'.repeat(10 * MiB)}"\n`;
  const result = timed(text, 500);
  assert.equal(result.findings.length, 1);
  assert.equal(result.findings[0].ruleId, 'yaml-limit');
  assert.equal(result.findings[0].severity, 'info');
  assert.match(said(result.findings[0]), /not checked: it is 10\.0 MB and Podwise checks files up to 5\.0 MB/);
  assert.deepEqual(result.findings[0].range, { start: 0, end: 5 });
  assert.deepEqual(result.documents, []);
  assert.deepEqual(analyzeText(text, { ...OPTIONS, rules: { 'yaml-limit': 'off' } }).findings, []);
  // The analyzer's cache is let go, and it works normally on the next (smaller) text.
  const analyzer = new FileAnalyzer();
  analyzer.analyze(text, OPTIONS);
  assert.deepEqual(analyzer.analyze(pod('small'), OPTIONS), analyzeText(pod('small'), OPTIONS));
});

test('the CLI refuses the same size with the same message (one constant)', () => {
  const work = mkdtempSync(join(tmpdir(), 'podwise-limits-'));
  try {
    writeFileSync(join(work, 'big.yaml'), `${pod('big')}data: "${'x'.repeat(6 * MiB)}"\n`);
    const run = spawnSync(process.execPath, [CLI, 'check', 'big.yaml', '--format', 'json', '--no-config'], { cwd: work, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout).findings ?? JSON.parse(run.stdout);
    const list = Array.isArray(findings) ? findings : findings.findings;
    assert.equal(list.length, 1);
    assert.match(JSON.stringify(list[0]), /yaml-limit/);
    assert.match(JSON.stringify(list[0]), /Podwise checks files up to 5\.0 MB/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('only the first 2,000 documents are checked; one info on the first skipped document', () => {
  const count = 2050;
  const docs = Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: ${i === count - 1 ? '[not, a, string]' : 'v'}\n`);
  const text = docs.join('---\n');
  const result = timed(text, 10_000);
  assert.equal(result.documents.length, 2000);
  const [info] = limits(result);
  assert.ok(info, 'a yaml-limit info');
  assert.match(said(info), /^Only the first 2,000 of the 2,050 documents in this file were checked\nDocuments 2,001 to 2,050 \(from line [\d,]+\) were not/);
  assert.equal(text.slice(info.range.start, info.range.end), '---');
  assert.equal(info.documentIndex, 2000);
  // The planted error in the last document is beyond the limit: not reported.
  assert.equal(result.findings.filter((f) => f.ruleId === 'schema-type').length, 0);
});

test('billion laughs, 10 levels, in every shape: refused fast without expanding anything', () => {
  const shapes = {
    flow: () => [
      'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from({ length: 10 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(',')}]`),
    ],
    block: () => ['a0: &a0', ...Array(10).fill('- lol'), ...Array.from({ length: 10 }, (_, i) => [`a${i + 1}: &a${i + 1}`, ...Array(10).fill(`- *a${i}`)]).flat()],
    merge: () => ['a0: &a0 {k: v}', ...Array.from({ length: 10 }, (_, i) => `a${i + 1}: &a${i + 1} {<<: [${Array(10).fill(`*a${i}`).join(', ')}], k${i + 1}: v}`)],
    keys: () => [
      'a0: &a0 [x, y]',
      ...Array.from({ length: 10 }, (_, i) => `a${i + 1}: &a${i + 1} {${Array.from({ length: 10 }, (_, j) => `? [*a${i}, ${j}] : *a${i}`).join(', ')}}`),
    ],
  };
  for (const [shape, lines] of Object.entries(shapes)) {
    for (const kubernetes of [true, false]) {
      const body = lines()
        .map((line) => `  ${line}`)
        .join('\n');
      const text = kubernetes ? `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\nx:\n${body}\ndata:\n  k: *a10\n` : `x:\n${body}\ny: *a10\n`;
      const result = timed(text, 1000);
      assert.equal(limits(result).length, 1, `${shape}: ${JSON.stringify(result.findings.map((f) => f.ruleId))}`);
      assert.match(said(limits(result)[0]), /expands more aliases than Podwise follows/);
    }
  }
});

test('linear alias reuse past the expansion budget is refused too (it used to exhaust the heap)', () => {
  const env = Array(1000).fill('{name: A, value: b}').join(', ');
  const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n  - &c {name: a, image: b:1, env: [${env}]}\n${Array(999).fill('  - *c\n').join('')}`;
  const result = timed(text, 2000);
  assert.deepEqual(
    result.findings.map((f) => f.ruleId),
    ['yaml-limit'],
  );
});

test('a chain of 20,000 anchors, each naming the previous one, is answered quickly', () => {
  const lines = ['x:', '  l0: &l0 [a]'];
  for (let i = 1; i < 20_000; i += 1) lines.push(`  l${i}: &l${i} [*l${i - 1}]`);
  const result = timed(`${lines.join('\n')}\n`, 3000);
  assert.deepEqual(limits(result).length, 1);
});

test('a few aliases that expand to a little are checked normally', () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: a:1\n    env: &env\n    - {name: A, value: "1"}\n  - name: b\n    image: b:1\n    env: *env\n`;
  const result = timed(text);
  assert.equal(limits(result).length, 0);
  assert.ok(result.documents[0].kind === 'kubernetes');
});

test('recursive and unresolved aliases are YAML errors (kubectl rejects them), not crashes', () => {
  const recursive = timed('apiVersion: v1\nkind: ConfigMap\nmetadata: &m {name: x, self: *m}\n');
  assert.deepEqual(
    recursive.findings.map((f) => f.ruleId),
    ['yaml-syntax'],
  );
  assert.match(said(recursive.findings[0]), /alias \*m is inside the node its anchor names/);
  const unresolved = timed('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: *n}\n');
  assert.deepEqual(
    unresolved.findings.map((f) => f.ruleId),
    ['yaml-syntax'],
  );
  assert.match(said(unresolved.findings[0]), /alias \*n has no anchor &n before it/);
  assert.equal(timed('&a [*a]\n').findings[0].ruleId, 'yaml-syntax');
});

test('10,000 levels of nesting of every kind: no stack overflow, one info', () => {
  const deep = {
    '[': `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    '{': `${'{a: '.repeat(10_000)}x${'}'.repeat(10_000)}`,
    '- ': `\n    ${'- '.repeat(10_000)}x`,
    'unclosed [': '['.repeat(10_000),
    'block map': `\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 4)}k:`).join('\n')} x`,
  };
  for (const [shape, value] of Object.entries(deep)) {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  k: ${value}\n`;
    const result = timed(text, 2000);
    assert.deepEqual(
      result.findings.map((f) => f.ruleId),
      ['yaml-limit'],
      shape,
    );
    assert.match(said(result.findings[0]), /nested more than 512 levels deep/);
    // The same text parses to the same answer however deep the caller's stack already is.
    const nested = (depth) => (depth === 0 ? analyzeText(text, OPTIONS) : nested(depth - 1));
    assert.deepEqual(nested(2000), result, shape);
  }
  // Through aliases: 4 anchors of 200 levels, each inside the next.
  const chain = ['x:', `  l0: &l0 ${'['.repeat(200)}${']'.repeat(200)}`];
  for (let i = 1; i < 4; i += 1) chain.push(`  l${i}: &l${i} ${'['.repeat(200)}*l${i - 1}${']'.repeat(200)}`);
  const viaAliases = timed(`${chain.join('\n')}\n`);
  assert.match(said(limits(viaAliases)[0]), /nested more than 512 levels deep once its aliases are expanded/);
  // Just under the limit is checked as usual.
  const fine = timed(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\ndata:\n  k: ${'['.repeat(500)}${']'.repeat(500)}\n`);
  assert.deepEqual(
    fine.findings.map((f) => f.ruleId),
    ['schema-type'],
  );
});

test('very long lines and values: answered quickly, messages cut at 2,000 characters', () => {
  const huge = 'Y'.repeat(3_000_000);
  const result = timed(`apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  restartPolicy: ${huge}\n  containers: [{name: a, image: a:1}]\n`, 3000);
  assert.ok(result.findings.length > 0);
  for (const finding of result.findings) assert.ok(finding.message.length <= 2000, `${finding.ruleId}: ${finding.message.length} characters`);
  timed(`# ${'x'.repeat(4_000_000)}\n${pod('a')}`, 3000);
  timed(`${' '.repeat(4_000_000)}x\n`, 3000);
  timed(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ${'k'.repeat(1_000_000)}: a\n  ${'k'.repeat(1_000_000)}: b\n`, 3000);
});

test('20,000 keys in one mapping parse in linear time (yaml uniqueKeys was quadratic)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n${Array.from({ length: 20_000 }, (_, i) => `  k${i}: v`).join('\n')}\n  k7: again\n`;
  const result = timed(text, 3000);
  assert.deepEqual(
    result.findings.map((f) => f.ruleId),
    ['yaml-duplicate-key'],
  );
  assert.equal(parseChunk({ text }).errors.length, 1);
});

test('CRLF, a BOM, tabs and NUL bytes keep every range inside the text', () => {
  const base = `${pod('web')}    env:\n    - name: A\n      value: yes\n`;
  for (const text of [base.replace(/\n/g, '\r\n'), `\ufeff${base}`, base.replace(/^ {4}/gm, '\t'), base.replace('web', 'w\u0000b'), base.replace(/\n/g, '\r')]) timed(text);
});
