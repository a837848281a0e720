// Random edit sequences through the real language server (over stdio): whatever the changes —
// LF, CRLF and CR-only files, `\r` and `\n` sent as separate changes, ranges past the end of a
// line or of the document, reversed ranges, full-text syncs, several changes in one notification —
// the server's diagnostics for the final version equal those of a freshly opened document with
// the same final text (which also compares the server's text itself: every diagnostic carries its
// hash), and every position is a pair of non-negative integers.
// The expected text comes from test/helpers/lsp-sync-oracle.mjs, an independent model of LSP sync.
// Replay a failure with PODWISE_FUZZ_SEED=<seed> (and the path fast-check prints).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { LspClient, fileUri, podManifest } from '../helpers/lsp-client.mjs';
import { RawDocument, badPositions, comparable } from '../helpers/lsp-sync-oracle.mjs';
import { seeds } from './support/corpus.mjs';
import { DEFAULT_SEED } from './support/properties.mjs';

const seed = process.env.PODWISE_FUZZ_SEED ? Number(process.env.PODWISE_FUZZ_SEED) : DEFAULT_SEED;

const BASES = [{ name: 'pod', text: podManifest(1, { envValue: '123456' }) }, ...seeds({ sets: ['examples'], maxBytes: 6 * 1024 }).slice(0, 6)];

const position = fc.record({
  line: fc.oneof({ weight: 12, arbitrary: fc.nat({ max: 70 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 400 }) }, { weight: 1, arbitrary: fc.constant(null) }),
  character: fc.oneof({ weight: 12, arbitrary: fc.nat({ max: 40 }) }, { weight: 1, arbitrary: fc.integer({ min: -3, max: 1000 }) }, { weight: 1, arbitrary: fc.constant(null) }),
});
const insertText = fc.constantFrom('\r', '\n', '\r\n', '', '', 'x', ' ', '  ', ': ', '- ', '#', '\r\r\n', 'a: 1\n', '\r\n  b: 2', '---\n', 'é', '😀', 'name: Web_App', '\ttab');

/** One change, or a `\r` then a `\n` right after it (one notification or two). */
const operation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('replace'), start: position, end: position, text: insertText }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('splitCrLf'), at: position, together: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lfAfterLine'), line: fc.nat({ max: 70 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('full'), eol: fc.constantFrom('\n', '\r\n', '\r') }) },
);

const scenario = fc.record({
  base: fc.nat({ max: BASES.length - 1 }),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  steps: fc.array(fc.array(operation, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
});

/** The notifications (each a list of content changes) of one step, given the text so far. */
function notificationsOf(step, text) {
  const notifications = [[]];
  const push = (change) => notifications[notifications.length - 1].push(change);
  for (const op of step) {
    if (op.kind === 'replace') push({ range: { start: op.start, end: op.end }, text: op.text });
    else if (op.kind === 'full') push({ text: text.replace(/\r\n|\r|\n/g, op.eol) });
    else if (op.kind === 'lfAfterLine') {
      // `\n` at the start of the next line: joins a lone `\r` ending this line into `\r\n`.
      push({ range: { start: { line: op.line + 1, character: 0 }, end: { line: op.line + 1, character: 0 } }, text: '\n' });
    } else {
      const line = Number.isInteger(op.at.line) ? op.at.line : 0;
      push({ range: { start: op.at, end: op.at }, text: '\r' });
      if (!op.together) notifications.push([]);
      push({ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '\n' });
    }
  }
  return notifications.filter((changes) => changes.length > 0);
}

let workspace;
let client;
let counter = 0;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'podwise-lsp-fuzz-'));
  client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
});

after(async () => {
  await client?.shutdown();
  rmSync(workspace, { recursive: true, force: true });
});

test('random edit sequences through the server end with the diagnostics of a fresh open of the final text', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(scenario, async ({ base, eol, steps }) => {
      runs += 1;
      const start = BASES[base].text.replace(/\r\n|\r|\n/g, eol);
      const document = await RawDocument.open(client, fileUri(join(workspace, `edited-${(counter += 1)}.yaml`)), start);
      for (const step of steps) {
        for (const changes of notificationsOf(step, document.text)) await document.change(changes);
      }
      const edited = await document.diagnostics();
      await document.close();
      const fresh = await RawDocument.open(client, fileUri(join(workspace, `fresh-${counter}.yaml`)), document.text);
      const expected = await fresh.diagnostics();
      await fresh.close();
      assert.deepEqual(badPositions(edited), [], 'positions are non-negative integers');
      assert.deepEqual(edited.map(comparable), expected.map(comparable), `final text: ${JSON.stringify(document.text)}`);
    }),
    { numRuns: 300, seed },
  );
  assert.equal(runs >= 300, true);
});
