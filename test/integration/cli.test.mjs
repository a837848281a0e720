// The CLI as a user runs it: `node bin/podwise.js check …` (after `npm run build`). Formats, exit
// codes, stdin, folder recursion, the version flag, rule overrides and `.podwise.yaml`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'podwise.js');
const require = createRequire(import.meta.url);
const packageVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

function podwise(args, { cwd = root, input } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args, options) {
  const result = podwise([...args, '--format', 'json'], options);
  let findings;
  try {
    findings = JSON.parse(result.stdout);
  } catch (error) {
    assert.fail(`stdout is not JSON (${error.message}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return { ...result, findings };
}

/** Errors and warnings only: infos and hints from advice rules come and go as rules are added. */
const loud = (findings) => findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning');

const TEXT_LINE = /^(.+):(\d+):(\d+) (error|warning|info|hint) ([a-z0-9-]+) (.+)$/;

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
const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: production
`;
const POD_LEVEL_RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata:
  name: first
---
apiVersion: v1
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
const path = (...parts) => join(work, ...parts);
function write(relative, text) {
  mkdirSync(dirname(path(relative)), { recursive: true });
  writeFileSync(path(relative), text);
}

before(() => {
  assert.ok(existsSync(join(root, 'dist', 'server', 'cli.js')), 'dist/server/cli.js is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'podwise-cli-'));
  write('plain/bad.yaml', NUMBER_ENV);
  write('plain/good.yaml', CONFIG_MAP);
  write('plain/sub/deeper/also-bad.yml', NUMBER_ENV);
  write('plain/sub/data.json', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'j' }, data: { a: 'b' } }));
  write('plain/sub/notes.txt', 'not yaml: [');
  write('plain/node_modules/pkg/bad.yaml', NUMBER_ENV);
  write('plain/.git/bad.yaml', NUMBER_ENV);
  write('versions/pod.yaml', POD_LEVEL_RESOURCES);
  write('empty/readme.md', '# nothing here\n');
  // A workspace with a config file that turns schema-type off and excludes generated/.
  write('ws/.podwise.yaml', 'rules:\n  schema-type: "off"\nexclude:\n  - generated/**\n');
  write('ws/app/bad.yaml', NUMBER_ENV);
  write('ws/app/versions.yaml', POD_LEVEL_RESOURCES);
  write('ws/generated/bad.yaml', NUMBER_ENV.replace('3306', '[1]'));
  // A workspace whose config pins 1.31 and has a typo.
  write('typo/.podwise.yaml', 'kubernetesVersion: "1.31"\nrulez:\n  schema-type: off\n');
  write('typo/pod.yaml', POD_LEVEL_RESOURCES);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('formats', () => {
  test('compact: file:line:col severity rule message, 1-based', () => {
    const { code, stdout, stderr } = podwise(['check', 'plain/bad.yaml', '--format', 'compact'], { cwd: work });
    assert.equal(code, 1, stderr);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, TEXT_LINE);
    const errors = lines.filter((line) => / error /.test(line));
    assert.equal(errors.length, 1, stdout);
    const match = TEXT_LINE.exec(errors[0]);
    assert.deepEqual(match.slice(1, 6), ['plain/bad.yaml', '11', '14', 'error', 'schema-type']);
    assert.match(match[6], /string/);
    assert.match(stderr, /1 error/);
  });

  test('json: an array of {file, range, severity, rule, message}, 0-based, nothing else on stdout', () => {
    const { code, findings, stdout } = json(['check', 'plain/bad.yaml', 'plain/good.yaml'], { cwd: work });
    assert.equal(code, 1);
    assert.ok(stdout.trimStart().startsWith('['));
    // `detail` (the explanation the hover shows) is there when the rule gives one.
    for (const finding of findings)
      assert.deepEqual(
        Object.keys(finding)
          .filter((key) => key !== 'detail')
          .sort(),
        ['file', 'message', 'range', 'rule', 'severity'],
      );
    assert.equal(loud(findings).length, 1, JSON.stringify(findings, null, 2));
    const [finding] = loud(findings);
    assert.equal(finding.file, 'plain/bad.yaml');
    assert.deepEqual(finding.range, { start: { line: 10, character: 13 }, end: { line: 10, character: 17 } });
    assert.equal(finding.severity, 'error');
    assert.equal(finding.rule, 'schema-type');
  });

  test('json: an empty array when all is well', () => {
    const { code, findings } = json(['check', 'plain/good.yaml'], { cwd: work });
    assert.equal(code, 0);
    assert.deepEqual(findings, []);
  });

  test('sarif: valid SARIF 2.1.0 with rules, levels and 1-based regions', () => {
    const { code, stdout } = podwise(['check', '--format', 'sarif', 'plain'], { cwd: work });
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    const [run] = log.runs;
    assert.equal(run.tool.driver.name, 'Podwise');
    assert.equal(run.tool.driver.version, packageVersion);
    const rule = run.tool.driver.rules.find((candidate) => candidate.id === 'schema-type');
    assert.ok(rule, 'schema-type is described in tool.driver.rules');
    assert.match(rule.helpUri, /docs\/rules\/schema-type\.md$/);
    assert.ok(rule.shortDescription.text.length > 10);
    for (const result of run.results) assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    const errors = run.results.filter((result) => result.level === 'error');
    assert.equal(errors.length, 2, JSON.stringify(run.results, null, 2));
    for (const result of errors) {
      assert.equal(result.ruleId, 'schema-type');
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.equal(result.level, 'error');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.match(artifactLocation.uri, /^plain\/(bad\.yaml|sub\/deeper\/also-bad\.yml)$/);
      assert.deepEqual(region, { startLine: 11, startColumn: 14, endLine: 11, endColumn: 18 });
    }
  });

  test('sarif: info and hint become note; no results is still a valid log', () => {
    const clean = JSON.parse(podwise(['check', '-f', 'sarif', 'plain/good.yaml'], { cwd: work }).stdout);
    assertValidSarif(clean);
    assert.deepEqual(clean.runs[0].results, []);
    const info = podwise(['check', '--format=sarif', '--rule', 'schema-type=info', 'plain/bad.yaml'], { cwd: work });
    assert.equal(info.code, 0);
    const log = JSON.parse(info.stdout);
    assertValidSarif(log);
    assert.equal(log.runs[0].results.find((result) => result.ruleId === 'schema-type').level, 'note');
    assert.ok(log.runs[0].results.every((result) => result.level === 'note'));
  });
});

describe('exit codes', () => {
  test('0 without error findings, 1 with', () => {
    assert.equal(podwise(['check', 'plain/good.yaml'], { cwd: work }).code, 0);
    assert.equal(podwise(['check', 'plain/bad.yaml'], { cwd: work }).code, 1);
  });

  test('2 for a missing path, with a clear message and no stack trace', () => {
    const { code, stderr, stdout } = podwise(['check', 'plain/nope.yaml', 'plain/good.yaml', '--format', 'compact'], { cwd: work });
    assert.equal(code, 2);
    assert.match(stderr, /plain\/nope\.yaml: no such file or directory/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.equal(stdout, '');
    // The default text format prints only its summary line: no finding for the good file.
    const text = podwise(['check', 'plain/nope.yaml', 'plain/good.yaml'], { cwd: work });
    assert.equal(text.code, 2);
    assert.equal(text.stdout, '✔ no problems · 1 file checked\n');
  });

  test('2 for a missing path even in json, and stdout stays JSON', () => {
    const { code, findings } = json(['check', 'plain/nope.yaml', 'plain/bad.yaml'], { cwd: work });
    assert.equal(code, 2);
    assert.equal(loud(findings).length, 1);
  });

  test('2 for usage mistakes', () => {
    for (const args of [
      [],
      ['lint', 'x.yaml'],
      ['check', '--format', 'xml'],
      ['check', '--formt', 'json'],
      ['check', '--kubernetes-version', '1.20'],
      ['check', '--kubernetes-version'],
      ['check', '--rule', 'no-such-rule=off'],
      ['check', '--rule', 'schema-type=loud'],
      ['check', '--rule', 'schema-type'],
      ['check', '--config', 'missing.yaml', 'plain/good.yaml'],
    ]) {
      const { code, stderr } = podwise(args, { cwd: work });
      assert.equal(code, 2, `podwise ${args.join(' ')} → ${code}\n${stderr}`);
      assert.match(stderr, /^podwise: /, args.join(' '));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('did-you-mean on a mistyped option and rule', () => {
    assert.match(podwise(['check', '--formt', 'json']).stderr, /Did you mean --format\?/);
    assert.match(podwise(['check', '--rule', 'schema-typ=off']).stderr, /Did you mean "schema-type"\?/);
  });

  test('--help and --version exit 0', () => {
    const help = podwise(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: podwise check/);
    assert.match(help.stdout, /podwise fix/);
    assert.match(help.stdout, /--kubernetes-version/);
    assert.match(help.stdout, /Exit codes:/);
    // For an installed user: the docs where the package put them, no repository URL.
    assert.doesNotMatch(help.stdout, /github\.com/);
    assert.ok(help.stdout.includes(join(root, 'docs', 'cli.md')), help.stdout);
    assert.equal(podwise(['check', '--help']).code, 0);
    const version = podwise(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), packageVersion);
  });
});

describe('inputs', () => {
  test('stdin with "-"', () => {
    const { code, findings } = json(['check', '-'], { cwd: work, input: NUMBER_ENV });
    assert.equal(code, 1);
    assert.equal(loud(findings).length, 1);
    assert.equal(loud(findings)[0].file, '<stdin>');
    assert.equal(loud(findings)[0].range.start.line, 10);
    const clean = json(['check', '-'], { cwd: work, input: CONFIG_MAP });
    assert.equal(clean.code, 0);
    assert.deepEqual(clean.findings, []);
  });

  test('--stdin-filename names stdin in the output', () => {
    const { findings } = json(['check', '-', '--stdin-filename', 'deploy/db.yaml'], { cwd: work, input: NUMBER_ENV });
    assert.equal(findings[0].file, 'deploy/db.yaml');
  });

  test('folders are recursed (yaml, yml, json); node_modules, .git and other files are skipped', () => {
    const { code, findings, stderr } = json(['check', 'plain'], { cwd: work });
    assert.equal(code, 1, stderr);
    assert.deepEqual([...new Set(loud(findings).map((finding) => finding.file))].sort(), ['plain/bad.yaml', 'plain/sub/deeper/also-bad.yml']);
    assert.ok(!findings.some((finding) => /node_modules|\.git\//.test(finding.file)));
    const text = podwise(['check', 'plain'], { cwd: work });
    assert.match(text.stdout, /4 files checked/);
  });

  test('no path means the current folder', () => {
    const { findings } = json(['check'], { cwd: path('plain') });
    assert.deepEqual([...new Set(loud(findings).map((finding) => finding.file))].sort(), ['bad.yaml', 'sub/deeper/also-bad.yml']);
  });

  test('a folder without manifests is fine', () => {
    const { code, stderr } = podwise(['check', 'empty'], { cwd: work });
    assert.equal(code, 0);
    assert.match(stderr, /no YAML or JSON files/);
  });

  test('a file named twice is checked once', () => {
    const { findings } = json(['check', 'plain/bad.yaml', 'plain/../plain/bad.yaml', 'plain'], { cwd: work });
    assert.equal(loud(findings).filter((finding) => finding.file === 'plain/bad.yaml').length, 1);
  });

  test('a file over the size limit gets a yaml-limit info instead of a crash', () => {
    const big = `${CONFIG_MAP}  filler: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    write('big/huge.yaml', big);
    const { code, findings } = json(['check', 'big'], { cwd: work });
    assert.equal(code, 0);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].rule, 'yaml-limit');
    assert.equal(findings[0].severity, 'info');
    assert.equal(json(['check', 'big', '--rule', 'yaml-limit=off'], { cwd: work }).findings.length, 0);
  });

  test('binary or odd files do not crash the run', () => {
    write('odd/binary.yaml', Buffer.from([0, 1, 2, 255, 254, 10, 0x7b, 0x5b]).toString('latin1'));
    write('odd/bom.yaml', `\uFEFF${NUMBER_ENV}`);
    write('odd/tabs.yaml', 'apiVersion: v1\nkind: Pod\n\tmetadata: {}\n');
    const { code, findings, stderr } = json(['check', 'odd'], { cwd: work });
    assert.notEqual(code, 2, stderr);
    const bom = findings.find((finding) => finding.file === 'odd/bom.yaml' && finding.rule === 'schema-type');
    assert.deepEqual(bom?.range.start, { line: 10, character: 13 }, 'a BOM does not shift columns');
  });
});

describe('settings', () => {
  test('--kubernetes-version picks the schema', () => {
    const old = json(['check', '--kubernetes-version', '1.31', 'versions/pod.yaml'], { cwd: work });
    assert.equal(old.code, 1);
    assert.ok(
      old.findings.some((finding) => finding.rule === 'schema-unknown-field' && finding.range.start.line === 10),
      JSON.stringify(old.findings, null, 2),
    );
    const current = json(['check', '--kubernetes-version=1.36', 'versions/pod.yaml'], { cwd: work });
    assert.ok(!current.findings.some((finding) => finding.rule.startsWith('schema-')), JSON.stringify(current.findings, null, 2));
  });

  test('--rule id=off drops a rule; id=warning changes its severity', () => {
    const off = json(['check', '--rule', 'schema-type=off', 'plain/bad.yaml'], { cwd: work });
    assert.equal(off.code, 0);
    assert.deepEqual(loud(off.findings), []);
    assert.ok(!off.findings.some((finding) => finding.rule === 'schema-type'));
    const warning = json(['check', '--rule=schema-type=warning', 'plain/bad.yaml'], { cwd: work });
    assert.equal(warning.code, 0);
    assert.deepEqual(
      loud(warning.findings).map((finding) => [finding.rule, finding.severity]),
      [['schema-type', 'warning']],
    );
  });

  test('the nearest .podwise.yaml is found walking up from the cwd', () => {
    const { code, findings, stderr } = json(['check', '.'], { cwd: path('ws', 'app') });
    assert.equal(code, 0, stderr);
    assert.deepEqual(loud(findings), []);
  });

  test('exclude globs are relative to the config folder', () => {
    const { findings } = json(['check', '.', '--rule', 'schema-type=error'], { cwd: path('ws') });
    assert.deepEqual([...new Set(loud(findings).map((finding) => finding.file))], ['app/bad.yaml'], JSON.stringify(findings, null, 2));
    assert.ok(!findings.some((finding) => finding.file.startsWith('generated/')));
    const named = podwise(['check', 'generated/bad.yaml'], { cwd: path('ws') });
    assert.equal(named.code, 0);
    assert.match(named.stderr, /excluded/);
  });

  test('command-line flags beat the config file', () => {
    const { code, findings } = json(['check', 'app/bad.yaml', '--rule', 'schema-type=error'], { cwd: path('ws') });
    assert.equal(code, 1);
    assert.equal(loud(findings)[0].rule, 'schema-type');
  });

  test('--config FILE and --no-config', () => {
    const withConfig = json(['check', '--config', 'ws/.podwise.yaml', 'plain/bad.yaml'], { cwd: work });
    assert.equal(withConfig.code, 0);
    const without = json(['check', '--no-config', 'app/bad.yaml'], { cwd: path('ws') });
    assert.equal(without.code, 1);
  });

  test('a config error is reported in .podwise.yaml with its position; the rest of it applies', () => {
    const { code, findings } = json(['check', 'pod.yaml'], { cwd: path('typo') });
    assert.equal(code, 1);
    const configError = findings.find((finding) => finding.rule === 'config-invalid');
    assert.ok(configError, JSON.stringify(findings, null, 2));
    assert.equal(configError.file, '.podwise.yaml');
    assert.equal(configError.severity, 'error');
    assert.deepEqual(configError.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 5 } });
    assert.match(configError.message, /Did you mean "rules"/);
    // kubernetesVersion 1.31 from the same file still applies: pod-level resources are unknown there.
    assert.ok(findings.some((finding) => finding.file === 'pod.yaml' && finding.rule === 'schema-unknown-field'));
    const text = podwise(['check', 'pod.yaml', '--format', 'compact'], { cwd: path('typo') });
    assert.match(text.stdout, /^\.podwise\.yaml:2:1 error config-invalid /m);
  });

  test('static-Pod globs come from the config folder; --static-pod forces it', async () => {
    const engine = await import('../../dist/server/engine.js');
    if (!engine.isKnownRuleId('static-pod-kind')) return; // the static-Pod rules have not landed in this build
    const deployment =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector:\n    matchLabels: {app: d}\n  template:\n    metadata:\n      labels: {app: d}\n    spec:\n      containers:\n      - name: d\n        image: nginx:1.27\n';
    write('static/.podwise.yaml', 'staticPodPaths: ["nodes/**"]\n');
    write('static/nodes/d.yaml', deployment);
    write('static/etc/kubernetes/manifests/d.yaml', deployment);
    write('static/deploy/d.yaml', deployment);
    const rulesOf = (file, extra = []) => json(['check', file, ...extra], { cwd: path('static') }).findings.map((finding) => finding.rule);
    assert.ok(rulesOf('nodes/d.yaml').includes('static-pod-kind'), 'user glob');
    assert.ok(rulesOf('etc/kubernetes/manifests/d.yaml').includes('static-pod-kind'), 'default glob');
    assert.ok(!rulesOf('deploy/d.yaml').includes('static-pod-kind'));
    assert.ok(rulesOf('deploy/d.yaml', ['--static-pod']).includes('static-pod-kind'), '--static-pod');
  });
});

/** Validates a SARIF log against the official SARIF 2.1.0 JSON schema (shipped in an npm package). */
function assertValidSarif(log) {
  let Ajv;
  let schema;
  try {
    Ajv = require('ajv-draft-04');
    schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  } catch (error) {
    assert.fail(`the SARIF schema test needs the devDependencies ajv-draft-04 and @microsoft/jest-sarif (${error.message})`);
  }
  // The published schema is draft-04 and has one pattern that is invalid as a unicode RegExp.
  const ajv = new (Ajv.default ?? Ajv)({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value) => !Number.isNaN(Date.parse(value)));
  const validate = ajv.compile(schema);
  assert.ok(validate(log), `SARIF does not validate:\n${JSON.stringify(validate.errors, null, 2)}`);
}
