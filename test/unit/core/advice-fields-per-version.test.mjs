// Advice never names a field the target version does not have (issue #12): a message or detail
// that names a field path (`securityContext.appArmorProfile`) names one the schema of the version
// it was reported for has, and a fix never writes a field that version's schema rejects. Checked
// at every supported version, on manifests that trigger advice and on the shared corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText, loadDefinitions, SUPPORTED_VERSIONS } from '../../../dist/server/engine.js';
import { applyEdits, yaml } from '../../helpers/engine.mjs';
import { SHARED_DIR } from '../../helpers/shared.mjs';

// ---- schema walking -------------------------------------------------------------------------

function resolve(definitions, node) {
  let current = node;
  for (let i = 0; current && current.$ref && i < 50; i += 1) current = definitions[current.$ref.replace('#/definitions/', '')];
  // Lists are walked through: `containers.securityContext` names a field of each item.
  while (current && current.items) current = resolve(definitions, current.items);
  return current;
}

function walks(definitions, root, segments) {
  let node = resolve(definitions, root);
  for (const segment of segments) {
    const next = node?.properties?.[segment];
    if (!next) return false;
    node = resolve(definitions, next);
  }
  return true;
}

const chainCache = new Map();
/** Whether some definition of `version` has the dotted field chain (its first field at any depth is a root). */
function versionHas(version, chain) {
  const key = `${version}|${chain}`;
  if (!chainCache.has(key)) {
    const definitions = loadDefinitions(version);
    const segments = chain.split('.');
    chainCache.set(
      key,
      Object.values(definitions).some((definition) => walks(definitions, definition, segments)),
    );
  }
  return chainCache.get(key);
}

/** Dotted camelCase chains in a text: `spec.securityContext.seccompProfile`, `securityContext.appArmorProfile`. */
function fieldChains(text) {
  const chains = new Set();
  for (const match of text.matchAll(/(?<![\w./-])[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)+(?!\.?[\w/-])/g)) {
    // Host names and annotation keys (`kubernetes.io`, `pod.alpha.kubernetes.io/x`) are not fields.
    if (/\.(io|com|org|net|dev|sh|local|yaml|yml|json|conf)$/.test(match[0]) || /\.k8s\./.test(match[0])) continue;
    chains.add(match[0].replace(/^spec\.template\.spec\./, 'spec.'));
  }
  return [...chains];
}

/** A chain that is a field path in at least one supported version is a field path (else it is prose). */
function isFieldChain(chain) {
  return SUPPORTED_VERSIONS.some((version) => versionHas(version, chain));
}

// ---- the check ----------------------------------------------------------------------------------

const key = (finding) => `${finding.ruleId}|${JSON.stringify(finding.path)}`;

/** Problems of one text at one version: advice naming missing fields, fixes the schema rejects. */
function problemsAt(name, text, version, { applyFixes }) {
  const problems = [];
  const findings = analyzeText(text, { kubernetesVersion: version }).findings;
  const unknownBefore = new Set(findings.filter((finding) => finding.ruleId === 'schema-unknown-field').map(key));
  for (const finding of findings) {
    for (const chain of fieldChains(`${finding.message}\n${finding.detail ?? ''}`)) {
      if (isFieldChain(chain) && !versionHas(version, chain))
        problems.push(`${name} @${version}: ${finding.ruleId} names "${chain}", which ${version} does not have: ${finding.message}`);
    }
    if (!applyFixes) continue;
    // Only a fix that writes a key can write an unknown field (a value, a quote or a deletion cannot).
    for (const fix of finding.fixes.filter((candidate) => candidate.edits.some((edit) => /(?:^|[\s{,-])[A-Za-z][\w.-]*:/.test(edit.newText)))) {
      const fixed = applyEdits(text, fix.edits);
      const written = writtenRanges(fix.edits);
      // Unknown fields the fix wrote: new findings inside the text it inserted (a removed
      // apiVersion's object was not schema-checked before, so its own old mistakes show up now).
      const added = analyzeText(fixed, { kubernetesVersion: version }).findings.filter(
        (after) =>
          after.ruleId === 'schema-unknown-field' && !unknownBefore.has(key(after)) && written.some((range) => after.range.start < range.end && range.start < after.range.end),
      );
      for (const after of added) problems.push(`${name} @${version}: fix "${fix.title}" of ${finding.ruleId} writes ${JSON.stringify(after.path)}, unknown in ${version}`);
    }
  }
  return problems;
}

/** Where each edit's new text lies in the edited text. */
function writtenRanges(edits) {
  let shift = 0;
  return [...edits]
    .sort((a, b) => a.range.start - b.range.start)
    .map((edit) => {
      const start = edit.range.start + shift;
      shift += edit.newText.length - (edit.range.end - edit.range.start);
      return { start, end: start + edit.newText.length };
    });
}

const ADVICE = {
  'apparmor-annotation': yaml`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
          annotations:
            container.apparmor.security.beta.kubernetes.io/web: runtime/default
            container.apparmor.security.beta.kubernetes.io/side: localhost/k8s-profile
        spec:
          containers:
          - name: web
            image: nginx:1.27
          - name: side
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
  `,
  'seccomp-annotations': yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
        container.seccomp.security.alpha.kubernetes.io/web: localhost/profile.json
        scheduler.alpha.kubernetes.io/critical-pod: ""
        security.alpha.kubernetes.io/sysctls: net.core.somaxconn=1024
    spec:
      containers:
      - name: web
        image: nginx:1.27
  `,
  'removed-api': yaml`
    apiVersion: extensions/v1beta1
    kind: Deployment
    metadata:
      name: web
    spec:
      rollbackTo:
        revision: 1
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
  `,
};

test('advice and fixes for deprecated annotations name only fields each version has', () => {
  const problems = [];
  for (const [name, text] of Object.entries(ADVICE)) for (const version of SUPPORTED_VERSIONS) problems.push(...problemsAt(name, text, version, { applyFixes: true }));
  assert.deepEqual(problems, []);
});

test('the AppArmor advice is there from 1.30 only, and its fix passes that version’s schema', () => {
  const text = ADVICE['apparmor-annotation'];
  const at = (version) => analyzeText(text, { kubernetesVersion: version }).findings.filter((finding) => finding.ruleId === 'deprecated-pod-annotation');
  assert.deepEqual(at('1.29'), []);
  const findings = at('1.30');
  assert.equal(findings.length, 2);
  for (const finding of findings) assert.match(finding.fixes[0].title, /appArmorProfile type (RuntimeDefault|Localhost)/);
});

test('the chain finder reads field paths and leaves host names and versions alone', () => {
  assert.deepEqual(fieldChains('use securityContext.appArmorProfile (spec.securityContext.seccompProfile), not pod.alpha.kubernetes.io/x in v1.16. Set spec.selector.'), [
    'securityContext.appArmorProfile',
    'spec.securityContext.seccompProfile',
    'spec.selector',
  ]);
  assert.equal(versionHas('1.29', 'securityContext.appArmorProfile'), false);
  assert.equal(versionHas('1.30', 'securityContext.appArmorProfile'), true);
  assert.equal(isFieldChain('securityContext.appArmorProfile'), true);
});

const CORPUS = join(SHARED_DIR, 'corpus');
const corpusFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? corpusFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );

test('corpus: no finding names a field its version does not have, no fix writes one', { skip: existsSync(CORPUS) ? false : 'the shared corpus is not beside the clone' }, () => {
  const problems = [];
  for (const folder of ['valid', 'legacy', 'fixtures']) {
    if (!existsSync(join(CORPUS, folder))) continue;
    for (const file of corpusFiles(join(CORPUS, folder))) {
      const text = readFileSync(file, 'utf8');
      // At the oldest version, which lacks the fields later versions added (the likely mistake);
      // the advice fixtures above run at every version.
      problems.push(...problemsAt(file.slice(CORPUS.length + 1), text, SUPPORTED_VERSIONS[0], { applyFixes: true }));
    }
  }
  assert.deepEqual(problems, []);
});
