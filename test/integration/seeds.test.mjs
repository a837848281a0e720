// The acceptance bar: `podwise check --format json examples/` says every "must" of
// ../shared/seeds/EXPECTATIONS.md, and no error or warning that EXPECTATIONS does not list.
// Quick fixes the musts ask for are checked in process with the engine bundle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyzeText } from '../../dist/server/engine.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const STATIC = 'etc/kubernetes/manifests/';

let findings;
let listing;

before(() => {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'podwise.js'), 'check', '--format', 'json', 'examples'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.ok(result.status === 0 || result.status === 1, `podwise exited ${result.status}:\n${result.stderr}`);
  findings = JSON.parse(result.stdout);
  listing = findings.map((f) => `  ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`).join('\n');
});

/** Findings on one example file (name relative to examples/). */
const on = (file) => findings.filter((finding) => finding.file === `examples/${file}`);
const show = (file) =>
  `\nfindings on ${file}:\n${
    on(file)
      .map((f) => `  ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}`)
      .join('\n') || '  (none)'
  }\n\nall findings:\n${listing}`;

/** Asserts a finding of `rule` on `file`, optionally at a 1-based line and with a severity. */
function must(file, rule, { line, severity, message, count } = {}) {
  const matches = on(file).filter(
    (finding) => finding.rule === rule && (line === undefined || finding.range.start.line + 1 === line) && (severity === undefined || finding.severity === severity),
  );
  assert.ok(matches.length > 0, `expected ${severity ?? ''} ${rule}${line ? ` at line ${line}` : ''} on ${file}${show(file)}`);
  if (count !== undefined) assert.equal(matches.length, count, `expected ${count} × ${rule} on ${file}${show(file)}`);
  if (message) for (const match of matches) assert.match(match.message, message, `${rule} on ${file}${show(file)}`);
  return matches;
}

/** Error and warning findings EXPECTATIONS.md lists (musts, and advice it allows at warning level). */
const ALLOWED_LOUD = {
  [`${STATIC}000-mycron-static-pod.yaml`]: [],
  '001-static-web-as-published.yaml': ['schema-indentation-lost', 'schema-unknown-field', 'schema-required', 'meta-name-invalid', 'containers-empty'],
  [`${STATIC}001-static-web.yaml`]: ['image-latest-tag'],
  '001-init-containers.yaml': [],
  '001-pod-test1-crashloop.yaml': ['container-command-exits', 'image-latest-tag'],
  // "no probes on a 2-replica Deployment (readiness missing: warning or hint per RULES.md)"
  '001-tomcat-harbor.yaml': ['service-target-port-undeclared', 'rollout-missing-readiness'],
  '002-nfs-pv.yaml': ['pv-reclaim-recycle'],
  // The obsolete pod.alpha.kubernetes.io/initialized annotation: issue 3 asks for it, and the
  // PetSet must says the conversion drops it.
  '002-petset.yaml': ['api-version-removed', 'statefulset-zero-grace', 'deprecated-pod-annotation'],
  '003-nginx-pod.yaml': ['image-latest-tag'],
  // "the read-only emptyDir mount means nothing can ever write that directory (hint/warning)"
  '003-probes-lifecycle.yaml': ['image-latest-tag', 'emptydir-read-only'],
  '004-static-mysql-as-published.yaml': ['yaml-syntax', 'yaml-flattened'],
  [`${STATIC}004-static-mysql.yaml`]: ['schema-type', 'env-literal-secret'],
};

describe('seed manifests (EXPECTATIONS.md)', () => {
  test('every example file is covered and checked', () => {
    const files = new Set(findings.map((finding) => finding.file.replace(/^examples\//, '')));
    for (const file of files) assert.ok(file in ALLOWED_LOUD, `a finding on ${file}, which EXPECTATIONS.md does not cover`);
  });

  test('no error or warning that EXPECTATIONS.md does not list', () => {
    const unexpected = findings.filter((finding) => {
      if (finding.severity !== 'error' && finding.severity !== 'warning') return false;
      const allowed = ALLOWED_LOUD[finding.file.replace(/^examples\//, '')] ?? [];
      return !allowed.includes(finding.rule);
    });
    assert.deepEqual(
      unexpected.map((f) => `${f.file}:${f.range.start.line + 1} ${f.severity} ${f.rule}`),
      [],
      `errors/warnings EXPECTATIONS.md does not list:\n${unexpected.map((f) => `  ${f.file}:${f.range.start.line + 1} ${f.severity} ${f.rule} ${f.message}`).join('\n')}\n\nall findings:\n${listing}`,
    );
  });

  test('000-mycron-static-pod.yaml (static): no errors, no warnings', () => {
    assert.deepEqual(
      on(`${STATIC}000-mycron-static-pod.yaml`).filter((f) => f.severity === 'error' || f.severity === 'warning'),
      [],
      show(`${STATIC}000-mycron-static-pod.yaml`),
    );
  });

  test('001-static-web-as-published.yaml: a handful of clear findings; the lost indentation said once', () => {
    const file = '001-static-web-as-published.yaml';
    must(file, 'schema-indentation-lost', { count: 1, line: 5, severity: 'error', message: /indentation/i });
    // The misplaced keys are named in the one indentation finding instead of one finding each.
    assert.equal(on(file).filter((f) => f.rule === 'schema-unknown-field').length, 0, `per-key unknown-field findings should be folded into the indentation finding${show(file)}`);
    const all = on(file);
    // One finding says it all (issue #11): the empty metadata and spec follow from the lost
    // indentation, so its detail (the hover) names what they miss instead of follow-on findings.
    const tells = (f) => `${f.message}\n${f.detail ?? ''}`;
    const missingName = all.find((f) => ['schema-required', 'meta-name-invalid', 'schema-indentation-lost'].includes(f.rule) && /metadata\.name/.test(tells(f)));
    assert.ok(missingName, `expected a finding that the required metadata.name is missing${show(file)}`);
    const missingContainers = all.find((f) => ['schema-required', 'containers-empty', 'schema-indentation-lost'].includes(f.rule) && /spec\.containers/.test(tells(f)));
    assert.ok(missingContainers, `expected a finding that spec.containers is missing${show(file)}`);
    const fields = ['name', 'labels', 'app', 'containers', 'image', 'ports', 'containerPort'];
    const said = all.map(tells).join('\n');
    for (const field of fields) assert.match(said, new RegExp(`"${field}"`), `"${field}" is not named as misplaced${show(file)}`);
    assert.deepEqual(
      all.map((f) => f.rule),
      ['schema-indentation-lost'],
      `one finding, no follow-ons${show(file)}`,
    );
  });

  test('001-static-web.yaml (static): image-latest-tag warning on image: nginx', () => {
    must(`${STATIC}001-static-web.yaml`, 'image-latest-tag', { line: 12, severity: 'warning' });
  });

  test('001-init-containers.yaml: no errors', () => {
    assert.deepEqual(
      on('001-init-containers.yaml').filter((f) => f.severity === 'error'),
      [],
      show('001-init-containers.yaml'),
    );
  });

  test('001-pod-test1-crashloop.yaml: echo exits under restartPolicy Always; untagged nginx', () => {
    const file = '001-pod-test1-crashloop.yaml';
    must(file, 'container-command-exits', { severity: 'warning', message: /crash-loop/ });
    must(file, 'image-latest-tag', { line: 10, severity: 'warning' });
    const [exits] = on(file).filter((f) => f.rule === 'container-command-exits');
    assert.ok(exits.range.start.line + 1 >= 9 && exits.range.start.line + 1 <= 12, `container-command-exits near the command (line 12)${show(file)}`);
    assert.match(exits.detail, /restartPolicy defaults to Always.*CrashLoopBackOff/, 'says why it crash-loops');
    assert.match(exits.detail, /Never|OnFailure|Job/, 'suggests a one-shot restartPolicy or a Job');
  });

  test('001-tomcat-harbor.yaml: targetPort 8080 is not declared by the selected Pods; the Secret is fine', () => {
    const file = '001-tomcat-harbor.yaml';
    const [finding] = must(file, 'service-target-port-undeclared', { severity: 'warning', message: /8080/ });
    assert.ok(finding.range.start.line + 1 >= 32, `reported on the Service (targetPort, line 40)${show(file)}`);
    assert.deepEqual(
      on(file).filter((f) => f.severity === 'error'),
      [],
      show(file),
    );
    assert.deepEqual(
      on(file).filter((f) => f.rule === 'image-latest-tag'),
      [],
      `the image 192.168.80.30/kgc-project/tomcat:v1 is tagged${show(file)}`,
    );
  });

  test('002-nfs-pv.yaml: the Recycle reclaim policy is deprecated', () => {
    for (const finding of must('002-nfs-pv.yaml', 'pv-reclaim-recycle', { severity: 'warning', count: 2, message: /Recycle.*deprecated/ })) {
      assert.match(finding.detail, /Retain|Delete|dynamic/i, 'names the replacement');
    }
  });

  test('002-petset.yaml: PetSet is a removed API (error) naming apps/v1 StatefulSet; zero grace on a stateful workload', () => {
    const file = '002-petset.yaml';
    must(file, 'api-version-removed', { severity: 'error', line: 18, message: /apps\/v1 StatefulSet/ });
    must(file, 'statefulset-zero-grace', { severity: 'warning', line: 32 });
    assert.ok(
      !on(file).some((f) => f.severity === 'error' && /serviceName|headless/i.test(f.message)),
      `no error about serviceName: the headless Service is in the file${show(file)}`,
    );
  });

  test('002-petset.yaml: the quick fix converts the PetSet to an apps/v1 StatefulSet', () => {
    const text = readFileSync(join(root, 'examples', '002-petset.yaml'), 'utf8');
    const removed = analyzeText(text, { kubernetesVersion: '1.36' }).findings.find((f) => f.ruleId === 'api-version-removed');
    const fix = removed?.fixes.find((candidate) => /StatefulSet/.test(candidate.title));
    assert.ok(fix, `a fix converting to StatefulSet; got ${removed?.fixes.map((f) => f.title).join(' | ') || 'none'}`);
    const fixed = applyEdits(text, fix.edits);
    assert.match(fixed, /^apiVersion: apps\/v1\nkind: StatefulSet$/m);
    assert.match(fixed, /selector:\n\s+matchLabels:\n\s+app: nginx/);
    assert.doesNotMatch(fixed, /pod\.alpha\.kubernetes\.io\/initialized/);
    assert.match(fixed, /# A headless service to create DNS records/, 'comments survive');
    const after = analyzeText(fixed, { kubernetesVersion: '1.36' }).findings;
    assert.deepEqual(
      after.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`),
      [],
      `the converted file has no errors:\n${fixed}`,
    );
    // Without its headless Service, the StatefulSet's serviceName points nowhere: a warning.
    const withoutService = fixed.slice(fixed.indexOf('\n---\n') + 5);
    const lonely = analyzeText(withoutService, { kubernetesVersion: '1.36' }).findings;
    assert.ok(
      lonely.some((f) => f.severity === 'warning' && /service/i.test(f.ruleId) && /nginx/.test(f.message)),
      `a warning that the governing Service "nginx" is missing; got:\n${lonely.map((f) => `  ${f.severity} ${f.ruleId} ${f.message}`).join('\n')}`,
    );
  });

  test('003-nginx-pod.yaml: untagged nginx with IfNotPresent is still latest; nothing else loud', () => {
    const file = '003-nginx-pod.yaml';
    must(file, 'image-latest-tag', { line: 14, severity: 'warning' });
    assert.deepEqual(
      on(file).filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.rule !== 'image-latest-tag'),
      [],
      show(file),
    );
  });

  test('003-probes-lifecycle.yaml: no errors; latest on nginx:latest and the untagged busybox', () => {
    const file = '003-probes-lifecycle.yaml';
    assert.deepEqual(
      on(file).filter((f) => f.severity === 'error'),
      [],
      show(file),
    );
    must(file, 'image-latest-tag', { line: 20, severity: 'warning' });
    must(file, 'image-latest-tag', { line: 25, severity: 'warning' });
  });

  test('004-static-mysql-as-published.yaml: a few findings (syntax + flattened), never dozens', () => {
    const file = '004-static-mysql-as-published.yaml';
    must(file, 'yaml-syntax', { count: 1 });
    must(file, 'yaml-flattened', { count: 1 });
    assert.ok(on(file).length <= 3, `at most a few findings${show(file)}`);
  });

  test('004-static-mysql.yaml (static): the number env value (quote fix); a literal password without "use a Secret"', () => {
    const file = `${STATIC}004-static-mysql.yaml`;
    must(file, 'schema-type', { line: 14, severity: 'error', message: /string/ });
    const [secret] = must(file, 'env-literal-secret', { severity: 'warning' });
    assert.ok(secret.range.start.line + 1 >= 12 && secret.range.start.line + 1 <= 14, `env-literal-secret on the MYSQL_ROOT_PASSWORD entry${show(file)}`);
    assert.match(secret.detail, /hostPath|_FILE|file/i, 'suggests a file on a hostPath volume');

    const text = readFileSync(join(root, 'examples', file), 'utf8');
    const engineFindings = analyzeText(text, { kubernetesVersion: '1.36', staticPodManifest: true }).findings;
    const typeFinding = engineFindings.find((f) => f.ruleId === 'schema-type');
    const quote = typeFinding?.fixes.find((fix) => /quote/i.test(fix.title));
    assert.ok(quote, `a quote fix on the number; got ${typeFinding?.fixes.map((f) => f.title).join(' | ') || 'none'}`);
    assert.match(applyEdits(text, quote.edits), /value: "123456"/);
    const secretFinding = engineFindings.find((f) => f.ruleId === 'env-literal-secret');
    for (const fix of secretFinding?.fixes ?? []) {
      assert.doesNotMatch(fix.title, /secretKeyRef|use a Secret|create a Secret/i, `a static Pod cannot reference a Secret: "${fix.title}"`);
    }
  });
});

function applyEdits(text, edits) {
  return [...edits].sort((a, b) => b.range.start - a.range.start).reduce((result, edit) => result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end), text);
}
