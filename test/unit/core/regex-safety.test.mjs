// No super-linear work on user input (issue #9). Every regex the engine, the language server and
// the CLI run on user text is linted by eslint-plugin-regexp (`npm run lint:regex`); these tests
// drive the real entry points with long adversarial lines, and pin the cases that were reported:
// each input is sized so that the old code took well over 20 s on the 2-core development machine,
// and the fixed code takes milliseconds, so the 5 s bound is generous and still catches a regression.
// Internal functions (the "disable for this line" edit, the LSP completion mapping, CLI argument
// parsing) are bundled from source here with esbuild, as the build does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { analyzeText, completeAt, documentSymbols, foldingSpans, hoverAt, inlayHints, parseConfigFile } from '../../../dist/server/engine.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BOUND_MS = 5000;
const N = 100_000;

async function loadInternals() {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-regex-safety-'));
  try {
    const outfile = join(dir, 'internals.cjs');
    buildSync({
      stdin: {
        contents: [
          "export { disableNextLineEdit } from './server/src/engine/fixes/suppression-fixes';",
          "export { toCompletionItem, snippetToPlain } from './server/src/lsp/completion';",
          "export { parseArgs } from './server/src/cli/args';",
          "export { LineIndex } from './server/src/engine/line-index';",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'cjs',
      platform: 'node',
      outfile,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const internals = await loadInternals();

/** Runs `fn` and fails when it takes longer than the bound; returns its result. */
function within(label, fn, bound = BOUND_MS) {
  const started = performance.now();
  const result = fn();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${label} took ${Math.round(elapsed)} ms (bound ${bound} ms)`);
  return result;
}

const blanks = (n) => ' '.repeat(n);

/** Long lines that make a backtracking regex retry a run from each of its characters. */
const ADVERSARIAL = {
  spaces: blanks(N),
  tabs: '\t'.repeat(N),
  'a, spaces, b': `a${blanks(N)}b`,
  'key, spaces, colon-x': `k${blanks(N)}:x`,
  'template openers': '{{ '.repeat(N / 3),
  'template opener, spaces': `{{${blanks(N)}x`,
  hashes: '#'.repeat(N),
  colons: ':'.repeat(N),
  'colon, spaces, x': `a:${blanks(N)}x`,
  'dash space': '- '.repeat(N / 2),
  'a-dash': `a${'-'.repeat(N)}a`,
  slashes: `/${'/'.repeat(N)}a`,
  quotes: '"'.repeat(N),
  backslashes: '\\'.repeat(N),
  'tags and anchors': '!& '.repeat(N / 3),
  'pairs and blanks': `a: b c: d e: f g: h${blanks(N)}x`,
  mixed: `a:${blanks(1000)}#${'\t'.repeat(1000)}{{ -${'c'.repeat(1000)}: `.repeat(30),
};

/** Where a line goes in a manifest for the editor features: a key position, a value, a block scalar. */
function editorManifests(line) {
  return [
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  ${line}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: ${line}\n`,
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: |\n    ${line}\n`,
  ];
}

/** The line in a comment and in the fields the rules read (names, labels, paths, commands, quantities). */
function ruleManifest(line) {
  const quoted = JSON.stringify(line);
  return `# ${line}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  generateName: ${quoted}\n  labels: {${quoted}: ${quoted}}\nspec:\n  volumes: [{name: v, hostPath: {path: ${quoted}}}]\n  containers:\n    - name: ${quoted}\n      image: ${quoted}\n      command: [sh, ${JSON.stringify(`-${'c'.repeat(N)}x`)}, ${quoted}]\n      env: [{name: ${quoted}, value: ${quoted}}, {name: API_TOKEN, value: ${quoted}}]\n      readinessProbe: {httpGet: {port: 80, httpHeaders: [{name: ${quoted}, value: x}]}}\n      resources: {limits: {memory: ${JSON.stringify(`1${blanks(N)}x`)}}}\n`;
}

test('analysis, completion, hover, inlay hints and outline stay fast on long adversarial lines', () => {
  for (const [name, line] of Object.entries(ADVERSARIAL)) {
    within(`analyzeText: ${name} (rule fields)`, () => analyzeText(ruleManifest(line), { kubernetesVersion: '1.36' }));
    for (const [index, text] of editorManifests(line).entries()) {
      const label = `${name} (manifest ${index})`;
      within(`analyzeText: ${label}`, () => analyzeText(text, { kubernetesVersion: '1.36' }));
      const lineEnd = text.indexOf(line) + line.length;
      within(`completeAt: ${label}`, () => completeAt(text, lineEnd, '1.36'));
      within(`hoverAt: ${label}`, () => hoverAt(text, lineEnd - Math.floor(line.length / 2), {}));
      within(`inlayHints: ${label}`, () => inlayHints(text));
      if (index === 0) {
        within(`documentSymbols: ${label}`, () => documentSymbols(text));
        within(`foldingSpans: ${label}`, () => foldingSpans(text));
      }
    }
  }
});

test('.podwise.yaml parsing stays fast on long adversarial keys, values and globs', () => {
  for (const [name, line] of Object.entries(ADVERSARIAL)) {
    const quoted = JSON.stringify(line);
    const texts = [
      `${line}: 1\n${line}: 2\n`,
      `rules:\n  ${line}: off\n  image-latest-tag: ${line}\n`,
      `kubernetesVersion: ${quoted}\nexclude: [${quoted}]\nstaticPodPaths:\n  - ${quoted}\n`,
    ];
    for (const text of texts) within(`parseConfigFile: ${name}`, () => parseConfigFile(text));
  }
});

test('the "disable for this line" edit, LSP completion mapping and CLI arguments stay fast', () => {
  const { disableNextLineEdit, toCompletionItem, snippetToPlain, parseArgs, LineIndex } = internals;
  for (const [name, line] of Object.entries(ADVERSARIAL)) {
    const text = `metadata:\n  # podwise-disable-next-line ${line}\n  name: x\n  ${line}\n  # podwise-disable-next-line${line}#\n  k: v\n`;
    for (const anchor of ['  name: x', '  k: v', line]) {
      within(`disableNextLineEdit: ${name}`, () => disableNextLineEdit(text, text.indexOf(anchor) + 1, 'image-latest-tag'));
    }
    const lines = new LineIndex(text);
    const at = text.indexOf(line) + line.length;
    const item = { label: 'x', kind: 'property', insertText: `a:\n  \${1|${line}|}\n$2`, insertTextFormat: 'snippet', replace: { start: at, end: at } };
    within(`toCompletionItem: ${name}`, () => toCompletionItem(text, lines, item, { snippets: false, asIs: true, adjust: false }));
    within(`snippetToPlain: ${name}`, () => snippetToPlain(`\${1:${line}} $${line} \${2|${line},b|}`));
    for (const argv of [['check', '--rule', `${line}=off`], ['check', `--version=${line}`], ['check', '--format', line], ['check', `--${line}`], [line]]) {
      within(`parseArgs: ${name}`, () => {
        try {
          parseArgs(argv);
        } catch (error) {
          if (error?.constructor?.name !== 'UsageError') throw error;
        }
      });
    }
  }
});

// The cases reported in issue #9, each sized so the old code took over 20 s (measured before the
// fix on the 2-core machine; in parentheses).

test('the flattened-line check trims a 250,000-blank run in linear time (was: 36 s at 200,000)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: a: b c: d e: f g: h${blanks(250_000)}x\n`;
  const findings = within('analyzeText', () => analyzeText(text, { kubernetesVersion: '1.36' }).findings);
  assert.ok(Array.isArray(findings));
});

test('the template detector reads "{{" and 200,000 blanks in linear time (was: 8.6 s at 100,000)', () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: |\n    {{${blanks(200_000)}x\n`;
  const result = within('analyzeText', () => analyzeText(text, { kubernetesVersion: '1.36' }));
  // The block scalar is ordinary YAML, so the document is still checked as Kubernetes.
  assert.equal(result.documents[0].kind, 'kubernetes');
  // A real control line is still recognised, blanks and trim markers included.
  for (const control of ['{{- if .Values.x }}', '{{-   - if .Values.x }}', '  {%  for x in y %}']) {
    const template = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  k: |\n${control}\n    x\n`;
    assert.equal(analyzeText(template, { kubernetesVersion: '1.36' }).documents[0].kind, 'template', control);
  }
});

test('completion next to a key with 150,000 blanks before its colon is linear (was: 11 s at 100,000)', () => {
  const line = `  a${blanks(150_000)}b`;
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n${line}\n  `;
  within('completeAt', () => completeAt(text, text.length, '1.36'));
  // Keys with blanks before the colon are still read as keys.
  const spaced = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers   :\n    - name: x\n      `;
  const labels = completeAt(spaced, spaced.length, '1.36').map((item) => item.label);
  assert.ok(labels.includes('image'), `container keys expected, got ${labels.slice(0, 5).join(', ')}`);
});

test('"disable for this line" under a 200,000-character comment is linear (was: 5.4 s at 80,000)', () => {
  const { disableNextLineEdit } = internals;
  const text = `metadata:\n  # podwise-disable-next-line image-latest-tag${blanks(200_000)}x # note\n  name: x\n`;
  const edit = within('disableNextLineEdit', () => disableNextLineEdit(text, text.indexOf('  name'), 'meta-name-invalid'));
  // A comment after the list: a new comment line is inserted rather than editing inside it.
  assert.equal(edit.newText, '  # podwise-disable-next-line meta-name-invalid\n');
  // An existing list gets the rule appended, before its trailing blanks.
  const plain = 'metadata:\n  # podwise-disable-next-line image-latest-tag  \t\n  name: x\n';
  const append = disableNextLineEdit(plain, plain.indexOf('  name'), 'meta-name-invalid');
  assert.equal(append.newText, ', meta-name-invalid');
  assert.equal(append.range.start, plain.indexOf('image-latest-tag') + 'image-latest-tag'.length);
});

test('a duplicate .podwise.yaml key with 200,000 blanks is located in linear time (was: 10.7 s at 120,000)', () => {
  const key = `k${blanks(200_000)}:x`;
  const text = `${key}: 1\n${key}: 2\n`;
  const { findings } = within('parseConfigFile', () => parseConfigFile(text));
  const duplicate = findings.find((finding) => finding.message.startsWith('Duplicate key'));
  assert.ok(duplicate, 'the duplicate key is reported');
  assert.equal(duplicate.range.start, key.length + 4);
  assert.equal(duplicate.range.end - duplicate.range.start, key.length);
});
