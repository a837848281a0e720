// Protocol tests for text synchronisation and fix freshness, through the real server over stdio:
// - a didChange whose range runs past the end of the document is clamped (as VS Code does) and
//   breaks nothing after it;
// - `\r` and `\n` typed as two changes make one CRLF line end, and positions stay right;
// - a classic-Mac (CR-only) file is checked like its LF form, and its fixes and suppressions
//   insert `\r`; a CRLF file's insert `\r\n`;
// - a diagnostic's fixes apply only to the exact text they were computed for: after a close and
//   reopen (versions restart at 1) an old diagnostic gets no edits.
// After every scenario the server's diagnostics equal those of a freshly opened document with
// the same final text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri, podManifest } from '../helpers/lsp-client.mjs';
import { RawDocument, badPositions, comparable, offsetOf } from '../helpers/lsp-sync-oracle.mjs';

/** A Pod with findings on several lines (pull policy, a typo'd field, a numeric env value). */
const POD = podManifest(1, { envValue: '123456' })
  .replace('    ports:\n', '    imagePullPolicy: Always\n    ports:\n')
  .replace('      periodSeconds: 5\n', '      periodSeconds: 5\n      tymeoutSeconds: 2\n');

describe('language server: text sync and fix freshness', () => {
  let workspace;
  let client;
  let counter = 0;
  const nextUri = () => fileUri(join(workspace, `sync-${(counter += 1)}.yaml`));

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-sync-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Diagnostics of a fresh document with `text`, as comparable records. */
  async function freshDiagnostics(text) {
    const document = await RawDocument.open(client, nextUri(), text);
    const diagnostics = await document.diagnostics();
    await document.close();
    return diagnostics.map(comparable);
  }

  async function assertLikeFresh(document) {
    const diagnostics = await document.diagnostics();
    assert.deepEqual(badPositions(diagnostics), []);
    assert.deepEqual(diagnostics.map(comparable), await freshDiagnostics(document.text));
    return diagnostics;
  }

  test('a change whose range runs past the end is clamped and corrupts nothing after it', async () => {
    const document = await RawDocument.open(client, nextUri(), POD);
    await document.diagnostics();
    const lines = POD.split('\n').length;
    // Past the end: VS Code clamps such a range to the end of the document. (With as many lines
    // in the range as in the new text, vscode-languageserver-textdocument wrote line starts at
    // indexes past its table: holes, and `character: null` in every diagnostic after them.)
    await document.change([{ range: { start: { line: lines + 20, character: 4 }, end: { line: lines + 21, character: 9 } }, text: '# tail\n' }]);
    assert.ok(document.text.endsWith('sleep 10"]\n# tail\n'));
    await assertLikeFresh(document);
    // A character past its line, a reversed range, and then ordinary edits on later lines.
    const grace = offsetOf(document.text, { line: 10, character: 0 });
    assert.ok(document.text.slice(grace).startsWith('  terminationGracePeriodSeconds: 45'));
    await document.change([{ range: { start: { line: 10, character: 500 }, end: { line: 10, character: 34 } }, text: '0 # was 45' }]);
    assert.ok(document.text.includes('terminationGracePeriodSeconds: 40 # was 45\n'), document.text);
    await document.change([{ range: { start: { line: 14, character: 10 }, end: { line: 14, character: 10 } }, text: 'x' }]);
    await document.change([{ range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '# head\n' }]);
    await assertLikeFresh(document);
    await document.close();
  });

  test('`\\r` and `\\n` sent as separate changes make one line end: positions stay right', async () => {
    const document = await RawDocument.open(client, nextUri(), POD.replace(/\n/g, ' \n'));
    await document.diagnostics();
    // Turn every line end of the first 30 lines into CRLF, the CR and the LF in separate
    // changes (two notifications, then two changes in one notification), as an editor may.
    for (let line = 0; line < 30; line += 1) {
      const end = { line, character: 999 };
      if (line % 2 === 0) {
        await document.change([{ range: { start: end, end }, text: '\r' }]);
        await document.change([{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '\n' }]);
      } else {
        await document.change([
          { range: { start: end, end }, text: '\r' },
          { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '\n' },
        ]);
      }
    }
    // That made `\r \n` line ends; now delete the spaces between, leaving `\r\n`: every line
    // end changes kind again, and the line count must not.
    for (let line = 0; line < 30; line += 1) {
      await document.change([{ range: { start: { line, character: 999 }, end: { line: line + 1, character: 0 } }, text: '\r\n' }]);
    }
    assert.equal(document.text.split('\r\n').length - 1, 30);
    const diagnostics = await assertLikeFresh(document);
    const env = diagnostics.find((d) => d.code === 'schema-type');
    assert.ok(env, 'schema-type on the env value');
    assert.equal(document.text.split(/\r\n|\r|\n/)[env.range.start.line].trim(), 'value: 123456');
    await document.close();
  });

  test('a CR-only file: the same diagnostics as its LF form, fixes and suppressions insert \\r', async () => {
    const cr = POD.replace(/\n/g, '\r');
    const document = await RawDocument.open(client, nextUri(), cr);
    const diagnostics = await document.diagnostics();
    assert.deepEqual(
      diagnostics.filter((d) => /^yaml-/.test(String(d.code))),
      [],
    );
    const lf = await freshDiagnostics(POD);
    const placed = (list) => list.map((d) => `${d.code} ${JSON.stringify(d.range)} ${d.message}`);
    assert.deepEqual(placed(diagnostics), placed(lf));
    await assertInsertsOnly(document, diagnostics, '\r');
    await document.close();
  });

  test('a CR-only file: outline, folding, hover and inlay hints at the same positions as its LF form', async () => {
    const lf = await RawDocument.open(client, nextUri(), POD);
    const cr = await RawDocument.open(client, nextUri(), POD.replace(/\n/g, '\r'));
    await lf.diagnostics();
    await cr.diagnostics();
    const both = async (request) => [await request(lf.uri), await request(cr.uri)];
    const [symbolsLf, symbolsCr] = await both((uri) => client.documentSymbol(uri));
    assert.ok(symbolsLf.length > 0);
    assert.deepEqual(symbolsCr, symbolsLf);
    const [foldingLf, foldingCr] = await both((uri) => client.foldingRange(uri));
    assert.ok(foldingLf.length > 0);
    assert.deepEqual(foldingCr, foldingLf);
    const probe = { line: POD.split('\n').findIndex((line) => line.includes('periodSeconds: 5')), character: 8 };
    const [hoverLf, hoverCr] = await both((uri) => client.hover(uri, probe));
    assert.ok(hoverLf, 'a hover on periodSeconds');
    assert.deepEqual(hoverCr, hoverLf);
    const whole = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
    const [hintsLf, hintsCr] = await both((uri) => client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: whole }));
    assert.ok(hintsLf.length > 0);
    assert.deepEqual(hintsCr, hintsLf);
    await lf.close();
    await cr.close();
  });

  test('a CRLF file: fixes and suppressions insert \\r\\n', async () => {
    const document = await RawDocument.open(client, nextUri(), POD.replace(/\n/g, '\r\n'));
    const diagnostics = await document.diagnostics();
    await assertInsertsOnly(document, diagnostics, '\r\n');
    await document.close();
  });

  /** Every code action's edits use only `eol`, and applying each keeps the file's line ends. */
  async function assertInsertsOnly(document, diagnostics, eol) {
    let multiLine = 0;
    for (const diagnostic of diagnostics) {
      const actions = await client.codeAction(document.uri, diagnostic.range, [diagnostic]);
      for (const action of actions) {
        for (const change of action.edit?.documentChanges ?? []) {
          for (const edit of change.edits) {
            const ends = edit.newText.match(/\r\n|\r|\n/g) ?? [];
            if (ends.length > 0) multiLine += 1;
            assert.deepEqual(
              ends.filter((end) => end !== eol),
              [],
              `"${action.title}" inserts ${JSON.stringify(edit.newText)}`,
            );
          }
        }
      }
    }
    assert.ok(multiLine >= diagnostics.length, `every diagnostic offers "Disable for this line" at least (${multiLine})`);
  }

  test('after a close and reopen with other text, an old diagnostic gets no edits', async () => {
    const uri = nextUri();
    // The old text has a pull-policy finding on a container further down than the new text's.
    // (latest+digest: the one omitted policy image-pull-policy-implicit reports.)
    const old = `# comment one\n# comment two\n# comment three\n${POD.replace('    imagePullPolicy: Always\n', '').replace(/(image: \S+):1\.1\.0/, `$1:latest@sha256:${'a'.repeat(64)}`)}`;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: old } });
    const { diagnostics: stale } = await client.waitForDiagnostics(uri, (list) => list.length > 0, { version: 1 });
    const pullPolicy = stale.find((d) => d.code === 'image-pull-policy-implicit');
    assert.ok(pullPolicy?.data.fixes.length > 0, 'the old text has a pull-policy fix');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Reopened with other text: version 1 again. The old range now falls on `spec:`'s lines.
    const reopened = POD.replace('    imagePullPolicy: Always\n', '    imagePullPolicy: IfNotPresent\n');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: reopened } });
    const { diagnostics: current } = await client.waitForDiagnostics(uri, (list) => !list.some((d) => d.code === 'image-pull-policy-implicit'), { version: 1 });
    assert.equal(current.filter((d) => d.code === 'image-pull-policy-implicit').length, 0);
    const actions = await client.codeAction(uri, pullPolicy.range, stale);
    const withEdits = actions.filter((action) => action.edit);
    // Fixes of the current text's own diagnostics in that range are fine; the stale ones are not.
    const staleEdits = new Set(stale.flatMap((d) => d.data.fixes.map((fix) => JSON.stringify(fix.edits))));
    for (const action of withEdits) {
      const edits = JSON.stringify(action.edit.documentChanges[0].edits);
      assert.ok(!staleEdits.has(edits), `stale edits offered: "${action.title}" ${edits}`);
    }
    assert.ok(!actions.some((action) => action.diagnostics?.[0]?.code === 'image-pull-policy-implicit'), 'no action for the stale pull-policy diagnostic');
    // The same diagnostics for the very text they were computed for still get their fixes.
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: old } });
    await client.waitForDiagnostics(uri, (list) => list.some((d) => d.code === 'image-pull-policy-implicit'), { version: 1 });
    const again = await client.codeAction(uri, pullPolicy.range, [pullPolicy]);
    assert.ok(
      again.some((action) => action.title === pullPolicy.data.fixes[0].title && action.edit),
      'fixes offered for the same text',
    );
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});
