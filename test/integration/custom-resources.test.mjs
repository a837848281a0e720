// Custom resources of every project in the bundled CRD catalog, through the engine the CLI runs:
// test/fixtures/custom-resources/<project>/valid-*.yaml get no error, and each invalid-*.yaml
// gets exactly the findings its `# expect: <rule-id>` comments mark, on those lines. Real custom
// resources from the valid corpus get no error either, except the true bugs listed below.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, lineOf } from '../helpers/engine.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(root, 'test', 'fixtures', 'custom-resources');
const CORPUS = process.env.PODWISE_CORPUS ?? join(root, '..', 'shared', 'corpus');
const CATALOG = JSON.parse(readFileSync(join(root, 'schemas', 'crds', 'index.json'), 'utf8')).resources;
const GROUPS = new Set(Object.keys(CATALOG).map((key) => key.split('/')[0]));
const PROJECTS = readdirSync(FIXTURES).sort();

/** Findings the fixtures are about: schema and API-version ids, warnings and errors. */
const judged = (finding) => /^(schema|api-version)-/.test(finding.ruleId) && (finding.severity === 'error' || finding.severity === 'warning');

function expectations(text) {
  const expected = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/# expect: ([a-z0-9-]+)/g)) expected.push(`${index + 1} ${match[1]}`);
  });
  return expected.sort();
}

test('every catalog project has a valid and an invalid example', () => {
  assert.equal(PROJECTS.length, 12);
  for (const project of PROJECTS) {
    const files = readdirSync(join(FIXTURES, project));
    assert.ok(
      files.some((file) => file.startsWith('valid-')),
      `${project}: no valid example`,
    );
    assert.ok(
      files.some((file) => file.startsWith('invalid-')),
      `${project}: no invalid example`,
    );
  }
});

for (const project of PROJECTS) {
  describe(`custom resources: ${project}`, () => {
    for (const file of readdirSync(join(FIXTURES, project)).sort()) {
      const text = readFileSync(join(FIXTURES, project, file), 'utf8');
      test(file, () => {
        const findings = check(text, { filePath: join(FIXTURES, project, file) });
        if (file.startsWith('valid-')) {
          const errors = findings.filter((finding) => finding.severity === 'error');
          assert.deepEqual(
            errors.map((finding) => `${lineOf(text, finding) + 1} ${finding.ruleId}: ${finding.message}`),
            [],
          );
          return;
        }
        const expected = expectations(text);
        assert.ok(expected.length >= 3, `${file}: mark at least three defects`);
        const actual = findings
          .filter(judged)
          .map((finding) => `${lineOf(text, finding) + 1} ${finding.ruleId}`)
          .sort();
        assert.deepEqual(actual, expected, findings.map((finding) => `${lineOf(text, finding) + 1} ${finding.ruleId}: ${finding.message}`).join('\n'));
      });
    }
  });
}

/**
 * Custom resources in the valid corpus that the API server would refuse, by file, rule and reason.
 * (argo-cd-live-objects/knative-service.yaml uses serving.knative.dev/v1alpha1, which the bundled
 * Knative release no longer serves: a warning, since a cluster may run an older release.)
 */
const TRUE_BUGS = [['argo-cd-live-objects/application-degraded.yaml', 'schema-required', 'an Application reduced to its status for a health-check test: no metadata, no spec']];

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : /\.ya?ml$/.test(name) ? [full] : [];
  });
}

test('custom resources of the valid corpus get no error but the known true bugs', { skip: existsSync(join(CORPUS, 'valid')) ? false : `no corpus at ${CORPUS}` }, (t) => {
  const known = new Set(TRUE_BUGS.map(([file, rule]) => `${file} ${rule}`));
  const problems = [];
  let resources = 0;
  for (const path of listFiles(join(CORPUS, 'valid'))) {
    const text = readFileSync(path, 'utf8');
    const groups = [...text.matchAll(/^apiVersion:\s*["']?([a-z0-9.-]+)\//gm)].map((match) => match[1]);
    if (!groups.some((group) => GROUPS.has(group))) continue;
    resources++;
    const file = relative(join(CORPUS, 'valid'), path);
    for (const finding of check(text, { filePath: path }).filter((f) => f.severity === 'error' && /^(schema|api-version)-/.test(f.ruleId))) {
      if (!known.has(`${file} ${finding.ruleId}`)) problems.push(`${file}:${lineOf(text, finding) + 1} ${finding.ruleId}: ${finding.message}`);
    }
  }
  t.diagnostic(`${resources} corpus files with custom resources of the catalog`);
  assert.ok(resources >= 20, `only ${resources} corpus files with catalog custom resources`);
  assert.deepEqual(problems, []);
});
