// Paths in `.podwise.yaml` are confined to the folder that holds it: absolute globs, `~` and
// globs that climb out with `..` are reported (config-invalid, on the glob) and ignored, so a
// config cannot exclude, include or reclassify files outside its workspace. Through the CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'bin', 'podwise.js');

const POD =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n    livenessProbe:\n      httpGet: {path: /, port: 80}\n      successThreshold: 3\n';

const CONFIG = `# every glob but the last tries to reach outside this folder
exclude:
  - /etc/**
  - ../outside/**
  - sub/../../outside/**
  - "~/manifests/**"
  - 'C:\\\\manifests\\\\**'
  - "**/skip/**"
staticPodPaths:
  - ../**
  - /tmp/**
`;

let base;
let workspace;

before(() => {
  base = mkdtempSync(join(tmpdir(), 'podwise-confine-'));
  workspace = join(base, 'workspace');
  for (const dir of [join(workspace, 'app'), join(workspace, 'skip'), join(base, 'outside')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(workspace, '.podwise.yaml'), CONFIG);
  writeFileSync(join(workspace, 'app', 'pod.yaml'), POD);
  writeFileSync(join(workspace, 'skip', 'pod.yaml'), POD);
  writeFileSync(join(base, 'outside', 'pod.yaml'), POD);
});

after(() => rmSync(base, { recursive: true, force: true }));

function check(...args) {
  const run = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  return { ...run, findings: JSON.parse(run.stdout || '[]') };
}

test('absolute, home and ".." globs are reported on the config file, one by one', () => {
  const { findings, status } = check('.');
  const config = findings.filter((f) => f.file === '.podwise.yaml');
  assert.deepEqual(
    config.map((f) => f.rule),
    Array(7).fill('config-invalid'),
    JSON.stringify(config, null, 1),
  );
  assert.deepEqual(
    config.map((f) => f.range.start.line),
    [2, 3, 4, 5, 6, 9, 10],
  );
  assert.ok(config.every((f) => f.severity === 'error' && /absolute path|leaves the workspace/.test(f.message)));
  assert.equal(status, 1);
});

test('the walk stays inside the workspace and the one valid glob applies', () => {
  const { findings } = check('.');
  const files = new Set(findings.map((f) => f.file));
  assert.deepEqual([...files].sort(), ['.podwise.yaml', 'app/pod.yaml']);
});

test('a file outside the workspace is neither excluded nor made a static Pod by the config', () => {
  const { findings } = check('../outside/pod.yaml');
  const outside = findings.filter((f) => f.file.endsWith('outside/pod.yaml'));
  assert.ok(
    outside.some((f) => f.rule === 'probe-success-threshold'),
    'checked, not excluded by "../outside/**"',
  );
  assert.ok(!outside.some((f) => f.rule.startsWith('static-pod-')), 'not a static Pod by "../**" or "/tmp/**"');
  // The same file inside the workspace is checked normally (the config's own error aside).
  const inside = check('app/pod.yaml').findings.filter((f) => f.file === 'app/pod.yaml');
  assert.deepEqual(inside.map((f) => f.rule).sort(), outside.map((f) => f.rule).sort());
});

test('--config with a config outside the cwd still confines its globs to its own folder', () => {
  const { findings } = check('--config', join(workspace, '.podwise.yaml'), join(base, 'outside'));
  assert.ok(findings.some((f) => f.file.endsWith('outside/pod.yaml') && f.rule === 'probe-success-threshold'));
});
