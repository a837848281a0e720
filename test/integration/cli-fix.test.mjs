// `podwise fix`: the fix-all fixes applied in place, on copies in a temp folder. Each applied fix
// clears its finding, comments survive, no error is added, a second run changes nothing, line
// ends and encodings are kept, --dry-run writes nothing and prints a patch `git apply` and `patch`
// accept, stdin prints the fixed text. With ../shared/corpus, the same over the real corpus.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../dist/server/engine.js';
import { suiteUnless } from '../helpers/suite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const CORPUS = join(root, '..', 'shared', 'corpus');
const require = createRequire(import.meta.url);
const { unifiedDiff } = require('../../dist/server/cli.js');
const { parseAllDocuments } = require('yaml');

function podwise(args, { cwd, input, timeout = 120_000 } = {}) {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) delete env[name];
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: input instanceof Buffer ? 'buffer' : 'utf8', env, timeout, maxBuffer: 256 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: String(result.stderr) };
}

const temps = [];
function tempDir(label) {
  const dir = mkdtempSync(join(tmpdir(), `podwise-fix-${label}-`));
  temps.push(dir);
  return dir;
}
after(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Every *.yaml / *.yml below `dir`, relative, sorted, as raw bytes. */
function snapshot(dir) {
  const files = new Map();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) files.set(relative(dir, full).split('\\').join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

/** Findings as the CLI sees them by default (static Pods by the default staticPodPaths globs). */
function findings(text, file) {
  return analyzeText(text, { kubernetesVersion: '1.36', staticPodManifest: /(^|\/)kubernetes\/manifests\//.test(file), filePath: file }).findings;
}

function errorCounts(list) {
  const counts = new Map();
  for (const finding of list) if (finding.severity === 'error') counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  return counts;
}

/** Comments (`# …` at a line start or after a blank), counted by text. */
function comments(text) {
  const counts = new Map();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const match = /(?:^|\s)(#.*)$/.exec(line);
    if (match) counts.set(match[1].trim(), (counts.get(match[1].trim()) ?? 0) + 1);
  }
  return counts;
}

/** The house rules for one file fixed from `before` to `after`. */
function assertGoodFix(file, before, after) {
  const was = findings(before, file);
  const now = findings(after, file);
  const errorsBefore = errorCounts(was);
  for (const [rule, count] of errorCounts(now))
    assert.ok(count <= (errorsBefore.get(rule) ?? 0), `${file}: ${rule} errors went from ${errorsBefore.get(rule) ?? 0} to ${count}:\n${after}`);
  const kept = comments(after);
  for (const [comment, count] of comments(before)) assert.ok((kept.get(comment) ?? 0) >= count, `${file}: comment lost: ${comment}\n${after}`);
  const parsedBefore = parseAllDocuments(before, { version: '1.1' });
  const parsedAfter = parseAllDocuments(after, { version: '1.1' });
  const yamlErrors = (docs) => (Array.isArray(docs) ? docs : [docs]).reduce((sum, doc) => sum + doc.errors.length, 0);
  assert.ok(yamlErrors(parsedAfter) <= yamlErrors(parsedBefore), `${file}: the fixed text does not parse as YAML:\n${after}`);
}

const SEVERAL = `# A Pod with several mistakes that have safe fixes.
apiVersion: v1
kind: Pod
metadata:
  name: web # the name
  annotations:
    pod.alpha.kubernetes.io/initialized: "true" # PetSet-era
spec:
  restartPolicy: always   # typo'd case
  containers:
  - name: web
    image: nginx:1.27
    # probe settings
    livenessProbe:
      tcpSocket:
        port: 80
      successThreshold: 3 # must be 1
    env:
    - name: PORT
      value: 8080 # a number
    - name: ENABLED
      value: yes
`;
// Renaming RestartPolicy to restartPolicy would make "Once" a restart-policy-invalid error.
const RENAME_ADDS_ERROR = `kind: CronJob
apiVersion: batch/v1
metadata:
  name: pwsh-test
spec:
  schedule: '0/1 * * * *'
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: pwsh
            image: mcr.microsoft.com/powershell:7
            env:
            - name: N
              value: 5
          RestartPolicy: Once
`;
const crlf = (text) => text.replace(/\n/g, '\r\n');
const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** A temp copy of examples/ plus the crafted files. */
function exampleCopy(label) {
  const dir = tempDir(label);
  cpSync(join(root, 'examples'), dir, { recursive: true });
  rmSync(join(dir, 'README.md'), { force: true });
  writeFileSync(join(dir, 'several.yaml'), SEVERAL);
  writeFileSync(join(dir, 'several-crlf.yaml'), crlf(SEVERAL));
  return dir;
}

describe('podwise fix on copies of examples/', () => {
  const dir = exampleCopy('examples');
  const before = snapshot(dir);
  let first;

  test('every applied fix clears its finding, keeps every comment and adds no error', () => {
    first = podwise(['fix', '--no-config', '.'], { cwd: dir });
    assert.ok(first.code === 0 || first.code === 1, first.stderr);
    assert.doesNotMatch(first.stderr, /not fixed/);
    const afterFix = snapshot(dir);
    assert.deepEqual([...afterFix.keys()], [...before.keys()]);
    let changed = 0;
    let fixable = 0;
    for (const [file, bytes] of before) {
      const was = bytes.toString('utf8');
      const now = afterFix.get(file).toString('utf8');
      const safe = findings(was, file).filter((finding) => finding.fixes.some((fix) => fix.safe));
      fixable += safe.length;
      if (was === now) {
        assert.equal(safe.length, 0, `${file} has safe fixes but was not changed`);
        continue;
      }
      changed += 1;
      assertGoodFix(file, was, now);
      const left = findings(now, file);
      for (const finding of safe) {
        const same = left.filter((other) => other.ruleId === finding.ruleId && JSON.stringify(other.path) === JSON.stringify(finding.path));
        assert.deepEqual(
          same.map((other) => other.message),
          [],
          `${file}: ${finding.ruleId} at ${JSON.stringify(finding.path)} is still there`,
        );
      }
      assert.deepEqual(
        left.filter((finding) => finding.fixes.some((fix) => fix.safe)).map((finding) => finding.ruleId),
        [],
        `${file}: safe fixes left`,
      );
    }
    assert.ok(changed >= 4, `only ${changed} files changed`);
    assert.match(first.stdout, new RegExp(`^fixed ${fixable} problems in ${changed} files$`, 'm'));
  });

  test('the CRLF file stays CRLF and gets the same fixes', () => {
    const lf = readFileSync(join(dir, 'several.yaml'), 'utf8');
    const crlfText = readFileSync(join(dir, 'several-crlf.yaml'), 'utf8');
    assert.notEqual(lf, SEVERAL);
    assert.doesNotMatch(crlfText, /[^\r]\n/, 'no bare LF');
    assert.equal(crlfText, crlf(lf));
  });

  test('the report lists what is left, and the exit code is computed from it', () => {
    // examples/002-petset.yaml keeps its api-version-removed error (its fix is not safe).
    assert.equal(first.code, 1);
    assert.match(first.stdout, /^002-petset\.yaml$/m);
    assert.match(first.stdout, /api-version-removed/);
    assert.doesNotMatch(first.stdout, /deprecated-pod-annotation/);
    const several = podwise(['check', '--no-config', 'several.yaml', '-q'], { cwd: dir });
    assert.equal(several.code, 0, several.stdout);
  });

  test('a second run changes nothing', () => {
    const fixedOnce = snapshot(dir);
    const second = podwise(['fix', '--no-config', '.'], { cwd: dir });
    assert.equal(second.code, first.code);
    assert.match(second.stdout, /^nothing to fix: no file changed$/m);
    assert.deepEqual(snapshot(dir), fixedOnce);
  });
});

describe('podwise fix: what it keeps and refuses', () => {
  test('mode, symbolic links, UTF-16 with its BOM, and UTF-8 BOM are kept', { skip: process.platform === 'win32' && 'POSIX modes and links' }, () => {
    const dir = tempDir('keep');
    writeFileSync(join(dir, 'target.yaml'), SEVERAL);
    chmodSync(join(dir, 'target.yaml'), 0o640);
    symlinkSync('target.yaml', join(dir, 'link.yaml'));
    writeFileSync(join(dir, 'wide.yaml'), utf16le(SEVERAL));
    writeFileSync(join(dir, 'bom.yaml'), `\uFEFF${SEVERAL}`);
    const result = podwise(['fix', '--no-config', 'link.yaml', 'wide.yaml', 'bom.yaml'], { cwd: dir });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(join(dir, 'link.yaml')), 'target.yaml');
    const fixed = readFileSync(join(dir, 'target.yaml'), 'utf8');
    assert.notEqual(fixed, SEVERAL);
    assert.equal(statSync(join(dir, 'target.yaml')).mode & 0o777, 0o640);
    const wide = readFileSync(join(dir, 'wide.yaml'));
    assert.deepEqual([...wide.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(wide.subarray(2).toString('utf16le'), fixed);
    assert.equal(readFileSync(join(dir, 'bom.yaml'), 'utf8'), `\uFEFF${fixed}`);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });

  test('a fix that would add an error is not applied; the others are, and a note says so', () => {
    const dir = tempDir('refuse');
    writeFileSync(join(dir, 'cron.yaml'), RENAME_ADDS_ERROR);
    const result = podwise(['fix', '--no-config', 'cron.yaml'], { cwd: dir });
    assert.match(result.stderr, /cron\.yaml: some problems not fixed: a fix would add an error \(restart-policy-invalid\)/);
    const after = readFileSync(join(dir, 'cron.yaml'), 'utf8');
    assert.match(after, /^ {10}RestartPolicy: Once$/m, 'the rename was not applied');
    assert.match(after, /value: "5"/, 'the schema-type fix was');
    assertGoodFix('cron.yaml', RENAME_ADDS_ERROR, after);
    assert.equal(result.code, 1);
  });

  test('--quiet fixes errors only; check --fix is fix', () => {
    const dir = tempDir('quiet');
    writeFileSync(join(dir, 'a.yaml'), SEVERAL);
    podwise(['check', '--fix', '-q', '--no-config', 'a.yaml'], { cwd: dir });
    const after = readFileSync(join(dir, 'a.yaml'), 'utf8');
    assert.match(after, /restartPolicy: Always/, 'an error fixed');
    assert.match(after, /pod\.alpha\.kubernetes\.io\/initialized/, 'the warning-level fix is left alone');
  });

  test('a FIFO named on the command line is refused with exit code 2', { skip: process.platform === 'win32' && 'no mkfifo' }, () => {
    const dir = tempDir('fifo');
    if (spawnSync('mkfifo', [join(dir, 'pipe.yaml')]).status !== 0) return;
    const result = podwise(['fix', '--no-config', 'pipe.yaml'], { cwd: dir, timeout: 20_000 });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /pipe\.yaml: cannot fix a FIFO \(named pipe\) in place/);
  });
});

describe('podwise fix --dry-run and stdin', () => {
  test('--dry-run writes nothing and prints a patch that git apply and patch accept', () => {
    const dir = exampleCopy('dry');
    const before = snapshot(dir);
    const mtimes = [...before.keys()].map((file) => statSync(join(dir, file)).mtimeMs);
    const result = podwise(['fix', '--dry-run', '--no-config', '.'], { cwd: dir });
    assert.equal(result.code, 1, result.stderr);
    assert.deepEqual(snapshot(dir), before, 'nothing written');
    assert.deepEqual(
      [...before.keys()].map((file) => statSync(join(dir, file)).mtimeMs),
      mtimes,
    );
    assert.match(result.stdout, /^--- a\/several\.yaml\n\+\+\+ b\/several\.yaml\n@@ -\d+,\d+ \+\d+,\d+ @@\n/m);
    assert.match(result.stderr, /would fix \d+ problems in \d+ files \(dry run: nothing written\)/);
    assert.doesNotMatch(result.stdout, /✖|problems/, 'the report is on stderr, stdout is the patch');
    const patchFile = join(tempDir('patch'), 'fix.patch');
    writeFileSync(patchFile, result.stdout);
    if (spawnSync('git', ['--version']).status === 0) {
      const check = spawnSync('git', ['apply', '--check', patchFile], { cwd: dir, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stderr);
    }
    if (spawnSync('patch', ['--version']).status === 0) {
      const check = spawnSync('patch', ['-p1', '--dry-run', '-i', patchFile], { cwd: dir, encoding: 'utf8' });
      assert.equal(check.status, 0, check.stdout + check.stderr);
      // Applied, the patch gives exactly what `podwise fix` writes.
      assert.equal(spawnSync('patch', ['-p1', '-s', '-i', patchFile], { cwd: dir }).status, 0);
      const fixedCopy = exampleCopy('dry-fixed');
      podwise(['fix', '--no-config', '.'], { cwd: fixedCopy });
      assert.deepEqual(snapshot(dir), snapshot(fixedCopy));
    }
  });

  test('stdin: the fixed text on stdout, the report on stderr; --dry-run prints the diff', () => {
    const result = podwise(['fix', '-', '--no-config', '--stdin-filename', 'pod.yaml'], { cwd: tmpdir(), input: SEVERAL });
    assert.equal(result.code, 0, result.stderr);
    const dir = tempDir('stdin');
    writeFileSync(join(dir, 'pod.yaml'), SEVERAL);
    podwise(['fix', '--no-config', 'pod.yaml'], { cwd: dir });
    assert.equal(result.stdout, readFileSync(join(dir, 'pod.yaml'), 'utf8'));
    const fixable = findings(SEVERAL, 'pod.yaml').filter((finding) => finding.fixes.some((fix) => fix.safe)).length;
    assert.match(result.stderr, new RegExp(`fixed ${fixable} problems in 1 file`));
    const clean = podwise(['fix', '-', '--no-config'], { cwd: tmpdir(), input: result.stdout });
    assert.equal(clean.stdout, result.stdout, 'unchanged input comes back unchanged');
    const wide = podwise(['fix', '-', '--no-config'], { cwd: tmpdir(), input: utf16le(SEVERAL) });
    assert.deepEqual(wide.stdout, utf16le(result.stdout), 'in its own encoding');
    const diff = podwise(['fix', '-', '--dry-run', '--no-config'], { cwd: tmpdir(), input: SEVERAL });
    assert.match(diff.stdout, /^--- a\/<stdin>\n\+\+\+ b\/<stdin>\n@@ /);
  });
});

describe('unified diff generator', () => {
  /** Applies a unified diff made by unifiedDiff to `before`. */
  function applyPatch(before, patch) {
    const old = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const lines = patch.split('\n');
    assert.match(lines[0], /^--- /);
    assert.match(lines[1], /^\+\+\+ /);
    const out = [];
    let at = 0;
    let index = 2;
    while (index < lines.length && lines[index] !== '') {
      const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec(lines[index]);
      assert.ok(header, `bad hunk header: ${lines[index]}`);
      const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
      while (at < start) out.push(old[at++]);
      let aSeen = 0;
      let bSeen = 0;
      index += 1;
      while (index < lines.length && /^[ +\-\\]/.test(lines[index])) {
        const line = lines[index];
        const noEol = lines[index + 1] === '\\ No newline at end of file';
        const text = line.slice(1) + (noEol ? '' : '\n');
        if (line[0] === ' ' || line[0] === '-') {
          assert.equal(old[at], text, `context or removed line ${at + 1} does not match`);
          at += 1;
          aSeen += 1;
        }
        if (line[0] === ' ' || line[0] === '+') {
          out.push(text);
          bSeen += 1;
        }
        index += noEol ? 2 : 1;
      }
      assert.equal(aSeen, Number(header[2]));
      assert.equal(bSeen, Number(header[4]));
    }
    while (at < old.length) out.push(old[at++]);
    return out.join('');
  }

  const plain = {
    enabled: false,
    bold: (s) => s,
    dim: (s) => s,
    underline: (s) => s,
    red: (s) => s,
    yellow: (s) => s,
    green: (s) => s,
    cyan: (s) => s,
    gray: (s) => s,
    severity: (_, s) => s,
  };

  test('random edits round-trip, with and without a final line end, LF and CRLF', () => {
    let seed = 42;
    const random = (n) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round += 1) {
      const eol = round % 3 === 0 ? '\r\n' : '\n';
      const count = random(40);
      const lines = Array.from({ length: count }, () => `line ${random(8)}`);
      const edited = [...lines];
      for (let edits = random(6); edits > 0; edits -= 1) {
        const at = random(edited.length + 1);
        const kind = random(3);
        if (kind === 0) edited.splice(at, 0, `new ${random(5)}`);
        else if (kind === 1 && edited.length > 0) edited.splice(Math.min(at, edited.length - 1), 1);
        else if (edited.length > 0) edited[Math.min(at, edited.length - 1)] = `changed ${random(5)}`;
      }
      const before = lines.join(eol) + (random(4) === 0 || count === 0 ? '' : eol);
      const after = edited.join(eol) + (random(4) === 0 || edited.length === 0 ? '' : eol);
      const patch = unifiedDiff('file.yaml', before, after, { colors: plain, escape: false });
      if (before === after) {
        assert.equal(patch, '');
        continue;
      }
      assert.equal(applyPatch(before, patch), after, `round ${round}:\n${patch}`);
    }
  });

  test('a large file with a few changes is diffed quickly and minimally', () => {
    const lines = Array.from({ length: 200_000 }, (_, index) => `key${index}: ${index}\n`);
    const before = lines.join('');
    const edited = [...lines];
    edited[10] = 'key10: "10"\n';
    edited[150_000] = 'key150000: "x"\n';
    edited.splice(199_990, 1);
    const after = edited.join('');
    const started = Date.now();
    const patch = unifiedDiff('big.yaml', before, after, { colors: plain, escape: false });
    assert.ok(Date.now() - started < 5_000, 'seconds, not minutes');
    assert.equal(patch.split('\n').filter((line) => /^[-+][^-+]/.test(line)).length, 5);
    assert.equal(applyPatch(before, patch), after);
  });
});

suiteUnless('podwise fix over the shared corpus', existsSync(join(CORPUS, 'valid')) ? undefined : `no corpus at ${CORPUS}`, () => {
  test('every fixed file parses, gains no error, keeps its comments; a second run changes nothing', () => {
    const dir = tempDir('corpus');
    for (const part of ['valid', 'fixtures']) if (existsSync(join(CORPUS, part))) cpSync(join(CORPUS, part), join(dir, part), { recursive: true });
    const before = snapshot(dir);
    const first = podwise(['fix', '--no-config', '--format', 'compact', '.'], { cwd: dir, timeout: 300_000 });
    assert.ok(first.code === 0 || first.code === 1, first.stderr.slice(-2000));
    const fixed = snapshot(dir);
    let changed = 0;
    for (const [file, bytes] of before) {
      const now = fixed.get(file);
      if (bytes.equals(now)) continue;
      changed += 1;
      assertGoodFix(file, bytes.toString('utf8'), now.toString('utf8'));
    }
    assert.ok(changed > 0, 'the corpus has something to fix');
    const second = podwise(['fix', '--no-config', '--format', 'compact', '.'], { cwd: dir, timeout: 300_000 });
    assert.match(second.stderr, /nothing to fix: no file changed/);
    assert.deepEqual(snapshot(dir), fixed);
  });
});
