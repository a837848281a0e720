// The default text output (grouped by file, like eslint's stylish), its colours (NO_COLOR,
// FORCE_COLOR, --color), the summary line, and the options that choose what is reported:
// --quiet, --min-severity, --max-warnings, and the short and long value forms (-k1.33).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const { colorEnabled } = createRequire(import.meta.url)('../../dist/server/cli.js');

/** The environment without the colour variables a developer's shell may set. */
function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'TERM', 'NODE_DISABLE_COLORS']) delete env[name];
  return { ...env, ...extra };
}

function podwise(args, { env = {}, input } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: work, input, encoding: 'utf8', env: cleanEnv(env), timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const json = (args) => JSON.parse(podwise([...args, '--format', 'json']).stdout);

const SGR = /\u001b\[\d+m/g;
const ROW = /^ {2}( *\d+):(\d+ *) {2}(error|warning|info|hint) *  (.+?) {2}([a-z0-9-]+)$/;

// Two schema-type errors with short messages, on lines 9 and 14 (one and two digits).
const TWO_ERRORS = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: mysql:8.0.36
    env: [{name: A, value: 1}]
  - name: db2
    image: mysql:8.0.36
    env:
    - name: B
      value: 123456789
`;
// One warning (image-latest-tag), no error.
const ONE_WARNING = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
`;
const CLEAN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: production
`;
const POD_LEVEL_RESOURCES = `apiVersion: v1
kind: Pod
metadata:
  name: sized
spec:
  resources:
    limits:
      cpu: "1"
  containers:
  - name: app
    image: nginx:1.27
`;

let work;
function write(relative, text) {
  mkdirSync(dirname(join(work, relative)), { recursive: true });
  writeFileSync(join(work, relative), text);
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'podwise-cli-format-'));
  write('two-errors.yaml', TWO_ERRORS);
  write('one-warning.yaml', ONE_WARNING);
  write('clean.yaml', CLEAN);
  write('pod-resources.yaml', POD_LEVEL_RESOURCES);
  write('esc/x\u001b[31mred.yaml', ONE_WARNING.replace('name: web\n    image', 'name: "\\e[2Jweb\\u202e"\n    image'));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('text format: grouped by file', () => {
  test('a header per file, then one aligned row per finding, a blank line between files', () => {
    const { code, stdout } = podwise(['check', 'two-errors.yaml', 'one-warning.yaml']);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'two-errors.yaml');
    assert.equal(lines.filter((line) => line === 'two-errors.yaml').length, 1, 'one header per file');
    assert.equal(lines.filter((line) => line === 'one-warning.yaml').length, 1);
    const second = lines.indexOf('one-warning.yaml');
    assert.equal(lines[second - 1], '', 'a blank line before the next file');
    const rows = lines.filter((line) => line.startsWith('  '));
    for (const row of rows) assert.match(row, ROW);
    const firstGroup = lines.slice(1, second - 1);
    assert.ok(
      firstGroup.every((line) => ROW.test(line)),
      firstGroup.join('\n'),
    );
    // Rows are in line order.
    const starts = firstGroup.map((line) => Number(ROW.exec(line)[1]));
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  test('columns line up: line numbers right-aligned, severities and short messages padded', () => {
    const { stdout } = podwise(['check', 'two-errors.yaml', '--quiet']);
    const rows = stdout.split('\n').filter((line) => ROW.test(line));
    assert.equal(rows.length, 2, stdout);
    const [nine, fourteen] = rows;
    assert.match(nine, /^ {3}9:/, 'a one-digit line is padded to the width of the two-digit one');
    assert.match(fourteen, /^ {2}14:14/);
    assert.equal(nine.indexOf(':'), fourteen.indexOf(':'));
    assert.equal(nine.indexOf('error'), fourteen.indexOf('error'));
    // Both messages are short: the rule ids start in the same column.
    assert.equal(nine.lastIndexOf('schema-type'), fourteen.lastIndexOf('schema-type'));
    assert.ok(nine.endsWith('schema-type') && fourteen.endsWith('schema-type'));
  });

  test('a summary line on stdout with every count; "no problems" when clean', () => {
    const { stdout } = podwise(['check', 'two-errors.yaml', 'one-warning.yaml']);
    const all = json(['check', 'two-errors.yaml', 'one-warning.yaml']);
    const count = (severity) => all.filter((finding) => finding.severity === severity).length;
    const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const expected = `✖ ${plural(all.length, 'problem')} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}, ${plural(count('hint'), 'hint')}) · 2 files checked`;
    assert.equal(stdout.trimEnd().split('\n').at(-1), expected);
    const clean = podwise(['check', 'clean.yaml']);
    assert.equal(clean.code, 0);
    assert.equal(clean.stdout, '✔ no problems · 1 file checked\n');
  });

  test('control and bidi characters from file names and values stay escaped', () => {
    const { stdout } = podwise(['check', 'esc'], { env: { FORCE_COLOR: '1' } });
    const text = stdout.replace(SGR, '');
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    assert.ok(text.includes('esc/x\\x1b[31mred.yaml'), text);
    assert.ok(text.includes('\\x1b[2Jweb\\u202e'), text);
  });
});

describe('colours', () => {
  test('off when stdout is not a terminal and nothing forces them', () => {
    assert.doesNotMatch(podwise(['check', 'two-errors.yaml', 'one-warning.yaml']).stdout, SGR);
  });

  test('FORCE_COLOR turns them on: red errors, yellow warnings, bold file, dim rule id', () => {
    const { stdout } = podwise(['check', 'two-errors.yaml', 'one-warning.yaml'], { env: { FORCE_COLOR: '1' } });
    assert.ok(stdout.includes('\u001b[31merror\u001b[39m'), stdout);
    assert.ok(stdout.includes('\u001b[33mwarning\u001b[39m'), stdout);
    assert.ok(stdout.includes('\u001b[1m\u001b[4mtwo-errors.yaml\u001b[24m\u001b[22m'), stdout);
    assert.ok(stdout.includes('\u001b[2mschema-type\u001b[22m'), stdout);
    // Without the colour codes it is the plain output, character for character.
    assert.equal(stdout.replace(SGR, ''), podwise(['check', 'two-errors.yaml', 'one-warning.yaml']).stdout);
  });

  test('FORCE_COLOR=0, NO_COLOR and --no-color turn them off; --color turns them on', () => {
    assert.doesNotMatch(podwise(['check', 'two-errors.yaml'], { env: { FORCE_COLOR: '0' } }).stdout, SGR);
    assert.doesNotMatch(podwise(['check', 'two-errors.yaml'], { env: { FORCE_COLOR: '1' } }).stdout.replace(SGR, ''), SGR);
    assert.doesNotMatch(podwise(['check', 'two-errors.yaml', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout, SGR);
    assert.match(podwise(['check', 'two-errors.yaml', '--color']).stdout, SGR);
  });

  test('the decision: flag > FORCE_COLOR > NO_COLOR (non-empty) > TERM=dumb > terminal', () => {
    const decide = (env, isTTY, flag) => colorEnabled({ env, isTTY, flag });
    assert.equal(decide({}, true), true);
    assert.equal(decide({}, false), false);
    assert.equal(decide({ NO_COLOR: '1' }, true), false);
    assert.equal(decide({ NO_COLOR: '' }, true), true, 'an empty NO_COLOR does not count (no-color.org)');
    assert.equal(decide({ TERM: 'dumb' }, true), false);
    assert.equal(decide({ FORCE_COLOR: '1', NO_COLOR: '1' }, false), true);
    assert.equal(decide({ FORCE_COLOR: '' }, false), true);
    assert.equal(decide({ FORCE_COLOR: '0' }, true), false);
    assert.equal(decide({ FORCE_COLOR: 'false' }, true), false);
    assert.equal(decide({ FORCE_COLOR: '1' }, true, false), false);
    assert.equal(decide({ NO_COLOR: '1' }, false, true), true);
  });
});

describe('what is reported', () => {
  test('--quiet reports errors only; the summary says how many were not shown', () => {
    const all = json(['check', 'two-errors.yaml', 'one-warning.yaml']);
    const { code, stdout } = podwise(['check', 'two-errors.yaml', 'one-warning.yaml', '--quiet']);
    assert.equal(code, 1);
    const rows = stdout.split('\n').filter((line) => ROW.test(line));
    assert.equal(rows.length, 2);
    assert.ok(rows.every((row) => ROW.exec(row)[3] === 'error'));
    assert.ok(!stdout.includes('one-warning.yaml'), 'a file with nothing shown gets no header');
    assert.match(stdout, new RegExp(`· ${all.length - 2} below error not shown\\n$`));
    assert.deepEqual(
      json(['check', 'two-errors.yaml', 'one-warning.yaml', '-q']).map((finding) => finding.severity),
      ['error', 'error'],
      'json is filtered too',
    );
  });

  test('--min-severity reports that severity and above', () => {
    // An info finding of its own (a volume without a source: volume-source-count), since issue #11
    // made the advice rules that used to give one here quiet by default.
    write('one-info.yaml', `${CLEAN}---\n${ONE_WARNING.replace('image: nginx', 'image: nginx:1.27')}  volumes: [{name: scratch}]\n`);
    const severities = (level) => new Set(json(['check', 'two-errors.yaml', 'one-warning.yaml', 'one-info.yaml', `--min-severity=${level}`]).map((finding) => finding.severity));
    assert.deepEqual(severities('warning'), new Set(['error', 'warning']));
    assert.ok(![...severities('info')].includes('hint'));
    assert.ok(severities('hint').has('info'));
    assert.deepEqual([...severities('error')], ['error']);
    const bad = podwise(['check', 'clean.yaml', '--min-severity', 'loud']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-severity must be one of error, warning, info, hint/);
  });

  test('--max-warnings N: exit 1 with more than N warnings, counted even when --quiet hides them', () => {
    const at = (...args) => podwise(['check', 'one-warning.yaml', ...args]);
    assert.equal(at().code, 0);
    const over = at('--max-warnings', '0');
    assert.equal(over.code, 1);
    assert.match(over.stderr, /1 warning found, more than --max-warnings 0 allows/);
    assert.equal(at('--max-warnings=1').code, 0);
    assert.equal(at('--max-warnings', '-1').code, 0, '-1 means no limit, as in eslint');
    assert.equal(at('--quiet', '--max-warnings', '0').code, 1);
    assert.equal(at('--max-warnings', 'x').code, 2);
    assert.equal(at('--max-warnings').code, 2);
  });

  test('-k1.33, -k 1.33, -k=1.33, --kubernetes-version=1.33 and -fjson all work', () => {
    const rules = (...args) => json(['check', 'pod-resources.yaml', ...args]).map((finding) => `${finding.rule}@${finding.range.start.line}`);
    const old = rules('-k', '1.31');
    assert.ok(old.includes('schema-unknown-field@5'), old.join(', '));
    assert.deepEqual(rules('-k1.31'), old);
    assert.deepEqual(rules('-k=1.31'), old);
    assert.deepEqual(rules('--kubernetes-version=1.31'), old);
    assert.deepEqual(rules('--kubernetes-version', 'v1.31'), old);
    assert.ok(!rules('-k1.36').some((rule) => rule.startsWith('schema-')));
    const attached = podwise(['check', 'pod-resources.yaml', '-fjson', '-k1.31']);
    assert.deepEqual(
      JSON.parse(attached.stdout).map((finding) => `${finding.rule}@${finding.range.start.line}`),
      old,
    );
    const bad = podwise(['check', 'pod-resources.yaml', '-k1.20']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Kubernetes version "1\.20" is not supported/);
  });

  test('compact keeps the old one-line format, for problem matchers', () => {
    const { stdout, stderr } = podwise(['check', 'two-errors.yaml', '-q', '--format=compact']);
    assert.deepEqual(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(' ').slice(0, 3).join(' ')),
      ['two-errors.yaml:9:28 error schema-type', 'two-errors.yaml:14:14 error schema-type'],
    );
    assert.match(stderr, /^podwise: 2 errors \(1 file checked\)\.$/m);
  });

  test('an unknown command suggests check or fix', () => {
    const { code, stderr } = podwise(['fxi', 'clean.yaml']);
    assert.equal(code, 2);
    assert.match(stderr, /Did you mean "fix"\?/);
    assert.equal(podwise(['check', '--dry-run', 'clean.yaml']).code, 2, '--dry-run only with fix');
  });
});
