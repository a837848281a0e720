// Protocol tests for code actions: quick fixes from diagnostic data, applied from the returned
// WorkspaceEdit; "Disable <rule> for this line/object"; docs; fix-all; stale data recomputed.
// Each applied edit is followed by the server's re-publish for the new version, and the test
// asserts the targeted diagnostic is gone, no new error appeared, and every comment survived.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient, fileUri, podManifest } from '../helpers/lsp-client.mjs';

const TYPO_BLOCK = '    livenessprobe:\n      tcpSocket:\n        port: 8080\n';
const ORIGINAL_LIVENESS = '    livenessProbe:\n      httpGet:\n        path: /healthz\n        port: http\n      periodSeconds: 10\n      failureThreshold: 3\n';

/** A Pod with a number env value (schema-type) and `livenessprobe` (schema-unknown-field). */
function brokenPod(index) {
  return podManifest(index, { envValue: '123456', extraContainerYaml: TYPO_BLOCK }).replace(ORIGINAL_LIVENESS, '');
}

const comments = (text) =>
  text
    .split('\n')
    .filter((line) => /(^|\s)#/.test(line))
    .map((line) => line.slice(line.indexOf('#')).trim());
const errorsOf = (diagnostics) => diagnostics.filter((d) => d.severity === 1).map((d) => `${d.code}@${d.range.start.line}`);
const byCode = (diagnostics, code) => diagnostics.filter((d) => d.code === code);

describe('language server: code actions', () => {
  let workspace;
  let client;
  let counter = 0;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'podwise-actions-'));
    client = await LspClient.start({ workspaceFolders: [workspace], settings: {} });
  });

  after(async () => {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function openBroken(text = brokenPod(counter)) {
    counter += 1;
    const uri = fileUri(join(workspace, `pod-${counter}.yaml`));
    await client.open(uri, text);
    const { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: 1 });
    return { uri, diagnostics, text };
  }

  /** Applies `action`, waits for the re-publish, and checks the house rules. Returns the new diagnostics. */
  async function applyAndCheck(uri, action, before, { gone }) {
    const textBefore = client.text(uri);
    assert.ok(action?.edit, `expected an action with an edit, got ${JSON.stringify(action)}`);
    assert.equal(action.edit.documentChanges[0].textDocument.version, client.version(uri), 'the edit is pinned to the current version');
    const versions = await client.applyWorkspaceEdit(action.edit);
    const { diagnostics } = await client.waitForDiagnostics(uri, undefined, { version: versions[uri] });
    const after = client.text(uri);
    for (const comment of comments(textBefore)) assert.ok(after.includes(comment), `comment lost: ${comment}\n${after}`);
    const stillThere = diagnostics.filter((d) => d.code === gone.code && d.message === gone.message);
    assert.deepEqual(stillThere, [], `${gone.code} still reported after "${action.title}"`);
    const errorsBefore = new Set(before.filter((d) => d.severity === 1).map((d) => `${d.code}|${d.message}`));
    const newErrors = diagnostics.filter((d) => d.severity === 1 && !errorsBefore.has(`${d.code}|${d.message}`));
    assert.deepEqual(
      newErrors.map((d) => `${d.code}: ${d.message}`),
      [],
      `"${action.title}" introduced errors:\n${after}`,
    );
    return diagnostics;
  }

  test('offers the rule fixes first (preferred first), then disable for line/object and docs', async () => {
    const { uri, diagnostics } = await openBroken();
    const typeError = byCode(diagnostics, 'schema-type')[0];
    const actions = await client.codeAction(uri, typeError.range, [typeError]);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Quote the value', 'Disable schema-type for this line', 'Disable schema-type for this object', 'Show documentation for schema-type'],
    );
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.every((a) => a.kind === 'quickfix'));
    assert.deepEqual(actions[3].command, { title: 'Show documentation for schema-type', command: 'podwise.showRuleDocs', arguments: ['schema-type'] });
    assert.ok(actions.every((a) => a.diagnostics?.[0]?.code === 'schema-type'));
    // No source actions in the light bulb; fix-all only when asked for.
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.podwise'));
  });

  test('a quick fix applied from its WorkspaceEdit clears the diagnostic and keeps comments', async () => {
    const { uri, diagnostics } = await openBroken();
    const unknown = byCode(diagnostics, 'schema-unknown-field')[0];
    const actions = await client.codeAction(uri, unknown.range, [unknown]);
    const rename = actions.find((a) => a.title === 'Rename to "livenessProbe"');
    const after = await applyAndCheck(uri, rename, diagnostics, { gone: unknown });
    assert.ok(client.text(uri).includes('    livenessProbe:\n      tcpSocket:'));
    const typeError = byCode(after, 'schema-type')[0];
    const quote = (await client.codeAction(uri, typeError.range, [typeError])).find((a) => a.isPreferred);
    await applyAndCheck(uri, quote, after, { gone: typeError });
    assert.ok(client.text(uri).includes('value: "123456"'));
  });

  test('"Disable <rule> for this line" inserts the comment above with the line\'s indentation', async () => {
    const { uri, diagnostics } = await openBroken();
    const typeError = byCode(diagnostics, 'schema-type')[0];
    const disable = (await client.codeAction(uri, typeError.range, [typeError])).find((a) => a.title === 'Disable schema-type for this line');
    const after = await applyAndCheck(uri, disable, diagnostics, { gone: typeError });
    const lines = client.text(uri).split('\n');
    assert.equal(lines[typeError.range.start.line], '      # podwise-disable-next-line schema-type');
    assert.equal(lines[typeError.range.start.line + 1], '      value: 123456');
    assert.equal(byCode(after, 'schema-unknown-field').length, 1, 'other findings stay');
  });

  test('"Disable <rule> for this line" extends an existing comment on the line above', async () => {
    const text = brokenPod(90).replace('    livenessprobe:', '    livenessprobe:').replace('      value: 123456', '      value: 123456');
    const withComment = text.replace('    livenessprobe:\n', '    # podwise-disable-next-line schema-type\n    livenessprobe:\n');
    const { uri, diagnostics } = await openBroken(withComment);
    const unknown = byCode(diagnostics, 'schema-unknown-field')[0];
    const disable = (await client.codeAction(uri, unknown.range, [unknown])).find((a) => a.title === 'Disable schema-unknown-field for this line');
    assert.deepEqual(
      disable.edit.documentChanges[0].edits.map((e) => e.newText),
      [', schema-unknown-field'],
    );
    await applyAndCheck(uri, disable, diagnostics, { gone: unknown });
    assert.ok(client.text(uri).includes('    # podwise-disable-next-line schema-type, schema-unknown-field\n    livenessprobe:'));
  });

  test('"Disable <rule> for this object" adds, then extends, the podwise.io/disable annotation', async () => {
    const { uri, diagnostics } = await openBroken();
    const typeError = byCode(diagnostics, 'schema-type')[0];
    const disable = (await client.codeAction(uri, typeError.range, [typeError])).find((a) => a.title === 'Disable schema-type for this object');
    const after = await applyAndCheck(uri, disable, diagnostics, { gone: typeError });
    const metadata = client.text(uri).slice(client.text(uri).indexOf('\nmetadata:\n'), client.text(uri).indexOf('\nspec:\n') + 1);
    assert.ok(metadata.includes('\n  annotations:\n    podwise.io/disable: schema-type\n'), metadata);
    const unknown = byCode(after, 'schema-unknown-field')[0];
    const again = (await client.codeAction(uri, unknown.range, [unknown])).find((a) => a.title === 'Disable schema-unknown-field for this object');
    await applyAndCheck(uri, again, after, { gone: unknown });
    assert.match(client.text(uri), /podwise\.io\/disable: "?schema-type, schema-unknown-field"?\n/);
    const final = await client.waitForDiagnostics(uri, undefined, { version: client.version(uri) });
    assert.deepEqual(errorsOf(final.diagnostics), []);
  });

  test('"Disable <rule> for this object" in a later document of a multi-document file with annotations', async () => {
    const second = brokenPod(2).replace('  labels:\n', '  annotations:\n    team: web # owner\n  labels:\n');
    const { uri, diagnostics } = await openBroken(`${podManifest(1)}---\n${second}`);
    const typeError = byCode(diagnostics, 'schema-type')[0];
    const disable = (await client.codeAction(uri, typeError.range, [typeError])).find((a) => a.title === 'Disable schema-type for this object');
    await applyAndCheck(uri, disable, diagnostics, { gone: typeError });
    const text = client.text(uri);
    const annotations = text.slice(text.indexOf('  annotations:'), text.indexOf('  labels:', text.indexOf('  annotations:')));
    assert.ok(annotations.includes('    podwise.io/disable: schema-type\n') && annotations.includes('    team: web # owner\n'), annotations);
  });

  test('"Disable <rule> for this object" on an item of a List annotates that item, not the List', async () => {
    // Two Pods as items of a List, each with an env value that is a number (schema-type).
    const item = (index) =>
      brokenPod(index)
        .replace(/\n$/, '')
        .split('\n')
        .map((line, at) => (at === 0 ? `  - ${line}` : `    ${line}`))
        .join('\n');
    const text = `apiVersion: v1\nkind: List\nitems:\n${item(7)}\n${item(8).replace('123456', '654321')}\n`;
    const { uri, diagnostics } = await openBroken(text);
    const typeErrors = byCode(diagnostics, 'schema-type');
    assert.equal(typeErrors.length, 2, JSON.stringify(diagnostics.map((d) => d.code)));
    const second = typeErrors.sort((a, b) => a.range.start.line - b.range.start.line)[1];
    const disable = (await client.codeAction(uri, second.range, [second])).find((a) => a.title === 'Disable schema-type for this object');
    const after = await applyAndCheck(uri, disable, diagnostics, { gone: second });
    // The first item's finding stays: the annotation went into the second item's metadata.
    assert.equal(byCode(after, 'schema-type').length, 1);
    const fixed = client.text(uri);
    const secondItem = fixed.slice(fixed.indexOf('name: web-8'));
    assert.match(secondItem, /\n {6}annotations:\n {8}podwise\.io\/disable: schema-type\n/, secondItem);
    assert.ok(!fixed.slice(0, fixed.indexOf('name: web-8')).includes('podwise.io/disable'), 'the first item is untouched');
    assert.ok(!client.text(uri).slice(0, client.text(uri).indexOf('items:')).includes('podwise.io/disable'), 'the List wrapper is untouched');
  });

  test('stale diagnostic data: fixes are recomputed for the current version', async () => {
    const { uri, diagnostics } = await openBroken();
    const unknown = byCode(diagnostics, 'schema-unknown-field')[0];
    // Insert two lines at the top: the old diagnostic's data (version 1) no longer matches.
    const v2 = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n# two\n' }]);
    const actions = await client.codeAction(uri, unknown.range, [unknown]);
    assert.deepEqual(actions, [], 'the old range no longer holds the finding: nothing is offered');
    const { diagnostics: current } = await client.waitForDiagnostics(uri, undefined, { version: v2 });
    const moved = { ...byCode(current, 'schema-unknown-field')[0], data: { version: 1, fixes: [] } };
    const recomputed = await client.codeAction(uri, moved.range, [moved]);
    const rename = recomputed.find((a) => a.title === 'Rename to "livenessProbe"');
    assert.ok(rename, 'recomputed from a fresh analysis');
    assert.equal(rename.edit.documentChanges[0].textDocument.version, v2);
    assert.equal(rename.edit.documentChanges[0].edits[0].range.start.line, unknown.range.start.line + 2);
    await applyAndCheck(uri, rename, current, { gone: moved });
  });

  test('source.fixAll.podwise applies every safe fix in one edit', async () => {
    const { uri, diagnostics } = await openBroken(`${brokenPod(3)}---\n${brokenPod(4)}`);
    assert.equal(byCode(diagnostics, 'schema-type').length, 2);
    assert.equal(byCode(diagnostics, 'schema-unknown-field').length, 2);
    const actions = await client.codeAction(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    assert.equal(actions.length, 1);
    const [fixAll] = actions;
    assert.equal(fixAll.kind, 'source.fixAll.podwise');
    const safeCount = diagnostics.filter((d) => d.data.fixes.some((f) => f.safe)).length;
    assert.equal(fixAll.title, `Fix ${safeCount} Podwise problems`);
    const textBefore = client.text(uri);
    const versions = await client.applyWorkspaceEdit(fixAll.edit);
    const { diagnostics: after } = await client.waitForDiagnostics(uri, undefined, { version: versions[uri] });
    assert.deepEqual(byCode(after, 'schema-type'), []);
    assert.deepEqual(byCode(after, 'schema-unknown-field'), []);
    assert.deepEqual(errorsOf(after), []);
    for (const comment of comments(textBefore)) assert.ok(client.text(uri).includes(comment));
    // Nothing left to fix: no action.
    assert.deepEqual(await client.codeAction(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll.podwise']), []);
  });

  test('.podwise.yaml problems get their quick fixes', async () => {
    const uri = fileUri(join(workspace, '.podwise.yaml'));
    await client.open(uri, 'rules:\n  schema-type: of\n');
    const { diagnostics } = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const actions = await client.codeAction(uri, diagnostics[0].range, diagnostics);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to "off"'],
    );
    await client.applyWorkspaceEdit(actions[0].edit);
    await client.waitForDiagnostics(uri, (d) => d.length === 0, { version: client.version(uri) });
    await client.close(uri);
  });
});
