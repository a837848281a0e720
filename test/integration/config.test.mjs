// `.podwise.yaml` parsing (findings with ranges), settings precedence and glob matching.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as engine from '../../dist/server/engine.js';

const { parseConfigFile, mergeSettings, isStaticPodPath, isExcluded, DEFAULT_SETTINGS, LineIndex } = engine;

test('the engine bundle exports the config API', () => {
  for (const name of ['parseConfigFile', 'mergeSettings', 'isStaticPodPath', 'isExcluded']) {
    assert.equal(typeof engine[name], 'function', `server/src/engine/index.ts must export ${name} (from ./config/config-file and ./config/resolve-settings)`);
  }
});

/** `{line, character, text}` of each finding, 0-based. */
function placed(text, findings) {
  const lines = new LineIndex(text);
  return findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    start: lines.positionAt(finding.range.start),
    text: text.slice(finding.range.start, finding.range.end),
    fixes: finding.fixes,
  }));
}

describe('parseConfigFile', () => {
  test('a valid file gives settings and no findings', () => {
    const text = [
      'kubernetesVersion: "1.33"',
      'rules:',
      '  schema-type: warning',
      '  yaml-duplicate-key: off',
      'exclude:',
      '  - generated/**',
      'staticPodPaths: ["nodes/*/manifests/**"]',
      'inlayHints:',
      '  enabled: false',
      '',
    ].join('\n');
    const { settings, findings } = parseConfigFile(text);
    assert.deepEqual(findings, []);
    assert.deepEqual(settings, {
      kubernetesVersion: '1.33',
      rules: { 'schema-type': 'warning', 'yaml-duplicate-key': 'off' },
      exclude: ['generated/**'],
      staticPodPaths: ['nodes/*/manifests/**'],
      inlayHints: { enabled: false },
    });
  });

  test('empty and comment-only files are fine', () => {
    for (const text of ['', '\n', '# nothing yet\n', '---\n']) {
      assert.deepEqual(parseConfigFile(text), { settings: {}, findings: [] }, JSON.stringify(text));
    }
  });

  test('an unquoted 1.30 means version 1.30, not 1.3', () => {
    assert.equal(parseConfigFile('kubernetesVersion: 1.30\n').settings.kubernetesVersion, '1.30');
    assert.equal(parseConfigFile("kubernetesVersion: '1.36'\n").settings.kubernetesVersion, '1.36');
  });

  test('a dotted inlayHints.enabled key works too', () => {
    assert.deepEqual(parseConfigFile('inlayHints.enabled: false\n').settings, { inlayHints: { enabled: false } });
  });

  test('an unknown key is reported on the key, with did-you-mean and a fix', () => {
    const text = 'kubernetesVersion: "1.33"\nrulez:\n  schema-type: off\n';
    const [finding, ...rest] = placed(text, parseConfigFile(text).findings);
    assert.equal(rest.length, 0);
    assert.equal(finding.rule, 'config-invalid');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.start, { line: 1, character: 0 });
    assert.equal(finding.text, 'rulez');
    assert.match(finding.message, /Unknown setting "rulez".*Did you mean "rules"\?/);
    assert.equal(finding.fixes[0].edits[0].newText, 'rules');
  });

  test('case slips are caught (staticpodpaths → staticPodPaths)', () => {
    const { findings } = parseConfigFile('staticpodpaths: []\n');
    assert.match(findings[0].message, /Did you mean "staticPodPaths"/);
  });

  test('an unknown rule id is reported on the id; the other rules still apply', () => {
    const text = 'rules:\n  schema-typ: off\n  schema-enum: warning\n';
    const { settings, findings } = parseConfigFile(text);
    const [finding] = placed(text, findings);
    assert.equal(findings.length, 1);
    assert.deepEqual(finding.start, { line: 1, character: 2 });
    assert.equal(finding.text, 'schema-typ');
    assert.match(finding.message, /Unknown rule id "schema-typ".*Did you mean "schema-type"/);
    assert.deepEqual(settings.rules, { 'schema-enum': 'warning' });
  });

  test('a bad severity is reported on the value', () => {
    const text = 'rules:\n  schema-type: warn\n  schema-enum: 3\n';
    const found = placed(text, parseConfigFile(text).findings);
    assert.equal(found.length, 2);
    assert.deepEqual(found[0].start, { line: 1, character: 15 });
    assert.equal(found[0].text, 'warn');
    assert.match(found[0].message, /"warn" is not a severity.*Did you mean "warning"/);
    assert.equal(found[1].text, '3');
    assert.match(found[1].message, /error, warning, info, hint, off/);
  });

  test('an unsupported version is reported with the supported range', () => {
    const text = 'kubernetesVersion: "1.22"\n';
    const { settings, findings } = parseConfigFile(text);
    const [finding] = placed(text, findings);
    assert.equal(finding.text, '"1.22"');
    assert.match(finding.message, /1\.22.*not supported.*1\.29 to 1\.36/);
    assert.equal(settings.kubernetesVersion, undefined);
  });

  test('wrong types are reported where they are', () => {
    const text = ['rules: [a]', 'exclude: 5', 'staticPodPaths:', '  - ok/**', '  - {a: 1}', 'inlayHints:', '  enabled: "yes"', '  colour: red', 'kubernetesVersion: [1]', ''].join(
      '\n',
    );
    const found = placed(text, parseConfigFile(text).findings);
    const byLine = Object.fromEntries(found.map((f) => [f.start.line, f]));
    assert.match(byLine[0].message, /rules must be a mapping/);
    assert.match(byLine[1].message, /exclude must be a list of globs/);
    assert.match(byLine[4].message, /glob string, not a mapping/);
    assert.match(byLine[6].message, /inlayHints\.enabled must be true or false/);
    assert.match(byLine[7].message, /Unknown inlayHints setting "colour"/);
    assert.match(byLine[8].message, /kubernetesVersion must be a version/);
    assert.equal(found.length, 6);
    assert.deepEqual(parseConfigFile(text).settings.staticPodPaths, ['ok/**']);
  });

  test('globs must stay inside the workspace', () => {
    const text = ['exclude:', '  - /etc/**', '  - ../other/**', '  - "!keep/../../x"', '  - C:\\stuff\\**', '  - fine/**', '  - ./also-fine/**', ''].join('\n');
    const { settings, findings } = parseConfigFile(text);
    const found = placed(text, findings);
    assert.deepEqual(
      found.map((f) => f.start.line),
      [1, 2, 3, 4],
    );
    assert.match(found[0].message, /absolute path/);
    assert.match(found[1].message, /leaves the workspace/);
    assert.deepEqual(settings.exclude, ['fine/**', './also-fine/**']);
  });

  test('YAML errors, duplicate keys and extra documents are reported', () => {
    const broken = 'rules:\n  schema-type: [off\n';
    const [syntax] = parseConfigFile(broken).findings;
    assert.equal(syntax.ruleId, 'config-invalid');
    assert.match(syntax.message, /YAML syntax error/);

    const duplicate = 'exclude: [a/**]\nexclude: [b/**]\n';
    const found = placed(duplicate, parseConfigFile(duplicate).findings);
    assert.equal(found.length, 1);
    assert.equal(found[0].start.line, 1);
    assert.match(found[0].message, /Duplicate key "exclude"/);

    const twoDocs = 'exclude: [a/**]\n---\nrules: {}\n';
    const [extra] = placed(twoDocs, parseConfigFile(twoDocs).findings);
    assert.equal(extra.start.line, 1);
    assert.match(extra.message, /one YAML document/);

    const scalar = 'just a string\n';
    assert.match(parseConfigFile(scalar).findings[0].message, /must be a mapping/);
  });

  test('a __proto__ key is an unknown setting, not a prototype; deep nesting costs nothing', () => {
    const text = '__proto__: { kubernetesVersion: "1.20" }\nrules:\n  __proto__: off\n';
    const { settings, findings } = parseConfigFile(text);
    assert.deepEqual(
      findings.map((finding) => finding.path),
      [['__proto__'], ['rules', '__proto__']],
    );
    assert.equal(settings.kubernetesVersion, undefined);
    assert.equal(Object.getPrototypeOf(settings.rules), Object.prototype);
    const deep = `rules: ${'['.repeat(500)}${']'.repeat(500)}\n`;
    assert.match(parseConfigFile(deep).findings[0].message, /rules must be a mapping/);
  });

  test('a did-you-mean fix replaces the value or key the problem is about, also under a flow mapping', () => {
    const text = 'rules: { schema-type: warn }\n';
    const [finding] = parseConfigFile(text).findings;
    assert.equal(text.slice(finding.range.start, finding.range.end), 'warn');
    assert.deepEqual(finding.fixes[0].edits, [{ range: finding.range, newText: 'warning' }]);
  });

  test('never throws on odd input', () => {
    for (const text of ['{', '- a\n- b\n', ':\n', '? [a]\n: b\n', 'rules:\n  ? [x]\n  : off\n', '&a [*a]\n', 'x: !!binary AAAA\n', '\u0000\u0001']) {
      const result = parseConfigFile(text);
      assert.ok(Array.isArray(result.findings), JSON.stringify(text));
    }
  });
});

describe('mergeSettings: defaults < editor < .podwise.yaml < CLI flags', () => {
  const editor = { kubernetesVersion: '1.31', rules: { 'schema-type': 'warning', 'schema-enum': 'info' }, exclude: ['editor/**'], inlayHints: { enabled: false } };
  const file = { kubernetesVersion: '1.33', rules: { 'schema-type': 'off' }, exclude: ['file/**'], staticPodPaths: ['nodes/**'] };
  const flags = { kubernetesVersion: '1.35', rules: { 'schema-enum': 'error' } };

  test('later layers win, rules merge per id', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, editor, file, flags);
    assert.equal(settings.kubernetesVersion, '1.35');
    assert.deepEqual(settings.rules, { 'schema-type': 'off', 'schema-enum': 'error' });
    assert.deepEqual(settings.inlayHints, { enabled: false });
  });

  test('glob lists add up; defaults stay', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, editor, file, flags);
    assert.deepEqual(settings.exclude, ['editor/**', 'file/**']);
    assert.deepEqual(settings.staticPodPaths, [...DEFAULT_SETTINGS.staticPodPaths, 'nodes/**']);
  });

  test('missing layers change nothing and the base is not mutated', () => {
    const before = JSON.stringify(DEFAULT_SETTINGS);
    const settings = mergeSettings(DEFAULT_SETTINGS, undefined, {}, null);
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    mergeSettings(DEFAULT_SETTINGS, editor, file).rules.x = 'off';
    assert.equal(JSON.stringify(DEFAULT_SETTINGS), before);
  });

  test('the file beats the editor when flags are silent', () => {
    assert.equal(mergeSettings(DEFAULT_SETTINGS, editor, file).kubernetesVersion, '1.33');
    assert.equal(mergeSettings(DEFAULT_SETTINGS, editor).kubernetesVersion, '1.31');
    assert.equal(mergeSettings(DEFAULT_SETTINGS).kubernetesVersion, DEFAULT_SETTINGS.kubernetesVersion);
  });
});

describe('glob matching', () => {
  const defaults = mergeSettings?.(DEFAULT_SETTINGS) ?? DEFAULT_SETTINGS;

  test('the default static-Pod globs', () => {
    assert.ok(isStaticPodPath('etc/kubernetes/manifests/kube-apiserver.yaml', defaults));
    assert.ok(isStaticPodPath('examples/etc/kubernetes/manifests/web.yaml', defaults));
    assert.ok(isStaticPodPath('node1/kubernetes/manifests/etcd.yaml', defaults));
    assert.ok(isStaticPodPath('kubernetes/manifests/etcd.yaml', defaults));
    assert.ok(isStaticPodPath('etc/kubernetes/manifests/.hidden.yaml', defaults), 'dot: true');
    assert.ok(isStaticPodPath('etc\\kubernetes\\manifests\\win.yaml', defaults), 'backslashes are separators');
    assert.ok(isStaticPodPath('./etc/kubernetes/manifests/a.yaml', defaults));
    assert.ok(!isStaticPodPath('deploy/web.yaml', defaults));
    assert.ok(!isStaticPodPath('etc/kubernetes/manifest/web.yaml', defaults));
  });

  test('user globs add to the defaults; "!" takes matches back', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, { staticPodPaths: ['nodes/*/static/*.yaml', '!**/kubernetes/manifests/skip/**'] });
    assert.ok(isStaticPodPath('nodes/n1/static/a.yaml', settings));
    assert.ok(isStaticPodPath('etc/kubernetes/manifests/a.yaml', settings));
    assert.ok(!isStaticPodPath('etc/kubernetes/manifests/skip/a.yaml', settings));
    assert.ok(!isStaticPodPath('nodes/n1/other/a.yaml', settings));
  });

  test('exclude globs, folder names and dotfiles', () => {
    const settings = mergeSettings(DEFAULT_SETTINGS, { exclude: ['generated/**', 'vendor', '**/*.tmpl.yaml', '.github/**'] });
    assert.ok(isExcluded('generated/a.yaml', settings));
    assert.ok(isExcluded('generated/deep/b.yml', settings));
    assert.ok(isExcluded('vendor/x/y.yaml', settings), 'a folder name covers what is below it');
    assert.ok(isExcluded('a/b/c.tmpl.yaml', settings));
    assert.ok(isExcluded('.github/workflows/ci.yml', settings));
    assert.ok(!isExcluded('src/generated.yaml', settings));
    assert.ok(!isExcluded('app/vendor.yaml', settings));
    assert.ok(!isExcluded('deploy/app.yaml', DEFAULT_SETTINGS));
  });
});
