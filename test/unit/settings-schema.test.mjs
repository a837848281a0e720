// One settings model: package.json's contribution is generated from SETTINGS_SCHEMA and the rule
// registry, and normalizeSettings reports the same problems for every source.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ALL_RULES, DEFAULT_SETTINGS, RULE_SETTINGS, SETTINGS_SCHEMA, normalizeSettings, parseConfigFile, settingName } from '../../dist/server/engine.js';
import { renderSettingsContribution, spliceConfiguration } from '../../scripts/generate-settings-contribution.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const packageText = readFileSync(join(ROOT, 'package.json'), 'utf8');
const contribution = JSON.parse(packageText).contributes.configuration;

describe('package.json contributes.configuration', () => {
  test('is exactly what the generator makes (run `npm run generate:settings` after changing the schema or the rules)', () => {
    assert.deepEqual(contribution, renderSettingsContribution());
    assert.equal(spliceConfiguration(packageText, renderSettingsContribution()), packageText, 'byte for byte, the rest of package.json untouched');
  });

  test('has every setting of the schema, with its default', () => {
    const keys = SETTINGS_SCHEMA.map((spec) => `podwise.${spec.key}`);
    assert.deepEqual(Object.keys(contribution.properties), keys);
    assert.equal(contribution.properties['podwise.kubernetesVersion'].default, DEFAULT_SETTINGS.kubernetesVersion);
    assert.deepEqual(contribution.properties['podwise.staticPodPaths'].default, DEFAULT_SETTINGS.staticPodPaths);
    assert.equal(contribution.properties['podwise.inlayHints.enabled'].default, DEFAULT_SETTINGS.inlayHints.enabled);
  });

  test('podwise.rules lists every rule id with the severities, and allows other ids (reported at run time)', () => {
    const rules = contribution.properties['podwise.rules'];
    const ids = ALL_RULES.map((rule) => rule.meta.id).sort();
    assert.deepEqual(Object.keys(rules.properties).sort(), ids);
    assert.ok(ids.includes('config-invalid'));
    for (const id of ids) assert.deepEqual(rules.properties[id].enum, [...RULE_SETTINGS], id);
    assert.deepEqual(rules.additionalProperties.enum, [...RULE_SETTINGS]);
  });

  test('splicing replaces only the configuration block', () => {
    const text =
      '{\n  "name": "x \\u2014 y",\n  "contributes": {\n    "languages": [{ "configuration": "./keep.json" }],\n    "configuration": { "old": true },\n    "after": 1\n  }\n}\n';
    const spliced = spliceConfiguration(text, { title: 'T', properties: {} });
    assert.ok(spliced.includes('"x \\u2014 y"') && spliced.includes('"./keep.json"') && spliced.includes('"after": 1'));
    assert.deepEqual(JSON.parse(spliced).contributes.configuration, { title: 'T', properties: {} });
  });
});

/** Bad values of every kind, as the editor would send them (and, as JSON is YAML, as a .podwise.yaml). */
const BAD = {
  kubernetesVersion: '1.22',
  rulez: { 'schema-type': 'off' },
  rules: { 'schema-typ': 'off', 'schema-type': 'warn', 'schema-enum': 3, 'image-latest-tag': 'off' },
  exclude: ['/etc/**', '../up/**', '**/*a*a*a*b', 5, 'fine/**'],
  staticPodPaths: 'nodes/**',
  inlayHints: { enabled: 'yes', colour: 'red' },
};

const shape = (problems) => problems.map((problem) => ({ path: problem.path, message: problem.message }));

describe('normalizeSettings', () => {
  test('the same bad input gives the same problems as editor settings and as .podwise.yaml', () => {
    const editor = normalizeSettings('editor', BAD);
    const file = parseConfigFile(JSON.stringify(BAD, null, 2));
    assert.deepEqual(
      shape(editor.problems),
      file.findings.map((finding) => ({ path: finding.path, message: finding.message })),
    );
    assert.deepEqual(editor.settings, file.settings, 'and the same valid part applies');
    assert.deepEqual(editor.settings.rules, { 'image-latest-tag': 'off' });
    assert.deepEqual(editor.settings.exclude, ['fine/**']);
    assert.deepEqual(editor.settings.staticPodPaths, ['nodes/**']);
    const messages = editor.problems.map((problem) => problem.message).join('\n');
    for (const expected of [
      /Kubernetes version "1\.22" is not supported/,
      /Unknown setting "rulez"\. Did you mean "rules"\?/,
      /Unknown rule id "schema-typ"\. Did you mean "schema-type"\?/,
      /"warn" is not a severity.*Did you mean "warning"/,
      /A rule takes one of error, warning, info, hint, off, not number 3/,
      /absolute path/,
      /leaves the workspace/,
      /"\*" wildcards/,
      /glob string, not number 5/,
      /inlayHints\.enabled must be true or false/,
      /Unknown inlayHints setting "colour"/,
    ]) {
      assert.match(messages, expected);
    }
    assert.equal(editor.problems.length, 11);
  });

  test('problems carry the did-you-mean as a replacement, and a path the front ends can name', () => {
    const { problems } = normalizeSettings('editor', { rules: { 'schema-typ': 'off' } });
    assert.deepEqual(problems[0].path, ['rules', 'schema-typ']);
    assert.equal(problems[0].replacement, 'schema-type');
    assert.equal(problems[0].at.target, 'key');
    assert.equal(settingName('editor', problems[0].path), 'podwise.rules.schema-typ');
    assert.equal(settingName('config-file', problems[0].path), 'rules.schema-typ');
    assert.equal(settingName('cli', problems[0].path), '--rule schema-typ');
  });

  test('nothing set is no problem; a non-object is one', () => {
    assert.deepEqual(normalizeSettings('editor', undefined), { settings: {}, problems: [] });
    assert.deepEqual(normalizeSettings('editor', null), { settings: {}, problems: [] });
    assert.equal(normalizeSettings('editor', 'x').problems.length, 1);
    // What VS Code sends with nothing changed: the contribution's defaults, all valid.
    const defaults = Object.fromEntries(SETTINGS_SCHEMA.map((spec) => [spec.key, spec.default]));
    assert.deepEqual(normalizeSettings('editor', { ...defaults, inlayHints: { enabled: true } }).problems, []);
  });

  test('costly globs and too many entries are reported, not silently ignored', () => {
    const globs = Array.from({ length: 205 }, (_, i) => `d${i}/**`);
    const { settings, problems } = normalizeSettings('editor', { exclude: ['*(a)b', ...globs] });
    assert.equal(settings.exclude.length, 199);
    assert.deepEqual(
      problems.map((problem) => problem.path),
      [
        ['exclude', 200],
        ['exclude', 0],
      ],
    );
  });

  test('the CLI reports an unknown --rule id and a bad version with the same words', () => {
    const run = (...args) => spawnSync(process.execPath, [join(ROOT, 'bin', 'podwise.js'), 'check', ...args], { cwd: ROOT, encoding: 'utf8' });
    const rule = normalizeSettings('cli', { rules: { 'schema-typ': 'off' } }).problems[0].message;
    const bad = run('--rule', 'schema-typ=off', 'examples');
    assert.equal(bad.status, 2);
    assert.ok(bad.stderr.includes(rule), bad.stderr);
    const severity = normalizeSettings('cli', { rules: { 'schema-type': 'loud' } }).problems[0].message;
    assert.ok(run('--rule', 'schema-type=loud', 'examples').stderr.includes(severity));
    const version = normalizeSettings('cli', { kubernetesVersion: '1.20' }).problems[0].message;
    assert.ok(run('--kubernetes-version', '1.20', 'examples').stderr.includes(version));
  });
});
