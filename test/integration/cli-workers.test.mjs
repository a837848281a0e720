// `podwise check --jobs N`: files checked on worker threads give the same bytes, in the same
// order, with the same exit code as `--jobs 1` (in-process), for every format; the streamed
// output is what the formatters write for the whole list at once; a worker that crashes or hangs
// fails only its file (an internal error, exit code 2) and never hangs the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { suiteUnless } from '../helpers/suite.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'podwise.js');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', 'valid');
const require = createRequire(import.meta.url);

/**
 * The time limit of the runs over `slow.yaml` (seconds): well above what a small file takes on a
 * cold worker (tens of ms), well below slow.yaml's first document (seconds). Its other documents
 * are never reached, so the output is the same from run to run but for the time in the note.
 */
const TIME_LIMIT = '0.5';
const SLOW_ITEMS = 10000;
/** The mixed folder without a time limit: these runs must not depend on the clock (a loaded machine is slow). */
const MIXED = ['--time-limit', '0', 'mixed'];

function podwise(args, { cwd, env = {} } = {}) {
  const result = spawnSync(process.execPath, [BIN, 'check', ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  assert.equal(result.error, undefined, `podwise ${args.join(' ')}: ${result.error?.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The budget note says how long the file took; everything else is the same from run to run. */
const stable = (text) => text.replace(/Checking stopped after [\d,]+ ms/g, 'Checking stopped after N ms');

function assertSameRun(actual, expected, what) {
  assert.equal(actual.code, expected.code, `${what}: exit code\n${actual.stderr}`);
  assert.equal(stable(actual.stdout), stable(expected.stdout), `${what}: stdout`);
  assert.equal(actual.stderr, expected.stderr, `${what}: stderr`);
}

const pod = (name, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx:1.27
${extra}`;
const BAD_ENV = `    env:
    - name: PORT
      value: 8080
`;
const deployment = (name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet: {path: /healthz, port: 8080}
        livenessProbe:
          httpGet: {path: /healthz, port: 8080}
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {memory: 128Mi}
`;
const service = (name, port) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector: {app: ${name}}
  ports:
  - port: 80
    targetPort: ${port}
`;
/** A List whose items take the engine well over TIME_LIMIT, then two more documents: "2 of 3 documents not checked". */
const slowFile = (items) =>
  [
    `apiVersion: v1\nkind: List\nitems:\n${Array.from({ length: items }, (_, i) => `- apiVersion: v1\n  kind: Pod\n  metadata: {name: p-${i}}\n  spec:\n    containers:\n    - name: c\n      image: nginx:1.27\n`).join('')}`,
    pod('after-1', BAD_ENV),
    pod('after-2', BAD_ENV),
  ].join('---\n');

let work;
let sizes;
function write(relative, content) {
  mkdirSync(dirname(join(work, relative)), { recursive: true });
  writeFileSync(join(work, relative), content);
}

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist', 'server', 'cli-worker.js')), 'dist/server/cli-worker.js is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'podwise-workers-'));
  // mixed/: 30 files of every kind the CLI meets.
  for (let i = 1; i <= 8; i += 1) write(`mixed/errors-${String(i).padStart(2, '0')}.yaml`, pod(`bad-${i}`, BAD_ENV));
  for (let i = 1; i <= 8; i += 1) write(`mixed/clean-${String(i).padStart(2, '0')}.yaml`, deployment(`web-${i}`));
  write('mixed/latest.yaml', pod('latest').replace('nginx:1.27', 'nginx'));
  write(
    'mixed/multi.yaml',
    [deployment('api'), service('api', 9090), service('api-other', 8080), pod('multi', BAD_ENV), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n'].join(
      '---\n',
    ),
  );
  write('mixed/list.yaml', `apiVersion: v1\nkind: List\nitems:\n- ${pod('in-list', BAD_ENV).split('\n').join('\n  ')}`);
  write('mixed/chart/Chart.yaml', 'apiVersion: v2\nname: demo\nversion: 0.1.0\n');
  write('mixed/chart/values.yaml', 'replicas: 2\nimage: nginx\n');
  write('mixed/chart/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
  write('mixed/chart/templates/service.yaml', service('{{ .Release.Name }}', 80));
  write('mixed/compose.yaml', 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
  write('mixed/settings.json', JSON.stringify({ name: 'not-kubernetes', version: 1 }, null, 2));
  write('mixed/empty.yaml', '');
  write('mixed/broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n');
  write('mixed/not-utf8.yaml', Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf'), Buffer.from([0xe9]), Buffer.from('\ndata: {a: b}\n')]));
  write('mixed/etc/kubernetes/manifests/etcd.yaml', pod('etcd', BAD_ENV));
  write('mixed/deep/a/b/c/nested.yml', pod('nested', BAD_ENV));
  write('slow.yaml', slowFile(SLOW_ITEMS));
  // sizes/ (a folder of its own): small and large files mixed (the main thread leaves large ones to
  // the workers, which have several files in flight; every file must still be checked exactly once).
  sizes = mkdtempSync(join(tmpdir(), 'podwise-sizes-'));
  for (let i = 0; i < 40; i += 1) {
    const copies = [150, 1, 40, 1, 1][i % 5];
    const documents = Array.from({ length: copies }, (_, n) => (n % 3 === 2 ? pod(`p-${i}-${n}`, BAD_ENV) : deployment(`d-${i}-${n}`)));
    writeFileSync(join(sizes, `f-${String(i).padStart(2, '0')}.yaml`), documents.join('---\n'));
  }
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (sizes) rmSync(sizes, { recursive: true, force: true });
});

describe('--jobs: the same output as in-process', () => {
  test('JSON over a mixed folder and a file over the time limit: --jobs 1, 2 and 4 agree byte for byte', () => {
    const args = ['--format', 'json', '--time-limit', TIME_LIMIT, '.'];
    const single = podwise([...args, '--jobs', '1'], { cwd: work });
    assert.equal(single.code, 1, single.stderr);
    const findings = JSON.parse(single.stdout);
    // The streamed array is what formatJson writes for the whole list at once.
    assert.equal(single.stdout, require(join(ROOT, 'dist', 'server', 'cli.js')).formatJson(findings));
    const budget = findings.filter((finding) => finding.rule === 'yaml-limit' && finding.message.startsWith('Checking stopped'));
    assert.deepEqual(
      budget.map((finding) => [finding.file, stable(finding.message)]),
      [['slow.yaml', 'Checking stopped after N ms (limit 500 ms per file): 2 of 3 documents not checked']],
    );
    assert.match(single.stderr, /mixed\/not-utf8\.yaml: not valid UTF-8/);
    for (const jobs of ['2', '4']) assertSameRun(podwise([...args, '--jobs', jobs], { cwd: work }), single, `--jobs ${jobs}`);
  });

  test('large and small files mixed: --jobs 2 and 3 agree with --jobs 1 byte for byte', () => {
    const args = ['--format', 'json', '--time-limit', '0', '.'];
    const single = podwise([...args, '--jobs', '1'], { cwd: sizes });
    assert.equal(single.code, 1, single.stderr);
    assert.equal(new Set(JSON.parse(single.stdout).map((finding) => finding.file)).size, 40, 'every file reports');
    for (const jobs of ['2', '3']) assertSameRun(podwise([...args, '--jobs', jobs], { cwd: sizes }), single, `--jobs ${jobs}`);
  });

  test('text (stylish), compact, SARIF and the severity options agree', () => {
    const cli = require(join(ROOT, 'dist', 'server', 'cli.js'));
    const findings = JSON.parse(podwise(['--format', 'json', '--jobs', '1', ...MIXED], { cwd: work }).stdout);
    const variants = [
      ['--format', 'text'],
      ['--format', 'text', '--quiet', '--max-warnings', '0'],
      ['--format', 'compact', '--min-severity', 'warning'],
      ['--format', 'sarif'],
    ];
    for (const variant of variants) {
      const single = podwise([...variant, '--jobs', '1', ...MIXED], { cwd: work });
      assert.equal(single.code, 1, single.stderr);
      assertSameRun(podwise([...variant, '--jobs', '2', ...MIXED], { cwd: work }), single, variant.join(' '));
      if (variant.join(' ') === '--format text') {
        // Printed file by file, it is still what formatStylish writes for all the findings, plus the summary line.
        const body = cli.formatStylish(findings, cli.palette(false));
        assert.ok(single.stdout.startsWith(body), 'stylish body');
        assert.match(single.stdout.slice(body.length), /^✖ \d+ problems \(.*\) · \d+ files checked · 2 Helm chart templates skipped\n$/);
      }
    }
  });

  test('two parts of the report with one file name form one group, as before', () => {
    const run = (jobs) => {
      const result = spawnSync(process.execPath, [BIN, 'check', '--jobs', jobs, '--stdin-filename', 'mixed/errors-01.yaml', '-', ...MIXED], {
        cwd: work,
        input: pod('from-stdin', BAD_ENV),
        encoding: 'utf8',
        timeout: 120_000,
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const single = run('1');
    assert.equal(single.stdout.split('\n').filter((line) => line === 'mixed/errors-01.yaml').length, 1, single.stdout);
    assertSameRun(run('2'), single, 'stdin named like a file');
  });

  test('--jobs takes a whole number of 1 or more', () => {
    const result = podwise(['--jobs', '0', ...MIXED], { cwd: work });
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--jobs takes a whole number/);
  });
});

describe('--jobs: a worker that fails', () => {
  test('a worker that crashes fails only its file: an internal error, exit code 2, the others reported as before', () => {
    const single = podwise(['--format', 'json', '--jobs', '1', ...MIXED], { cwd: work });
    const crashed = podwise(['--format', 'json', '--jobs', '2', ...MIXED], { cwd: work, env: { PODWISE_TEST_WORKER_FAULT: 'crash:errors-03.yaml' } });
    assert.equal(crashed.code, 2);
    assert.match(crashed.stderr, /mixed\/errors-03\.yaml: internal error: the worker checking it stopped \(injected worker crash\)/);
    const expected = JSON.parse(single.stdout).filter((finding) => finding.file !== 'mixed/errors-03.yaml');
    assert.deepEqual(JSON.parse(crashed.stdout), expected);
  });

  test('a worker that hangs is stopped by the watchdog; the run ends', () => {
    const started = Date.now();
    const hung = podwise(['--format', 'json', '--jobs', '2', ...MIXED], {
      cwd: work,
      env: { PODWISE_TEST_WORKER_FAULT: 'hang:clean-02.yaml', PODWISE_TEST_WORKER_WATCHDOG_MS: '4000' },
    });
    assert.equal(hung.code, 2, hung.stderr);
    assert.match(hung.stderr, /mixed\/clean-02\.yaml: internal error: checking it took longer than 4 s, so its worker was stopped/);
    assert.ok(Date.now() - started < 60_000);
    const single = JSON.parse(podwise(['--format', 'json', '--jobs', '1', ...MIXED], { cwd: work }).stdout);
    assert.deepEqual(
      JSON.parse(hung.stdout),
      single.filter((finding) => finding.file !== 'mixed/clean-02.yaml'),
    );
  });
});

suiteUnless('--jobs over the shared corpus', existsSync(CORPUS) ? undefined : `no corpus at ${CORPUS}`, () => {
  // No time limit: how far a slow file gets must not depend on the clock.
  test('JSON: the default (workers) and --jobs 1 agree byte for byte', () => {
    const single = podwise(['--format', 'json', '--time-limit', '0', '--jobs', '1', CORPUS], { cwd: ROOT });
    assert.ok(single.code === 0 || single.code === 1, single.stderr);
    assertSameRun(podwise(['--format', 'json', '--time-limit', '0', CORPUS], { cwd: ROOT }), single, 'default jobs');
  });

  test('text: --jobs 2 and --jobs 1 agree byte for byte', () => {
    const single = podwise(['--time-limit', '0', '--jobs', '1', CORPUS], { cwd: ROOT });
    assertSameRun(podwise(['--time-limit', '0', '--jobs', '2', CORPUS], { cwd: ROOT }), single, '--jobs 2');
  });
});
