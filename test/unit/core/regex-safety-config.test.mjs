// User-controlled sizes in `.podwise.yaml` and in the glob settings (issue #9): duplicate keys are
// found in one pass, not by `yaml`'s quadratic `uniqueKeys`; globs that would backtrack for minutes
// in picomatch are refused with a finding (and match nothing when they come from editor settings);
// rules, globs, glob length, path length and the file itself are bounded. Inputs of the "was:" tests
// are sized so that the old code took over 20 s on the 2-core development machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_BRACE_ALTERNATIVES,
  MAX_CONFIG_FINDINGS,
  MAX_CONFIG_RULES,
  MAX_CONFIG_SIZE,
  MAX_GLOB_LENGTH,
  MAX_GLOBS,
  MAX_MATCHED_GLOBS,
  MAX_PATH_DEPTH,
  MAX_PATH_LENGTH,
  MAX_PATH_SEGMENT_LENGTH,
  globProblem,
  isExcluded,
  isStaticPodPath,
  matchesGlobs,
  parseConfigFile,
} from '../../../dist/server/engine.js';

const BOUND_MS = 5000;

function within(label, fn, bound = BOUND_MS) {
  const started = performance.now();
  const result = fn();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${label} took ${Math.round(elapsed)} ms (bound ${bound} ms)`);
  return result;
}

const rulesConfig = (count, id = (i) => `r${i}`) => `rules:\n${Array.from({ length: count }, (_, i) => `  ${id(i)}: off\n`).join('')}`;

test('20,000 rules entries parse within the bound, with one finding for the entries past the limit', () => {
  const { settings, findings } = within('parseConfigFile', () => parseConfigFile(rulesConfig(20_000)));
  assert.deepEqual(settings.rules, {});
  const limit = findings.find((finding) => finding.message.startsWith('rules has 20000 entries'));
  assert.ok(limit, 'the limit is reported');
  assert.deepEqual(limit.path, ['rules']);
  assert.ok(findings.length <= MAX_CONFIG_FINDINGS + 1, `findings are capped, got ${findings.length}`);
});

test('60,000 duplicate rules keys are found in one pass (was: 36 s, yaml uniqueKeys)', () => {
  const text = `rules:\n  image-latest-tag: off\n${'  r: off\n'.repeat(60_000)}`;
  const { settings, findings } = within('parseConfigFile', () => parseConfigFile(text));
  assert.equal(settings.rules['image-latest-tag'], 'off');
  assert.equal(findings.length, MAX_CONFIG_FINDINGS + 1);
  assert.match(findings[0].message, /^Duplicate key "r"/);
  // The second `r` is the first duplicate, ranged on its key.
  const second = text.indexOf('  r:', text.indexOf('  r:') + 1) + 2;
  assert.deepEqual(findings[0].range, { start: second, end: second + 1 });
  assert.match(findings[MAX_CONFIG_FINDINGS].message, /more problems in this config file are not listed/);
});

test('duplicate keys are still reported at every level, in document order, before a syntax error stops the reading', () => {
  const text = 'kubernetesVersion: "1.33"\ninlayHints:\n  enabled: true\n  enabled: false\n"kubernetesVersion": "1.34"\nexclude: [a, b\n';
  const messages = parseConfigFile(text).findings.map((finding) => finding.message);
  assert.match(messages[0], /^Duplicate key "enabled"/);
  assert.match(messages[1], /^Duplicate key "kubernetesVersion"/);
  assert.match(messages[2], /^YAML syntax error/);
  assert.equal(messages.length, 3);
  const clean = parseConfigFile('rules:\n  image-latest-tag: off\nexclude: ["a/**"]\n');
  assert.deepEqual(clean.findings, []);
});

test('rules entries past the limit are ignored with one finding on the first of them', () => {
  const text = rulesConfig(MAX_CONFIG_RULES + 5, (i) => (i === MAX_CONFIG_RULES + 1 ? 'image-latest-tag' : `image-latest-tag-${i}`));
  const { settings, findings } = parseConfigFile(text);
  const limit = findings.find((finding) => finding.message.includes(`reads the first ${MAX_CONFIG_RULES}`));
  assert.ok(limit);
  assert.equal(text.slice(limit.range.start, limit.range.end), `image-latest-tag-${MAX_CONFIG_RULES}`);
  assert.equal(settings.rules['image-latest-tag'], undefined, 'an entry past the limit does not apply');
});

test('exclude and staticPodPaths keep the first MAX_GLOBS globs and report the rest', () => {
  const globs = Array.from({ length: MAX_GLOBS + 3 }, (_, i) => `  - dir${i}/**\n`).join('');
  const { settings, findings } = parseConfigFile(`exclude:\n${globs}`);
  assert.equal(settings.exclude.length, MAX_GLOBS);
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].path, ['exclude', MAX_GLOBS]);
  assert.match(findings[0].message, new RegExp(`matches the first ${MAX_GLOBS}`));
});

test('a config file over the size limit applies nothing and says so', () => {
  const text = `kubernetesVersion: "1.33"\n# ${'x'.repeat(MAX_CONFIG_SIZE)}\n`;
  const { settings, findings } = within('parseConfigFile', () => parseConfigFile(text));
  assert.deepEqual(settings, {});
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'config-invalid');
  assert.match(findings[0].message, /reads config files of up to 1 MB/);
});

// Globs that compile to a backtracking regex, and what the glob check says about each.
const COSTLY_GLOBS = {
  '**/*a*a*a*a*a*a*a*a*a*a*ab': /"\*" wildcards/,
  '*(a)*(a)*(a)*(a)b': /extglob/,
  '+(a|aa)*b': /extglob/,
  '@(a|b)': /extglob/,
  '**/a/**/a/**/b': /"\*\*" parts/,
  '**/a/**/a*a*c': /in a glob with 2 "\*\*" parts/,
  '{a,aa}{a,aa}{a,aa}{a,aa}b': /brace groups/,
  '{a,{b,c}}': /nests brace groups/,
  '{a/**,b}/**': /"\/" inside a brace group/,
  [`{${Array.from({ length: MAX_BRACE_ALTERNATIVES + 1 }, (_, i) => `n${i}`).join(',')}}`]: /brace alternatives/,
  [`${'a'.repeat(MAX_GLOB_LENGTH)}/**`]: /characters long/,
};

test('globs that would backtrack are reported on their .podwise.yaml entry and not applied', () => {
  for (const [glob, message] of Object.entries(COSTLY_GLOBS)) {
    assert.match(globProblem(glob) ?? '', message, glob);
    assert.match(globProblem(`!${glob}`) ?? '', message, `!${glob}`);
    const { settings, findings } = parseConfigFile(`exclude:\n  - keep/**\n  - ${JSON.stringify(glob)}\n`);
    assert.deepEqual(settings.exclude, ['keep/**'], glob);
    assert.equal(findings.length, 1, glob);
    assert.deepEqual(findings[0].path, ['exclude', 1]);
    assert.equal(findings[0].ruleId, 'config-invalid');
  }
});

test('the globs real projects write are accepted and still match', () => {
  const cases = [
    ['**/templates/**/*.yaml', 'chart/templates/sub/deploy.yaml'],
    ['**/*-secret.yaml', 'a/b/db-secret.yaml'],
    ['{charts,vendor}/**', 'vendor/x/y.yaml'],
    ['generated', 'generated/a.yaml'],
    ['*.y?ml', 'pod.yaml'],
    ['[abc]*-*.yaml', 'b-pod-1.yaml'],
    ['**/etc/kubernetes/manifests/**', 'host/etc/kubernetes/manifests/kube-apiserver.yaml'],
    ['**/*.{yaml,yml}', '.github/x/pod.yml'],
  ];
  for (const [glob, path] of cases) {
    assert.equal(globProblem(glob), undefined, glob);
    assert.equal(matchesGlobs(path, [glob]), true, `${glob} matches ${path}`);
    assert.equal(matchesGlobs(path, [glob, `!${glob}`]), false, `!${glob} takes it back`);
  }
});

test('a catastrophic glob from editor settings matches nothing, at once (was: 25 s for a 40-character name)', () => {
  // Editor settings have no place to report a problem: the glob is ignored, the others still apply.
  const exclude = ['**/*a*a*a*a*a*a*a*a*a*a*ab', 'other/**'];
  assert.equal(
    within('isExcluded', () => isExcluded('a'.repeat(40), { exclude })),
    false,
  );
  assert.equal(isExcluded('other/a.yaml', { exclude }), true);
});

test('an extglob from editor settings matches nothing, at once (was: over 40 s for a 600-character name)', () => {
  const staticPodPaths = ['*(a)*(a)*(a)*(a)b'];
  assert.equal(
    within('isStaticPodPath', () => isStaticPodPath('a'.repeat(600), { staticPodPaths })),
    false,
  );
});

test('paths no file system has (too long, too deep, a name too long) match no glob, quickly', () => {
  const globs = ['**', '**/*a*b', '**/a/**/b'];
  const paths = [`${'d/'.repeat(MAX_PATH_LENGTH / 2)}a.yaml`, `${'d/'.repeat(MAX_PATH_DEPTH)}a.yaml`, `d/${'a'.repeat(MAX_PATH_SEGMENT_LENGTH + 1)}.yaml`];
  for (const path of paths)
    assert.equal(
      within(`matchesGlobs ${path.length}`, () => matchesGlobs(path, globs)),
      false,
    );
  // At the limits, the worst accepted globs stay cheap on the worst accepted paths.
  const deep = `${'a/'.repeat(MAX_PATH_DEPTH - 2)}${'a'.repeat(MAX_PATH_SEGMENT_LENGTH)}`;
  const worst = Array.from({ length: MAX_GLOBS }, (_, i) => (i % 2 === 0 ? `**/a/**/a*c${i}` : `**/*a*a${i}`));
  for (const glob of worst) assert.equal(globProblem(glob), undefined, glob);
  within('200 worst-case globs on a deep path', () => matchesGlobs(deep, worst));
  assert.equal(matchesGlobs(`${'a/'.repeat(10)}pod.yaml`, ['**']), true);
});

test('a huge glob list from editor settings is matched up to MAX_MATCHED_GLOBS, and the answer is remembered', () => {
  const globs = [...Array.from({ length: MAX_MATCHED_GLOBS }, (_, i) => `dir${i}/**`), 'late/**'];
  assert.equal(matchesGlobs('dir3/a.yaml', globs), true);
  assert.equal(matchesGlobs('late/a.yaml', globs), false, 'a glob past the limit does not apply');
  const many = Array.from({ length: 20_000 }, (_, i) => `x${i}/**`);
  within('20,000 globs, 200 paths, twice', () => {
    for (let round = 0; round < 2; round += 1) for (let i = 0; i < 200; i += 1) matchesGlobs(`p${i}/a.yaml`, many);
  });
});
