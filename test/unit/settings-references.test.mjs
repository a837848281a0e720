// The settings of the checks across files (issue #14): workspaceIsComplete and crds, read the same
// from editor settings, .podwise.yaml and CLI flags, and merged over the layers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, SETTINGS_SCHEMA, mergeSettings, normalizeSettings, parseConfigFile, settingName } from '../../dist/server/engine.js';

test('both settings are in the schema with their defaults', () => {
  const keys = SETTINGS_SCHEMA.map((spec) => spec.key);
  assert.ok(keys.includes('workspaceIsComplete') && keys.includes('crds'));
  assert.equal(DEFAULT_SETTINGS.workspaceIsComplete, false);
  assert.deepEqual(DEFAULT_SETTINGS.crds, []);
});

test('workspaceIsComplete takes a boolean; crds takes paths (absolute and ~/ allowed) and globs', () => {
  const { settings, problems } = normalizeSettings('editor', { workspaceIsComplete: true, crds: ['/opt/crds/*.yaml', '~/crds/widget.yaml', 'vendor/crds/**/*.yaml'] });
  assert.deepEqual(problems, []);
  assert.equal(settings.workspaceIsComplete, true);
  assert.deepEqual(settings.crds, ['/opt/crds/*.yaml', '~/crds/widget.yaml', 'vendor/crds/**/*.yaml']);
  const bad = normalizeSettings('editor', { workspaceIsComplete: 'yes', crds: ['', 5] });
  assert.deepEqual(
    bad.problems.map((problem) => problem.path),
    [['workspaceIsComplete'], ['crds', 0], ['crds', 1]],
  );
  assert.equal(settingName('cli', ['workspaceIsComplete']), '--workspace-complete');
});

test('.podwise.yaml reads them like the editor; layers merge (crds add up, the last boolean wins)', () => {
  const file = parseConfigFile('workspaceIsComplete: true\ncrds: [crds/*.yaml]\n');
  assert.deepEqual(file.findings, []);
  const merged = mergeSettings(DEFAULT_SETTINGS, { crds: ['/a.yaml'], workspaceIsComplete: false }, file.settings);
  assert.equal(merged.workspaceIsComplete, true);
  assert.deepEqual(merged.crds, ['/a.yaml', 'crds/*.yaml']);
  assert.equal(mergeSettings(DEFAULT_SETTINGS).workspaceIsComplete, false);
});
