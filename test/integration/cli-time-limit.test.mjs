// The CLI's wall-clock budget per file (`--time-limit`, engine/limits.ts CLI_TIME_LIMIT_MS): a
// file that takes longer is checked in part, with one `yaml-limit` info naming what was not
// checked; `--time-limit 0` checks everything; `podwise fix` has no budget.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'podwise.js');
let dir;
let file;

/** 600 Deployments, each with an env value that is a number (one schema error per document). */
function manyDocuments(count) {
  const documents = [];
  for (let i = 0; i < count; i += 1) {
    documents.push(
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        `  name: web-${i}`,
        'spec:',
        '  selector: {matchLabels: {app: web}}',
        '  template:',
        '    metadata: {labels: {app: web}}',
        '    spec:',
        '      containers:',
        '      - name: web',
        '        image: nginx:1.27',
        '        env:',
        '        - {name: PORT, value: 8080}',
        '',
      ].join('\n'),
    );
  }
  return documents.join('---\n');
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'podwise-time-limit-'));
  file = join(dir, 'many.yaml');
  writeFileSync(file, manyDocuments(600));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args) => {
  const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { ...result, findings: result.status === 2 ? [] : JSON.parse(result.stdout) };
};
const budgetNotes = (findings) => findings.filter((f) => f.rule === 'yaml-limit' && /Checking stopped/.test(f.message));

test('a file over the time limit is checked in part, with one note that says how to check it all', () => {
  const { status, findings } = run('--time-limit', '0.001', file);
  assert.equal(status, 1, 'the documents that were checked still have their errors');
  const notes = budgetNotes(findings);
  assert.equal(notes.length, 1);
  assert.match(said(notes[0]), /\(limit 1 ms per file\)/);
  assert.match(said(notes[0]), /--time-limit 0/);
  const errors = findings.filter((f) => f.rule === 'schema-type');
  assert.ok(errors.length >= 1 && errors.length < 600, `${errors.length} documents checked in 1 ms`);
});

test('--time-limit 0 checks every document; the default limit leaves a small file whole', () => {
  const all = run('--time-limit', '0', file);
  assert.equal(budgetNotes(all.findings).length, 0);
  assert.equal(all.findings.filter((f) => f.rule === 'schema-type').length, 600);
  const small = join(dir, 'small.yaml');
  writeFileSync(small, manyDocuments(3));
  const byDefault = run(small);
  assert.equal(budgetNotes(byDefault.findings).length, 0);
  assert.equal(byDefault.findings.filter((f) => f.rule === 'schema-type').length, 3);
});

test('--time-limit takes seconds; anything else is a usage error', () => {
  for (const bad of ['-1', 'fast', '1e3', '']) {
    const result = spawnSync(process.execPath, [CLI, 'check', `--time-limit=${bad}`, file], { encoding: 'utf8' });
    assert.equal(result.status, 2, `--time-limit=${bad}: ${result.stderr}`);
    assert.match(result.stderr, /--time-limit takes seconds/);
  }
});

test('podwise fix ignores the time limit: it must see every finding of what it rewrites', () => {
  const copy = join(dir, 'fix.yaml');
  writeFileSync(copy, manyDocuments(200));
  const result = spawnSync(process.execPath, [CLI, 'fix', '--dry-run', '--time-limit', '0.001', copy], { encoding: 'utf8', timeout: 60_000 });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  // Every one of the 200 `value: 8080` is quoted by the safe schema-type fix.
  assert.equal((result.stdout.match(/^\+ {8}- \{name: PORT, value: "8080"\}$/gm) ?? []).length, 200, result.stdout.slice(0, 2000));
});
