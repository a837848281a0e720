// `podwise check --crd PATH` and the config's `crds`: CustomResourceDefinitions read for the run
// (never checked or reported themselves), so a custom resource is validated against its CRD; and
// `--workspace-complete`, which makes a reference to an object the run lacks a warning.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'podwise.js');

function podwise(args, cwd) {
  const result = spawnSync(process.execPath, [BIN, 'check', '--no-config', '--time-limit', '0', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(result.error, undefined, `podwise ${args.join(' ')}: ${result.error?.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A group no bundled catalog knows, so only a CRD of the run can describe it. */
const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.podwise-test.example
spec:
  group: podwise-test.example
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer, minimum: 1}
              color: {type: string}
`;
/** Next to the CRD in its file: never checked, so its problem (a port of 0) is never reported. */
const BAD_SERVICE = `apiVersion: v1
kind: Service
metadata: {name: in-crd-file}
spec:
  ports: [{port: 0}]
`;
const WIDGET = `apiVersion: podwise-test.example/v1
kind: Widget
metadata:
  name: w
spec:
  size: 2
  colour: red
`;
const POD_WITH_CONFIG = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - configMapRef:
        name: missing-config
`;

let work;
function write(relative, content) {
  mkdirSync(dirname(join(work, relative)), { recursive: true });
  writeFileSync(join(work, relative), content);
}
const json = (run) => JSON.parse(run.stdout);

before(() => {
  work = mkdtempSync(join(tmpdir(), 'podwise-crd-'));
  write('crds/widget.yaml', `${WIDGET_CRD}---\n${BAD_SERVICE}`);
  write('crds/nested/other.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: unrelated}\n');
  write('app/widget.yaml', WIDGET);
  write('app/pod.yaml', POD_WITH_CONFIG);
  for (let i = 1; i <= 9; i += 1) write(`many/widget-${i}.yaml`, WIDGET.replace('name: w', `name: w-${i}`));
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('--crd', () => {
  test('without the CRD the custom resource is not validated', () => {
    const run = podwise(['--format', 'json', 'app/widget.yaml'], work);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(json(run), []);
  });

  test('a CRD file: its schema validates the custom resource; the CRD file itself is not checked or counted', () => {
    const run = podwise(['--format', 'json', '--crd', 'crds/widget.yaml', 'app/widget.yaml'], work);
    assert.equal(run.code, 1, run.stderr);
    const findings = json(run);
    assert.deepEqual(
      findings.map((finding) => [finding.file, finding.rule, finding.range.start.line]),
      [['app/widget.yaml', 'schema-unknown-field', 6]],
    );
    assert.match(findings[0].message, /colour/);
    assert.equal(run.stdout.includes('crds/'), false, 'nothing of the CRD file is reported');
    const compact = podwise(['--format', 'compact', '--crd', 'crds/widget.yaml', 'app/widget.yaml'], work);
    assert.match(compact.stderr, /\(1 file checked\)/);
  });

  test('a folder of CRDs, repeated flags, and the same output with worker threads as in one thread', () => {
    const args = ['--format', 'json', '--crd', 'crds', '--crd', 'crds/nested', 'many'];
    const single = podwise([...args, '--jobs', '1'], work);
    assert.equal(single.code, 1, single.stderr);
    assert.equal(json(single).length, 9);
    assert.ok(json(single).every((finding) => finding.rule === 'schema-unknown-field'));
    const workers = podwise([...args, '--jobs', '2'], work);
    assert.equal(workers.code, single.code, workers.stderr);
    assert.equal(workers.stdout, single.stdout);
    assert.equal(workers.stderr, single.stderr);
  });

  test("the config file's crds setting, relative to its folder", () => {
    write('cfg/.podwise.yaml', 'crds:\n  - ../crds/widget.yaml\n');
    const result = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--time-limit', '0', '../app/widget.yaml'], { cwd: join(work, 'cfg'), encoding: 'utf8' });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(
      JSON.parse(result.stdout).map((finding) => finding.rule),
      ['schema-unknown-field'],
    );
  });

  test('a --crd path that does not exist: exit code 2, the rest is still checked', () => {
    const run = podwise(['--format', 'compact', '--crd', 'nope', 'app'], work);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /podwise: --crd nope: no such file or directory/);
    assert.match(run.stdout, /configmap-ref-missing/);
  });

  test('--crd needs a value', () => {
    const run = podwise(['--crd'], work);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--crd needs a value/);
  });
});

describe('--workspace-complete', () => {
  // Two files: references are looked up across the files of a run.
  test('a reference to a ConfigMap the run lacks is info by default and a warning with the flag', () => {
    const plain = json(podwise(['--format', 'json', 'app'], work));
    assert.deepEqual(
      plain.map((finding) => [finding.rule, finding.severity, finding.range.start.line]),
      [['configmap-ref-missing', 'info', 10]],
    );
    const complete = json(podwise(['--format', 'json', '--workspace-complete', 'app'], work));
    assert.deepEqual(
      complete.map((finding) => [finding.rule, finding.severity, finding.range.start.line]),
      [['configmap-ref-missing', 'warning', 10]],
    );
  });

  test('takes no value', () => {
    const run = podwise(['--workspace-complete=yes', 'app/pod.yaml'], work);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--workspace-complete takes no value/);
  });
});
