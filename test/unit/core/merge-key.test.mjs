// Merge keys (`<<`) as kubectl reads them (go-yaml decode.go, `merge`): a mapping, an alias to a
// mapping, or a sequence of those merges; anything else fails the document with "map merge
// requires map or sequence of maps as the value". Those are YAML errors (`yaml-syntax`) on the
// offending node, not an "alias bomb" `yaml-limit` info.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, textOf, yaml } from '../../helpers/engine.mjs';

/** What a finding tells: its one-line message and the detail the hover adds. */
const said = (finding) => `${finding.message}\n${finding.detail ?? ''}`;

const HEAD = yaml`
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: settings
`;

/** `body` after the ConfigMap header; returns the text and its findings. */
function run(body) {
  const text = HEAD + body;
  return { text, findings: check(text) };
}

function assertRejected(body, offending) {
  const { text, findings } = run(body);
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'yaml-limit'),
    [],
    `no yaml-limit for ${JSON.stringify(body)}`,
  );
  const errors = findings.filter((f) => f.ruleId === 'yaml-syntax');
  assert.equal(errors.length, 1, `one yaml-syntax for ${JSON.stringify(body)}; got ${findings.map((f) => f.ruleId).join(', ')}`);
  assert.equal(errors[0].severity, 'error');
  assert.equal(textOf(text, errors[0]), offending, `placed on the offending node for ${JSON.stringify(body)}`);
  assert.match(said(errors[0]), /map merge requires map or sequence of maps as the value/);
}

function assertMerged(body) {
  const { findings } = run(body);
  assert.deepEqual(
    findings.map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `no finding for ${JSON.stringify(body)}`,
  );
}

test('<<: 1 is a YAML error on the value, not an alias limit', () => {
  assertRejected('data:\n  <<: 1\n', '1');
});

test('<<: [1] is a YAML error on the item', () => {
  assertRejected('data:\n  <<: [1]\n', '1');
});

test('<<: "x" is a YAML error on the string', () => {
  assertRejected('data:\n  <<: "x"\n', '"x"');
});

test('<<: with no value is a YAML error on the << key', () => {
  assertRejected('data:\n  <<:\n  a: "1"\n', '<<');
});

test('<<: *scalarAnchor is a YAML error on the alias', () => {
  assertRejected('data:\n  a: &s "1"\n  <<: *s\n', '*s');
});

test('<<: *anchorOfAList is a YAML error (yaml accepts it, go-yaml does not)', () => {
  // `yaml` merges the maps of an aliased sequence; go-yaml requires an alias to name a mapping.
  assertRejected('metadata2: &list [{a: "1"}]\ndata:\n  <<: *list\n', '*list');
});

test('<<: [[...]] (a list inside the list) and <<: [*scalar] are YAML errors on the item', () => {
  assertRejected('data:\n  <<: [[{a: "1"}]]\n', '[{a: "1"}]');
  assertRejected('data:\n  a: &s "1"\n  <<: [*s]\n', '*s');
});

test('valid merges keep working: a mapping, aliases to mappings, a list of them', () => {
  assertMerged('data:\n  <<: {a: "1"}\n');
  assertMerged('data:\n  <<: [{a: "1"}, {b: "2"}]\n');
  assertMerged('data:\n  <<: []\n  a: "1"\n');
  const anchored = yaml`
    apiVersion: v1
    kind: ConfigMap
    metadata: &meta
      name: settings
      labels: &labels {app: web}
    data:
      <<: [*labels, {b: "2"}]
  `;
  assert.deepEqual(
    check(anchored).map((f) => f.ruleId),
    [],
  );
  // The alias names an anchor defined earlier in the same merge list.
  assertMerged('data:\n  <<: [&one {a: "1"}, *one]\n');
});

test('merged values are what the rules see', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
        - &base
          name: web
          image: nginx:1.27
        - <<: *base
          name: web
  `;
  // The second container merges the first and keeps its own name: a duplicate name.
  assert.ok(check(text).some((f) => f.ruleId === 'container-name-duplicate'));
});

test('a quoted "<<" is an ordinary key (go-yaml merges only a plain <<)', () => {
  // Read as the data key "<<", which the API server then refuses as a ConfigMap key: no merge error.
  const { text, findings } = run('data:\n  "<<": "1"\n');
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['config-data-key-invalid'],
  );
  assert.equal(textOf(text, findings[0]), '"<<"');
});

test('a bad merge in one document leaves the others checked', () => {
  const text = `${HEAD}data:\n  <<: 1\n---\n${HEAD}data:\n  ok: yes\n`;
  const findings = check(text);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.documentIndex]).sort(), [
    ['schema-type', 1],
    ['yaml-syntax', 0],
  ]);
});

test('a real alias bomb is still a yaml-limit info', () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i += 1)
    lines.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  const findings = check(`${lines.join('\n')}\n`);
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity]),
    [['yaml-limit', 'info']],
  );
});
