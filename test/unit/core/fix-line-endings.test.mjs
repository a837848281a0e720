// Fixes never corrupt a file whatever its line ends: in a CRLF or classic-Mac (CR-only) file every
// fix adds lines with the file's own line end; a lone CR is a line break (YAML 1.2 §5.4, LSP), not
// a character of a value; deleting the only key of a list item keeps the comments around it.
// Every fix here is applied, the result re-checked: the finding is gone, no new error, every
// comment kept, no foreign line end.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LineIndex, parseChunk, resolveFix } from '../../../dist/server/engine.js';
import { applyEdits, check, yaml } from '../../helpers/engine.mjs';
import { ROOT } from '../../fuzz/support/corpus.mjs';

const toCrlf = (text) => text.replace(/\r?\n/g, '\r\n');
const toCr = (text) => text.replace(/\r?\n/g, '\r');
/** Comments with their line's code start and their end: { text, codeStart, end }. */
function comments(text) {
  const found = [];
  const lineEnd = /\r\n|\r|\n|$/g;
  let lineStart = 0;
  while (lineStart <= text.length) {
    lineEnd.lastIndex = lineStart;
    const match = lineEnd.exec(text);
    const line = text.slice(lineStart, match.index);
    const hash = line.search(/(^|\s)#/);
    if (hash !== -1) {
      const at = line.indexOf('#', hash);
      found.push({ text: line.slice(at).trim(), codeStart: lineStart + /^[ \t]*(?:-[ \t]+)*/.exec(line)[0].length, end: lineStart + line.length });
    }
    if (match[0] === '') break;
    lineStart = match.index + match[0].length;
  }
  return found;
}

/** A line end other than `eol` in `text`. */
function foreignLineEnd(text, eol) {
  const ends = text.match(/\r\n|\r|\n/g) ?? [];
  return ends.find((end) => end !== eol);
}

/**
 * Applies `fix` of `finding` on `text`, re-checks, and asserts the house rules. Returns the fixed text.
 */
function applyChecked(text, finding, fix, eol) {
  for (const edit of fix.edits) {
    const foreign = foreignLineEnd(edit.newText, eol);
    assert.equal(foreign, undefined, `"${fix.title}" inserts ${JSON.stringify(foreign)} into a ${JSON.stringify(eol)} file: ${JSON.stringify(edit.newText)}`);
  }
  const before = check(text);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(foreignLineEnd(fixed, eol), undefined, `"${fix.title}" left a foreign line end:\n${JSON.stringify(fixed)}`);
  const after = check(fixed);
  const same = (f) =>
    f.ruleId === finding.ruleId && f.documentIndex === finding.documentIndex && JSON.stringify(f.path) === JSON.stringify(finding.path) && f.message === finding.message;
  assert.ok(after.filter(same).length < before.filter(same).length, `${finding.ruleId} still reported after "${fix.title}":\n${fixed}`);
  const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map((f) => f.ruleId));
  const newErrors = after.filter((f) => f.severity === 'error' && !errorsBefore.has(f.ruleId));
  assert.deepEqual(
    newErrors.map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `"${fix.title}" introduced errors:\n${JSON.stringify(fixed)}`,
  );
  // A comment may go only with its line, in a pure deletion (the quick-fix contract, test/fuzz).
  const deletedWithItsLine = (comment) => fix.edits.some((edit) => edit.newText === '' && edit.range.start <= comment.codeStart && edit.range.end >= comment.end);
  for (const comment of comments(text)) {
    if (!deletedWithItsLine(comment)) assert.ok(fixed.includes(comment.text), `comment lost by "${fix.title}": ${comment.text}\n${JSON.stringify(fixed)}`);
  }
  return fixed;
}

/**
 * A Deployment behind a Service and a PetSet with many insertion fixes (readiness probe, a startup
 * probe for the long liveness delay, PetSet conversion).
 */
const MANIFEST = yaml`
  # the shop
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web # front
  spec:
    selector:
      matchLabels: {app: web}
    template:
      metadata:
        labels: {app: web}
      spec:
        containers:
        - name: app
          image: registry.example.com/web:1.0
          ports:
          - containerPort: 8080
          livenessProbe:
            httpGet: {path: /healthz, port: 8080}
            initialDelaySeconds: 90 # slow start
            successThreshold: 3 # copied from readiness
  ---
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector: {app: web}
    ports:
    - port: 80
      targetPort: 8080
  ---
  ${readFileSync(join(ROOT, 'examples', '002-petset.yaml'), 'utf8')}
`;

for (const [name, convert, eol] of [
  ['LF', (text) => text, '\n'],
  ['CRLF', toCrlf, '\r\n'],
  ['CR-only', toCr, '\r'],
]) {
  test(`${name}: every fix keeps the file's line ends, clears its finding and breaks nothing`, () => {
    const text = convert(MANIFEST);
    const findings = check(text);
    let applied = 0;
    let multiLine = 0;
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        applyChecked(text, finding, fix, eol);
        applied += 1;
        if (fix.edits.some((edit) => /[\r\n]/.test(edit.newText))) multiLine += 1;
      }
    }
    assert.ok(applied >= 8, `expected many fixes, got ${applied}`);
    assert.ok(multiLine >= 4, `expected fixes that add lines, got ${multiLine}`);
  });
}

test('a CR-only file reads as the same YAML as its LF form: same findings, on the same lines and columns', () => {
  const lf = MANIFEST;
  const cr = toCr(MANIFEST);
  const place = (text) => {
    const lines = new LineIndex(text);
    return check(text).map((f) => `${f.ruleId} ${JSON.stringify(lines.rangeOf(f.range))} ${f.message} [${f.fixes.map((x) => x.title).join('|')}]`);
  };
  const crFindings = check(cr);
  assert.deepEqual(
    crFindings.filter((f) => /^yaml-(flattened|syntax)$/.test(f.ruleId)),
    [],
  );
  assert.deepEqual(place(cr), place(lf));
  // Every range ends inside its line (not past the line end into the next).
  const lines = new LineIndex(cr);
  for (const finding of crFindings) {
    const end = lines.positionAt(finding.range.end);
    const lineText = cr.slice(lines.lineStart(end.line)).split(/\r\n|\r|\n/)[0];
    assert.ok(end.character <= lineText.length, `${finding.ruleId} ends past its line`);
  }
});

test('a lone CR after a colon is a line break, never part of the value a fix rewrites', () => {
  // Before: `yaml` read `\r Web_App` as the value and "Rename to web-app" produced
  // `name:web-app`, which turns `metadata` into a string.
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name:\r Web_App\nspec:\n  containers:\n  - name: a\n    image: nginx:1.0\n';
  for (const finding of check(text)) {
    for (const fix of finding.fixes) {
      const fixed = applyEdits(text, fix.edits);
      assert.doesNotMatch(fixed, /name:\S/, `"${fix.title}" glued a value to its key:\n${JSON.stringify(fixed)}`);
    }
  }
  // The same with the CR as the only line ends of the file: the name is checked as a name.
  const mac = toCr('apiVersion: v1\nkind: Pod\nmetadata:\n  name: Web_App\nspec:\n  containers:\n  - name: a\n    image: nginx:1.0\n');
  const rename = check(mac).find((f) => f.ruleId === 'meta-name-invalid');
  assert.ok(rename, 'meta-name-invalid on the CR-only file');
  const fixed = applyChecked(mac, rename, rename.fixes[0], '\r');
  assert.match(fixed, /\r {2}name: web-app\r/);
});

test('resolveFix refuses a text with lone CRs (the analyzer parses its LF copy)', () => {
  // `yaml` reads `a:\r b` as a: "\r b" without an error; setting `a` replaced "\r b" with `a:1`.
  const text = 'a:\r b\n';
  const parsed = parseChunk({ text });
  assert.equal(resolveFix(parsed.document, text, { title: 't', intents: [{ op: 'set', path: ['a'], value: 1 }] }, 0), undefined);
});

test('deleting the only key of a list item keeps the item and every comment, valid YAML', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      containers:
      - name: app
        image: nginx:1.0
        imagePullPolicy: Always
        resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}
      tolerations:
      - bogus: # on the key
          # why
          x # after the value
      - operator: Exists
  `;
  for (const [convert, eol] of [
    [(t) => t, '\n'],
    [toCrlf, '\r\n'],
    [toCr, '\r'],
  ]) {
    const source = convert(text);
    const finding = check(source).find((f) => f.ruleId === 'schema-unknown-field');
    assert.ok(finding, 'schema-unknown-field on bogus');
    const fix = finding.fixes.find((f) => f.title.startsWith('Remove'));
    const fixed = applyChecked(source, finding, fix, eol);
    assert.equal(fixed, convert(text.replace('  - bogus: # on the key\n      # why\n      x # after the value\n', '  - {} # on the key\n    # why\n    # after the value\n')));
  }
});

test('deleting the only key of a mapping under a key keeps the comments of the deleted lines', () => {
  const text = yaml`
    apiVersion: v1
    kind: Pod
    metadata:
      name: a
    spec:
      securityContext:
        bogus: 1 # why
      containers:
      - name: app
        image: nginx:1.0
        imagePullPolicy: Always
        resources: {requests: {cpu: 1, memory: 1Gi}, limits: {memory: 1Gi}}
  `;
  for (const [convert, eol] of [
    [(t) => t, '\n'],
    [toCrlf, '\r\n'],
    [toCr, '\r'],
  ]) {
    const source = convert(text);
    const finding = check(source).find((f) => f.ruleId === 'schema-unknown-field');
    const fix = finding.fixes.find((f) => f.title.startsWith('Remove'));
    const fixed = applyChecked(source, finding, fix, eol);
    assert.equal(fixed, convert(text.replace('  securityContext:\n    bogus: 1 # why\n', '  securityContext: {}\n    # why\n')));
  }
});

test('LineIndex counts \\n, \\r\\n and a lone \\r as line ends, as LSP does', () => {
  const text = 'a\rbc\r\nd\ne\r';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 5);
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((offset) => lines.positionAt(offset)),
    [
      { line: 0, character: 0 },
      { line: 0, character: 1 },
      { line: 1, character: 0 },
      { line: 1, character: 1 },
      { line: 1, character: 2 },
      { line: 1, character: 2 }, // between \r and \n: the end of the line's content
      { line: 2, character: 0 },
      { line: 2, character: 1 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
      { line: 4, character: 0 },
    ],
  );
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), 4, 'past the content: its end, not inside \\r\\n');
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(lines.offsetAt({ line: -1, character: 5 }), 0);
});

test('every intent gives in a CRLF text what it gives in the LF text, with CRLF line ends', () => {
  // KYAML-style flow collections (one entry per line, trailing commas) included: the new entry
  // went between the `\r` and the `\n` of the line end.
  const text = yaml`
    m:
      a: 1 # keep
      nested:
        only: x # only
    list:
    - one
    - two: 2
    flowList: [
      x, # c
      y,
    ]
    flowMap: {
      a: 1,
    }
    items:
    - solo:
        # why
        v
  `;
  const intents = [
    { op: 'set', path: ['m', 'a'], value: { b: [1, 2] } },
    { op: 'set', path: ['m', 'missing'], value: 'v' },
    { op: 'delete', path: ['m', 'a'] },
    { op: 'delete', path: ['m', 'nested', 'only'] },
    { op: 'delete', path: ['items', 0, 'solo'] },
    { op: 'delete', path: ['list', 1] },
    { op: 'insert', path: ['m'], key: 'k', value: { deep: { er: [true] } } },
    { op: 'insert', path: ['m', 'new', 'parents'], key: 'k', value: 1 },
    { op: 'append', path: ['list'], value: { name: 'three', port: 3 } },
    { op: 'append', path: ['flowList'], value: 'z' },
    { op: 'insert', path: ['flowMap'], key: 'b', value: 2 },
    { op: 'rename', path: ['m', 'a'], newKey: 'A' },
    { op: 'quote', path: ['list', 0] },
  ];
  const crlf = toCrlf(text);
  const lf = parseChunk({ text });
  const cr = parseChunk({ text: crlf });
  for (const intent of intents) {
    const a = resolveFix(lf.document, text, { title: 't', intents: [intent] }, 0);
    const b = resolveFix(cr.document, crlf, { title: 't', intents: [intent] }, 0);
    assert.ok(a && b, `${JSON.stringify(intent)} resolves in both`);
    for (const edit of b.edits) assert.equal(foreignLineEnd(edit.newText, '\r\n'), undefined, `${JSON.stringify(intent)} inserts ${JSON.stringify(edit.newText)}`);
    assert.equal(applyEdits(crlf, b.edits), toCrlf(applyEdits(text, a.edits)), JSON.stringify(intent));
  }
});
