// yaml-syntax on a broken document separator (issue #12): `----`, `--- -` or `-- -` between two
// objects is one finding on that line, with a fix, and both objects are still checked (no
// cascade of unknown fields such as "---- kind").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml, check, findingsOf, lineOf, textOf, assertFixClears } from '../../helpers/engine.mjs';

const ID = 'yaml-syntax';

const file = (separator) => yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
  data:
    mode: fast
  ${separator}
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      ports:
      - containerPort: "80"
`;

for (const separator of ['----', '--- -', '-- -', '--', '-----  ']) {
  test(`"${separator}" is one finding on its line; the Pod after it is still checked`, () => {
    const text = file(separator);
    const findings = check(text);
    const [finding, ...rest] = findingsOf(text, ID);
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.equal(lineOf(text, finding), 6);
    assert.equal(textOf(text, finding), separator.trimEnd());
    assert.match(finding.message, /is not a document separator/);
    assert.match(finding.detail, /write "---" alone on the line/);
    // The second document is a Pod of its own: its string port is found, nothing cascades.
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      [ID, 'schema-type'],
    );
    assert.equal(findings[1].documentIndex, 1);
  });
}

test('the fix writes "---"; the file then has no YAML finding', () => {
  const fixed = assertFixClears(file('--- -'), ID);
  assert.match(fixed, /\n---\napiVersion: v1\nkind: Pod/);
  assert.deepEqual(findingsOf(fixed, ID), []);
});

test('kubectl\'s own words are quoted for a "---" followed by dashes', () => {
  assert.match(findingsOf(file('----'), ID)[0].detail, /invalid Yaml document separator/);
  assert.doesNotMatch(findingsOf(file('-- -'), ID)[0].detail, /invalid Yaml document separator/);
});

test('valid separators, comments after them and list items at column 0 are not findings', () => {
  for (const separator of ['---', '---   ', '--- # next']) assert.deepEqual(findingsOf(file(separator), ID), []);
  const list = yaml`
    - a
    - - b
    -
  `;
  assert.deepEqual(findingsOf(list, ID), []);
});

test('a broken separator as the first line of a file', () => {
  const text = `----\n${file('---')}`;
  const [finding] = findingsOf(text, ID);
  assert.equal(lineOf(text, finding), 0);
  assert.deepEqual(
    check(text).map((f) => f.ruleId),
    [ID, 'schema-type'],
  );
});

test('a syntax error in a document: its one yaml-syntax finding, no schema or rule cascade from the recovered guess (#12)', async () => {
  const { check } = await import('../../helpers/engine.mjs');
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '  - name: web',
    '    image: "nginx:1.27',
    '    ports:',
    '    - containerPort: 80',
    '---',
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: Other_Name',
    'spec:',
    '  containers: []',
    '',
  ].join('\n');
  const findings = check(text);
  const first = findings.filter((finding) => finding.documentIndex === 0);
  assert.deepEqual(
    first.map((finding) => finding.ruleId),
    ['yaml-syntax'],
  );
  // the next document is checked as usual
  assert.ok(findings.some((finding) => finding.documentIndex === 1 && finding.ruleId === 'meta-name-invalid'));
});
