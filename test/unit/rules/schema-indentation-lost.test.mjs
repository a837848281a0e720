// schema-indentation-lost (issue #11): a manifest pasted without its indentation gets one finding
// (no follow-ons such as a missing name or no containers), with a fix that puts every key back
// under the parent it lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, assertFixClears, check, findingsOf } from '../../helpers/engine.mjs';

const ID = 'schema-indentation-lost';
// Seed 001 as the blog printed it, with a pinned image so the fixed Pod is clean.
const FLAT = `apiVersion: v1
kind: Pod
metadata:
name: static-web
labels:
app: static
spec:
containers:
- name: web
image: nginx:1.27
ports:
- name: web
containerPort: 80
`;

test('one finding, no follow-ons: the detail names the misplaced keys and what is missing', () => {
  const findings = check(FLAT);
  assert.deepEqual(
    findings.map((finding) => finding.ruleId),
    [ID],
  );
  const [finding] = findings;
  assert.equal(finding.message, 'The indentation looks lost: 7 fields of this Pod sit at the top level');
  for (const key of ['name', 'labels', 'app', 'containers', 'image', 'ports', 'containerPort']) assert.match(finding.detail, new RegExp(`"${key}"`));
  assert.match(finding.detail, /no metadata\.name and no spec\.containers/);
});

test('the fix re-indents every key under its parent; the result checks clean', () => {
  const fixed = assertFixClears(FLAT, ID, { title: 'Indent the fields under their parents' });
  assert.equal(
    fixed,
    `apiVersion: v1
kind: Pod
metadata:
  name: static-web
  labels:
    app: static
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: web
          containerPort: 80
`,
  );
  assert.deepEqual(check(fixed), [], 'nothing new after the fix');
});

test('with schema-indentation-lost off, the follow-on findings are reported again', () => {
  const ids = check(FLAT, { rules: { [ID]: 'off' } }).map((finding) => finding.ruleId);
  assert.ok(ids.includes('meta-name-invalid'), ids.join(', '));
  assert.ok(ids.includes('containers-empty'), ids.join(', '));
});

test('no fix when the keys cannot all be placed: the guess must pass the schema', () => {
  // `frobnicate` belongs nowhere: no parent has such a field.
  const text = `${FLAT}frobnicate: 1\n`;
  const [finding] = findingsOf(text, ID);
  assert.ok(finding);
  assert.deepEqual(finding.fixes, []);
});

test('apiVersion and kind findings stay: they are at the top whatever the indentation', () => {
  const text = FLAT.replace('apiVersion: v1', 'apiVersion: v2');
  // An unknown apiVersion means no schema: no indentation finding, nothing dropped.
  assert.deepEqual(findingsOf(text, ID), []);
  assert.ok(check(text).some((finding) => finding.ruleId === 'api-version-unknown'));
});

test('the fix of a flattened Pod in a multi-document file touches only its document', () => {
  const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n';
  const text = `${other}---\n${FLAT}`;
  const [finding] = findingsOf(text, ID);
  assert.equal(finding.documentIndex, 1);
  const fixed = applyEdits(text, finding.fixes[0].edits);
  assert.ok(fixed.startsWith(`${other}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: static-web\n`), fixed);
  assert.deepEqual(check(fixed), []);
});

test('a metadata emptied by a lost indent does not hide the checks of a spec that kept its own (issue #12)', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
name: web
labels:
  app: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
        ports:
        - containerPort: "80"
`;
  const findings = check(text);
  assert.deepEqual(
    findings.map((finding) => [finding.ruleId, finding.path.at(-1)]),
    [
      [ID, 'name'],
      ['schema-type', 'containerPort'],
    ],
  );
  // A finding the lost indentation explains is still dropped: the spec's containers slid to the top.
  const slid = `apiVersion: v1
kind: Pod
metadata:
name: web
labels:
  app: web
spec:
  restartPolicy: Always
containers:
- name: web
  image: nginx:1.27
`;
  assert.deepEqual(
    check(slid).map((finding) => finding.ruleId),
    [ID],
  );
});
