// One snapshot per version of a file (engine/snapshot.ts): the analysis' parses, objects and
// findings, and what the editor features compute from them. No feature parses again: every parse
// goes through the analyzer's injectable parser, which these tests count; and no feature module
// can reach the parser or the splitter by another way (the import check at the end).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { FileAnalyzer, FileSnapshot, completeAt, documentSymbols, foldingSpans, hoverAt, inlayHints, parseChunk, parseCount, analyzeText } from '../../../dist/server/engine.js';
import { yaml } from '../../helpers/engine.mjs';

const OPTIONS = { kubernetesVersion: '1.36' };

const POD = yaml`
  apiVersion: v1
  kind: Pod
  metadata:
    name: web
  spec:
    containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: Sometimes
      readinessProbe:
        httpGet: {path: /ready, port: 8080}

`;
const LIST = yaml`
  apiVersion: v1
  kind: List
  items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector: {app: web}
      ports:
      - port: 80
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: settings
`;
const DEPLOYMENT = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: api
  spec:
    selector:
      matchLabels: {app: api}
    template:
      metadata:
        labels: {app: api}
      spec:
        containers:
        - name: api
          image: example/api:2.0
`;
const TEXT = [POD, LIST, DEPLOYMENT].join('---\n');

/** The text with an empty line (the cursor's) in the Pod's container, after `imagePullPolicy`. */
function withFreshLine(text) {
  const edited = text.replace('    imagePullPolicy: Sometimes\n', '    imagePullPolicy: Sometimes\n    \n');
  assert.notEqual(edited, text);
  return edited;
}

/** An analyzer whose every parse is counted (and remembered, to compare identities). */
function countingAnalyzer() {
  const parses = [];
  const analyzer = new FileAnalyzer({
    parse: (chunk) => {
      const parsed = parseChunk(chunk);
      parses.push(parsed);
      return parsed;
    },
  });
  return { analyzer, parses };
}

describe('snapshot: one model per version', () => {
  it('holds the analysis: findings and summaries as analyzeText gives them, one parse per document', () => {
    const { analyzer, parses } = countingAnalyzer();
    const snapshot = analyzer.snapshot(TEXT, OPTIONS);
    assert.equal(parses.length, 3);
    const oneShot = analyzeText(TEXT, OPTIONS);
    assert.deepEqual(snapshot.findings, oneShot.findings);
    assert.deepEqual(snapshot.summaries, oneShot.documents);
    assert.equal(snapshot.unfinished, undefined);
    assert.ok(snapshot.findings.some((finding) => finding.ruleId === 'schema-enum'));
    for (let index = 0; index < 3; index += 1) assert.equal(snapshot.parsed(index), parses[index], `document ${index} is the analysis' own parse`);
  });

  it('has the checked objects per document, the items of a List included', () => {
    const snapshot = new FileAnalyzer().snapshot(TEXT, OPTIONS);
    const kinds = (index) => snapshot.document(index).objects.map((object) => object.kind);
    assert.deepEqual(kinds(0), ['Pod']);
    assert.deepEqual(kinds(1), ['List', 'Service', 'ConfigMap']);
    assert.deepEqual(kinds(2), ['Deployment']);
    assert.deepEqual(
      snapshot.document(2).podSpecs.map((spec) => spec.specPath),
      [['spec', 'template', 'spec']],
    );
    assert.ok(snapshot.document(0).checked);
    assert.equal(snapshot.document(3), undefined);
  });

  it('no feature parses again: hover, inlay hints, completion, outline and folding read its parses', () => {
    const { analyzer, parses } = countingAnalyzer();
    const snapshot = analyzer.snapshot(TEXT, OPTIONS);
    const analysed = parses.length;
    const at = (needle, shift = 0) => TEXT.indexOf(needle) + shift;
    // The version being typed in: an empty line in the container, the cursor on it.
    const withEmptyLine = withFreshLine(TEXT);
    const typed = analyzer.snapshot(withEmptyLine, OPTIONS);
    assert.equal(parses.length, analysed + 1, 'the edited document only');
    // Every parse in the process, whatever route it takes (parse.ts counts them).
    const parsedSoFar = parseCount();

    const hover = hoverAt(snapshot, at('readinessProbe', 2), { version: '1.36' });
    assert.match(hover.markdown, /readiness/i);
    const hints = inlayHints(snapshot);
    assert.ok(hints.some((hint) => hint.label === 'grace 30s'));

    // A value (the snapshot's text is the version being typed in) and a key on a fresh line.
    const policy = completeAt(snapshot, at('Sometimes'), '1.36');
    assert.ok(policy.some((item) => item.label === 'IfNotPresent'));
    const keys = completeAt(typed, withEmptyLine.indexOf('Sometimes\n') + 'Sometimes\n    '.length, '1.36');
    assert.ok(
      keys.some((item) => item.label === 'livenessProbe (httpGet)'),
      'probe snippets come from the container of the snapshot parse',
    );

    const symbols = snapshot.symbols();
    const folding = snapshot.folding();
    assert.equal(parseCount(), parsedSoFar, `features parsed ${parseCount() - parsedSoFar} documents again`);
    assert.equal(parses.length, analysed + 1);

    // The same answers as the one-shot forms of a text (which do parse).
    assert.deepEqual(hoverAt(snapshot, at('readinessProbe', 2), { version: '1.36' }), hoverAt(TEXT, at('readinessProbe', 2), { version: '1.36' }));
    assert.deepEqual(hints, inlayHints(TEXT));
    assert.deepEqual(symbols, documentSymbols(TEXT));
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Pod/web', 'List', 'Deployment/api'],
    );
    assert.deepEqual(
      symbols[1].children.map((symbol) => symbol.name),
      ['Service/web', 'ConfigMap/settings'],
    );
    assert.deepEqual(folding, foldingSpans(TEXT));
  });

  it('features answer from the snapshot parse itself (a parser that marks what it makes)', () => {
    // Whatever route a feature might take to a parse of its own, only the snapshot's carries these marks.
    const marking = (chunk) => {
      const parsed = parseChunk(chunk);
      if (parsed.objectKind === 'Pod') {
        parsed.value.metadata.name = 'marked';
        parsed.value.spec.terminationGracePeriodSeconds = 45;
        const container = parsed.value.spec.containers[0];
        container.readinessProbe.periodSeconds = 17;
        container.ports = [{ name: 'marked-port', containerPort: 1 }];
      }
      return parsed;
    };
    const text = withFreshLine(TEXT);
    const snapshot = new FileAnalyzer({ parse: marking }).snapshot(text, OPTIONS);
    assert.match(hoverAt(snapshot, text.indexOf('readinessProbe') + 2, { version: '1.36' }).markdown, /17 s apart/);
    assert.doesNotMatch(hoverAt(text, text.indexOf('readinessProbe') + 2, { version: '1.36' }).markdown, /17 s apart/);
    assert.equal(snapshot.symbols()[0].name, 'Pod/marked');
    const graceHints = inlayHints(snapshot).filter((hint) => hint.label === 'grace 30s');
    assert.equal(graceHints.length, 1, 'only the Deployment (the Pod parse says 45 s)');
    const keys = completeAt(snapshot, text.indexOf('Sometimes\n') + 'Sometimes\n    '.length, '1.36');
    assert.ok(
      keys.some((item) => item.detail === 'livenessProbe block, port marked-port'),
      keys.map((item) => item.detail).join(', '),
    );
  });

  it('computes the outline, folding, line index and identity once', () => {
    const snapshot = new FileAnalyzer().snapshot(TEXT, OPTIONS);
    assert.equal(snapshot.symbols(), snapshot.symbols());
    assert.equal(snapshot.folding(), snapshot.folding());
    assert.equal(snapshot.lines, snapshot.lines);
    assert.equal(snapshot.identity, snapshot.identity);
    assert.match(snapshot.identity, /^[0-9a-z]+-[0-9a-z]+$/);
    assert.equal(snapshot.identity, FileSnapshot.of(TEXT).identity, 'the identity is of the text');
    assert.notEqual(snapshot.identity, FileSnapshot.of(`${TEXT} `).identity);
    assert.deepEqual(snapshot.lines.positionAt(TEXT.indexOf('kind: List')), { line: TEXT.slice(0, TEXT.indexOf('kind: List')).split('\n').length - 1, character: 0 });
  });

  it('is immutable', () => {
    const snapshot = new FileAnalyzer().snapshot(TEXT, OPTIONS);
    assert.ok(Object.isFrozen(snapshot));
    assert.throws(() => {
      snapshot.text = 'changed';
    }, TypeError);
    assert.ok(Object.isFrozen(snapshot.document(0)));
  });

  it('keeps the outline per document between versions: an edit recomputes only what changed', () => {
    const { analyzer, parses } = countingAnalyzer();
    analyzer.snapshot(TEXT, OPTIONS).symbols();
    const edited = TEXT.replace('name: api', 'name: api-v2');
    const count = parses.length;
    const next = analyzer.snapshot(edited, OPTIONS);
    assert.equal(parses.length, count + 1, 'only the edited document is parsed');
    assert.deepEqual(next.symbols(), documentSymbols(edited));
    assert.equal(parses.length, count + 1);
  });

  it('parses a document the analysis did not reach once, on first use', () => {
    const { analyzer, parses } = countingAnalyzer();
    // No budget left after the first document: the others are not parsed by this analysis.
    const snapshot = analyzer.snapshot(TEXT, { ...OPTIONS, budgetMs: 0, clock: () => 0 });
    assert.ok(snapshot.unfinished);
    assert.equal(parses.length, 1);
    assert.equal(snapshot.document(2).checked, false);
    const offset = TEXT.indexOf('example/api');
    assert.ok(hoverAt(snapshot, offset, { version: '1.36' }));
    assert.ok(hoverAt(snapshot, offset, { version: '1.36' }));
    snapshot.symbols();
    assert.equal(parses.length, 3, 'documents 2 and 3 parsed once each');
  });

  it('keeps the editor text, and reads lone CRs as line breaks (same offsets)', () => {
    const text = TEXT.replace(/\n/g, '\r');
    const snapshot = new FileAnalyzer().snapshot(text, OPTIONS);
    assert.equal(snapshot.text, text);
    assert.equal(snapshot.source, TEXT);
    assert.equal(snapshot.chunks.length, 3);
    const enumFinding = snapshot.findings.find((finding) => finding.ruleId === 'schema-enum');
    assert.equal(text.slice(enumFinding.range.start, enumFinding.range.end), 'Sometimes');
    assert.deepEqual(
      snapshot.symbols().map((symbol) => symbol.name),
      ['Pod/web', 'List', 'Deployment/api'],
    );
  });

  it('of a text alone: no findings, features still work (an excluded file)', () => {
    const snapshot = FileSnapshot.of(TEXT);
    assert.deepEqual(snapshot.findings, []);
    assert.deepEqual(
      snapshot.symbols().map((symbol) => symbol.name),
      ['Pod/web', 'List', 'Deployment/api'],
    );
  });
});

describe('snapshot: features have no other way to parse', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const files = (dir) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(root, dir, name));
  // The one feature that parses itself: completion of a half-typed key parses the document with
  // the key blanked (editor/cursor.ts, parseWithBlank). The outline's one-shot form defaults to
  // the parser (documentSymbols(text)); snapshots pass their own.
  const ALLOWED = new Map([
    ['server/src/engine/editor/cursor.ts', ['parseChunk']],
    ['server/src/engine/outline.ts', ['parseChunk', 'splitDocuments']],
  ]);

  it('the LSP modules, editor features and outline import neither parseChunk nor splitDocuments', () => {
    const offenders = [];
    for (const file of [...files('server/src/lsp'), ...files('server/src/engine/editor'), join(root, 'server/src/engine/outline.ts')]) {
      const source = readFileSync(file, 'utf8');
      const name = relative(root, file);
      for (const fn of ['parseChunk', 'splitDocuments', 'parseDocument']) {
        if (new RegExp(`import[^;]*\\b${fn}\\b[^;]*from`).test(source) && !(ALLOWED.get(name) ?? []).includes(fn)) offenders.push(`${name} imports ${fn}`);
      }
    }
    assert.deepEqual(offenders, []);
  });
});
