// What the CLI reads and how it shows it (issue #9): stdin and devices read with the same byte
// limit as files, FIFOs and sockets never block, symlinks out of the tree not followed, BOM-aware
// decoding (UTF-8, UTF-16 LE/BE), `.podwise.yaml` read only when it is a regular file, and
// terminal control characters from manifests escaped in the output.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const LIMIT = 5 * 1024 * 1024; // engine/limits.ts MAX_FILE_SIZE
const POSIX = process.platform !== 'win32';

function podwise(args, { cwd, input, timeout = 60_000 } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', timeout });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function json(args, options) {
  const result = podwise([...args, '--format', 'json'], options);
  let findings;
  try {
    findings = JSON.parse(result.stdout);
  } catch (error) {
    assert.fail(`stdout is not JSON (${error.message}):\n${result.stdout}\nstderr:\n${result.stderr}\nsignal: ${result.signal}`);
  }
  return { ...result, findings };
}

const brief = (findings) => findings.map((finding) => `${finding.file}:${finding.range.start.line}:${finding.range.start.character} ${finding.rule}`);

const NUMBER_ENV = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: db
    image: mysql:8.0.36
    env:
    - name: MYSQL_PORT
      value: 3306
`;

let work;
const at = (...parts) => join(work, ...parts);
function write(relative, content) {
  mkdirSync(dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), content);
}
const mkfifo = (file) => execFileSync('mkfifo', [file]);

before(() => {
  work = mkdtempSync(join(tmpdir(), 'podwise-cli-inputs-'));
  // No .podwise.yaml from above the temp folder may apply.
  write('.podwise.yaml', '');
});
after(() => rmSync(work, { recursive: true, force: true }));

/**
 * Feeds `podwise check -` an endless stream (64 KiB chunks of `a: b` lines, each written only
 * once the previous one was taken) and counts the bytes the CLI took before it ended.
 */
function endlessStdin(args, { cap = 64 * 1024 * 1024 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunk = Buffer.from('a: b\n'.repeat((64 * 1024) / 5));
    let written = 0;
    let stdout = '';
    let stderr = '';
    let exited = false;
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading: expected
    const pump = () => {
      if (exited) return;
      if (written >= cap) {
        child.stdin.end();
        return;
      }
      child.stdin.write(chunk, (error) => {
        if (error) return;
        written += chunk.length;
        pump();
      });
    };
    child.on('error', reject);
    child.on('exit', (code) => {
      exited = true;
      resolve({ code, stdout, stderr, written });
    });
    pump();
  });
}

describe('stdin and devices are read up to the file limit, never more', () => {
  test('endless stdin (`yes "a: b" | podwise check -`) stops at the limit with the yaml-limit info', async () => {
    const { code, stdout, stderr, written } = await endlessStdin(['check', '-', '--format', 'json']);
    assert.equal(code, 0, stderr);
    const findings = JSON.parse(stdout);
    assert.deepEqual(brief(findings), ['<stdin>:0:0 yaml-limit']);
    assert.match(findings[0].message, /not checked: it is over 5\.0 MB and Podwise checks files up to 5\.0 MB/);
    // What the CLI took: the limit, one chunk and the pipe's buffer, not the 64 MiB on offer.
    assert.ok(written < LIMIT + 2 * 1024 * 1024, `the CLI read ${written} bytes of an endless stdin`);
  });

  test('stdin under the limit is checked as before', () => {
    const { code, findings } = json(['check', '-'], { cwd: work, input: NUMBER_ENV });
    assert.equal(code, 1);
    assert.ok(brief(findings).includes('<stdin>:10:13 schema-type'));
  });

  test('stdin exactly at the limit is read; one byte more is not', () => {
    const at5 = `# ${'x'.repeat(LIMIT - 3)}\n`;
    assert.equal(Buffer.byteLength(at5), LIMIT);
    assert.deepEqual(json(['check', '-'], { cwd: work, input: at5 }).findings, []);
    assert.deepEqual(brief(json(['check', '-'], { cwd: work, input: `${at5}\n` }).findings), ['<stdin>:0:0 yaml-limit']);
  });

  test('/dev/zero named on the command line: the yaml-limit info, not 600 MB and an internal error', { skip: !existsSync('/dev/zero') && 'no /dev/zero' }, () => {
    const { code, findings, stderr } = json(['check', '/dev/zero'], { cwd: work, timeout: 30_000 });
    assert.equal(code, 0, stderr);
    assert.deepEqual(brief(findings), ['/dev/zero:0:0 yaml-limit']);
  });

  test('a regular file over the limit says its size, with the same wording', () => {
    write('big/huge.yaml', `# ${'x'.repeat(LIMIT + 100_000)}\n`);
    const { findings } = json(['check', 'big/huge.yaml'], { cwd: work });
    assert.deepEqual(brief(findings), ['big/huge.yaml:0:0 yaml-limit']);
    assert.match(findings[0].message, /not checked: it is 5\.1 MB and Podwise checks files up to 5\.0 MB/);
  });
});

describe('FIFOs, sockets and other non-regular files', { skip: !POSIX && 'POSIX only' }, () => {
  test('a folder walk skips a FIFO named *.yaml without opening it', () => {
    write('walk/bad.yaml', NUMBER_ENV);
    mkfifo(at('walk', 'pipe.yaml'));
    const { code, findings, stderr } = json(['check', 'walk'], { cwd: work, timeout: 20_000 });
    assert.equal(code, 1, stderr);
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))], ['walk/bad.yaml']);
    assert.match(podwise(['check', 'walk', '--format', 'compact'], { cwd: work, timeout: 20_000 }).stderr, /\(1 file checked\)/);
  });

  test('a FIFO named on the command line is read like cat reads it', async () => {
    mkfifo(at('named.yaml'));
    const child = spawn(process.execPath, [BIN, 'check', 'named.yaml', '--format', 'json'], { cwd: work });
    let stdout = '';
    child.stdout.on('data', (data) => (stdout += data));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Opening the FIFO for writing waits for the CLI's reader; then the manifest goes through.
    const writer = spawn(process.execPath, ['-e', `require('fs').writeFileSync(${JSON.stringify(at('named.yaml'))}, ${JSON.stringify(NUMBER_ENV)})`]);
    await new Promise((resolve) => writer.on('exit', resolve));
    assert.equal(await exited, 1);
    assert.ok(brief(JSON.parse(stdout)).includes('named.yaml:10:13 schema-type'));
  });

  test('a socket named on the command line is an I/O failure (exit 2), not a crash', async () => {
    const socketPath = at('sock.yaml');
    const server = createServer().listen(socketPath);
    await new Promise((resolve) => server.on('listening', resolve));
    try {
      const result = await new Promise((resolve) => {
        const child = spawn(process.execPath, [BIN, 'check', 'sock.yaml'], { cwd: work });
        let stderr = '';
        child.stderr.on('data', (data) => (stderr += data));
        child.on('exit', (code) => resolve({ code, stderr }));
      });
      assert.equal(result.code, 2);
      assert.match(result.stderr, /sock\.yaml: cannot read a socket/);
      assert.doesNotMatch(result.stderr, /internal error/);
    } finally {
      server.close();
    }
  });

  test('a FIFO .podwise.yaml is not opened for reading: defaults, a clear message, exit 2, no hang', () => {
    write('fifo-config/sub/bad.yaml', NUMBER_ENV);
    mkfifo(at('fifo-config', '.podwise.yaml'));
    const result = json(['check', '.'], { cwd: at('fifo-config'), timeout: 20_000 });
    assert.equal(result.signal, null, 'the CLI hung on the FIFO config');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /ignoring config \.podwise\.yaml: it is a FIFO \(named pipe\), not a regular file; the defaults apply/);
    assert.ok(brief(result.findings).includes('sub/bad.yaml:10:13 schema-type'), 'the files are still checked');
  });

  test('--config naming a FIFO or a device fails at once with exit 2', () => {
    mkfifo(at('config-pipe.yaml'));
    const fifo = podwise(['check', '--config', 'config-pipe.yaml', '-'], { cwd: work, input: NUMBER_ENV, timeout: 20_000 });
    assert.equal(fifo.signal, null, 'the CLI hung on --config FIFO');
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /cannot read config config-pipe\.yaml: it is a FIFO/);
    if (existsSync('/dev/zero')) {
      const zero = podwise(['check', '--config', '/dev/zero', '-'], { cwd: work, input: NUMBER_ENV, timeout: 20_000 });
      assert.equal(zero.code, 2);
      assert.match(zero.stderr, /cannot read config \/dev\/zero: it is a character device/);
    }
  });

  test('an oversized .podwise.yaml is not parsed', () => {
    write('huge-config/.podwise.yaml', `kubernetesVersion: "1.29"\n# ${'x'.repeat(1024 * 1024)}\n`);
    const result = podwise(['check', '-'], { cwd: at('huge-config'), input: NUMBER_ENV });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /ignoring config \.podwise\.yaml: it is 1\.0 MB and Podwise reads config files up to 1\.0 MB/);
  });
});

describe('symbolic links', { skip: !POSIX && 'POSIX only' }, () => {
  before(() => {
    write('elsewhere/outside-bad.yaml', NUMBER_ENV);
    write('tree/inside/bad.yaml', NUMBER_ENV);
    symlinkSync(at('elsewhere'), at('tree', 'outside'));
    symlinkSync(at('elsewhere', 'outside-bad.yaml'), at('tree', 'outside-file.yaml'));
    symlinkSync(at('tree', 'inside'), at('tree', 'inside-again'));
    symlinkSync(at('tree'), at('tree', 'inside', 'loop'));
    symlinkSync('self-loop', at('tree', 'self-loop'));
  });

  test('links out of the folders named are not followed, and one note says how many', () => {
    const { code, findings, stderr } = json(['check', 'tree'], { cwd: work, timeout: 20_000 });
    assert.equal(code, 1, stderr);
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))], ['tree/inside/bad.yaml'], 'a file inside the tree is checked once, through links or not');
    assert.match(stderr, /2 symbolic links that lead outside the folders named were not followed \(--follow-symlinks follows them\)/);
  });

  test('a link into another folder named is followed', () => {
    const { findings } = json(['check', 'tree', 'elsewhere'], { cwd: work, timeout: 20_000 });
    const files = new Set(findings.map((finding) => finding.file));
    assert.ok(files.has('tree/inside/bad.yaml'));
    assert.equal([...files].filter((file) => /outside/.test(file)).length, 1, [...files].join(', '));
  });

  test('--follow-symlinks follows them; loops still end', () => {
    const { code, findings, stderr } = json(['check', 'tree', '--follow-symlinks'], { cwd: work, timeout: 20_000 });
    assert.equal(code, 1, stderr);
    assert.deepEqual([...new Set(findings.map((finding) => finding.file))].sort(), ['tree/inside/bad.yaml', 'tree/outside/outside-bad.yaml']);
    assert.doesNotMatch(stderr, /not followed/);
  });

  test('a link named on the command line is followed', () => {
    const { findings } = json(['check', 'tree/outside'], { cwd: work, timeout: 20_000 });
    assert.ok(brief(findings).includes('tree/outside/outside-bad.yaml:10:13 schema-type'));
  });

  test('--help documents --follow-symlinks', () => {
    assert.match(podwise(['--help']).stdout, /--follow-symlinks/);
  });
});

describe('encodings', () => {
  const utf16le = (text) => Buffer.from(text, 'utf16le');
  const utf16be = (text) => utf16le(text).swap16();
  const variants = {
    'utf8.yaml': Buffer.from(NUMBER_ENV),
    'utf8-bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NUMBER_ENV)]),
    'utf16le-bom.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(NUMBER_ENV)]),
    'utf16be-bom.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(NUMBER_ENV)]),
  };

  test('UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM give the same findings and exit code', () => {
    for (const [name, bytes] of Object.entries(variants)) write(`enc/${name}`, bytes);
    const results = Object.keys(variants).map((name) => {
      const { code, findings, stderr } = json(['check', `enc/${name}`], { cwd: work });
      return {
        name,
        code,
        stderr,
        found: findings.map(
          (finding) => `${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character} ${finding.rule} ${finding.severity}`,
        ),
      };
    });
    assert.ok(results[0].found.includes('10:13-10:17 schema-type error'), results[0].found.join('\n'));
    for (const result of results) {
      assert.equal(result.code, 1, `${result.name}: ${result.stderr}`);
      assert.deepEqual(result.found, results[0].found, result.name);
      assert.equal(result.stderr.includes('not valid'), false, result.name);
    }
  });

  test('the same on stdin', () => {
    for (const [name, bytes] of Object.entries(variants)) {
      const { code, findings } = json(['check', '-'], { cwd: work, input: bytes });
      assert.equal(code, 1, name);
      assert.ok(brief(findings).includes('<stdin>:10:13 schema-type'), name);
    }
  });

  test('invalid UTF-8 is read with U+FFFD, checked, and a note says so', () => {
    write('enc-bad/latin1.yaml', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${NUMBER_ENV}`)]));
    const { code, findings, stderr } = json(['check', 'enc-bad'], { cwd: work });
    assert.equal(code, 1, stderr);
    assert.ok(brief(findings).includes('enc-bad/latin1.yaml:11:13 schema-type'));
    assert.match(stderr, /enc-bad\/latin1\.yaml: not valid UTF-8; the invalid bytes were read as U\+FFFD/);
  });
});

describe('terminal control characters are escaped', () => {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const RLO = '\u202e';
  const CSI = '\u009b';
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  // The container name is quoted raw by advice rules (resources-unset) and by container-name-invalid.
  const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: db
spec:
  containers:
  - name: "\\e[31mdb\\a\\u202e\\u009b"
    image: mysql:8.0.36
`;
  const fileName = `x${ESC}[31mred${BEL}${RLO}.yaml`;

  before(() => write(`esc/${fileName}`, manifest));

  test('text output: no raw ESC, BEL, C1 or bidi control in file names or messages', () => {
    const { stdout, stderr } = podwise(['check', 'esc', '--format', 'compact'], { cwd: work });
    assert.ok(stdout.length > 0, stderr);
    assert.doesNotMatch(stdout, RAW);
    assert.doesNotMatch(stderr, RAW);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(
      lines.every((line) => line.startsWith('esc/x\\x1b[31mred\\x07\\u202e.yaml:')),
      stdout,
    );
    assert.ok(
      lines.some((line) => line.includes('Container "\\x1b[31mdb\\x07\\u202e\\x9b"')),
      stdout,
    );
  });

  test('notes and failures on stderr are escaped too', () => {
    const { code, stderr } = podwise(['check', `missing${ESC}[2J.yaml`], { cwd: work });
    assert.equal(code, 2);
    assert.match(stderr, /missing\\x1b\[2J\.yaml: no such file or directory/);
    assert.doesNotMatch(stderr, RAW);
  });

  test('JSON and SARIF: escaped in the bytes, exact after parsing', () => {
    const result = json(['check', 'esc'], { cwd: work });
    assert.doesNotMatch(result.stdout, RAW);
    assert.ok(result.findings.every((finding) => finding.file === `esc/${fileName}`));
    assert.ok(result.findings.some((finding) => finding.message.includes(`"${ESC}[31mdb${BEL}${RLO}${CSI}"`)));
    const sarif = podwise(['check', 'esc', '--format', 'sarif'], { cwd: work });
    assert.doesNotMatch(sarif.stdout, RAW);
    const log = JSON.parse(sarif.stdout);
    assert.ok(log.runs[0].results.some((entry) => entry.message.text.includes(`"${ESC}[31mdb${BEL}${RLO}${CSI}"`)));
  });
});
