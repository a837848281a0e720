// Quick fixes through vscode.executeCodeActionProvider + workspace.applyEdit, as the light bulb
// applies them: the diagnostic goes away, the text is exactly what we expect, comments survive.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test } = require('./harness');
const h = require('./vscode-helpers');

/** Opens file, waits for `code`, returns the file, the diagnostic and the quick fixes offered for it. */
async function fixesFor(file, code) {
  const opened = await h.open(file);
  const diags = await h.waitForDiagnostics(opened.uri, h.has(code), code);
  const diagnostic = h.single(diags, code);
  const actions = await h.quickFixes(opened.uri, diagnostic);
  return { ...opened, diagnostic, actions, titles: actions.map((a) => a.title) };
}

function pick(actions, title) {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix "${title}"; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

test('liveness successThreshold: 3 → 1 (probe-success-threshold): diagnostic gone, only that value changed, comments kept', async () => {
  const { uri, doc, diagnostic, actions, titles } = await fixesFor('probes-lifecycle.yaml', 'probe-success-threshold');
  assert.strictEqual(h.fmtRange(diagnostic.range), '60:24-60:25');
  const before = doc.getText();
  const fix = pick(actions, 'Set successThreshold to 1');
  assert.strictEqual(fix.isPreferred, true, 'the value fix is the preferred one');
  assert.ok(titles.includes('Disable probe-success-threshold for this line'), `suppression offered: ${JSON.stringify(titles)}`);
  assert.ok(titles.includes('Show documentation for probe-success-threshold'), `docs offered: ${JSON.stringify(titles)}`);
  await h.applyAction(fix);
  const expected = before.replace('      successThreshold: 3 # [comment says: ready after 2 successes]', '      successThreshold: 1 # [comment says: ready after 2 successes]');
  assert.notStrictEqual(expected, before, 'fixture line not found');
  assert.strictEqual(doc.getText(), expected, 'the fix changed exactly the value');
  assert.deepStrictEqual(h.comments(doc.getText()), h.comments(before), 'comments kept');
  const after = await h.waitForDiagnostics(uri, h.lacks('probe-success-threshold'), 'probe-success-threshold to go away');
  assert.deepStrictEqual(after.filter((d) => h.severityOf(d) === 'error').map(h.fmtDiag), [], 'no errors left');
  // the rest of the advice is still there (the file was re-validated, not cleared)
  assert.ok(
    after.some((d) => h.codeOf(d) === 'image-latest-tag'),
    'image-latest-tag still reported',
  );
});

test('PetSet → apps/v1 StatefulSet conversion (api-version-removed): converted with a selector, Service and comments untouched', async () => {
  const { uri, doc, actions } = await fixesFor('petset.yaml', 'api-version-removed');
  const before = doc.getText();
  await h.applyAction(pick(actions, 'Convert to apps/v1 StatefulSet'));
  const text = doc.getText();
  const [serviceBefore] = before.split('\n---\n');
  const [serviceAfter, petsetAfter] = text.split('\n---\n');
  assert.strictEqual(serviceAfter, serviceBefore, 'the Service document is unchanged');
  assert.match(petsetAfter, /^apiVersion: apps\/v1\nkind: StatefulSet\nmetadata:\n {2}name: web\n/, 'apiVersion and kind converted in place');
  assert.match(petsetAfter, /\n {2}selector:\n {4}matchLabels:\n {6}app: nginx\n {2}template:\n/, 'a selector matching the template labels was added');
  assert.ok(!text.includes('pod.alpha.kubernetes.io/initialized'), 'the PetSet-era annotation was removed');
  for (const line of ['  serviceName: "nginx"', '      terminationGracePeriodSeconds: 0', '        image: gcr.io/google_containers/nginx-slim:0.8', '          storage: 1Gi']) {
    assert.ok(petsetAfter.includes(`${line}\n`), `kept: ${line}`);
  }
  assert.deepStrictEqual(h.comments(text), h.comments(before), 'comments kept');
  const after = await h.waitForDiagnostics(uri, h.lacks('api-version-removed'), 'api-version-removed to go away');
  assert.deepStrictEqual(after.filter((d) => h.severityOf(d) === 'error').map(h.fmtDiag), [], 'no errors after the conversion');
  // The zero grace period is now judged as a StatefulSet's
  assert.ok(
    after.some((d) => h.codeOf(d) === 'statefulset-zero-grace'),
    'statefulset-zero-grace still reported on the StatefulSet',
  );
});

test('static Pod env value 123456 → "123456" (schema-type): quoted in place, saved file as expected', async () => {
  const { uri, doc, actions } = await fixesFor('etc/kubernetes/manifests/static-mysql.yaml', 'schema-type');
  const before = doc.getText();
  const quote = actions.find((a) => a.isPreferred) || actions[0];
  assert.ok(quote && /quote|"123456"/i.test(quote.title), `a quoting fix is offered first: ${JSON.stringify(actions.map((a) => a.title))}`);
  await h.applyAction(quote);
  assert.strictEqual(doc.getText(), before.replace('      value: 123456\n', '      value: "123456"\n'));
  await h.waitForDiagnostics(uri, h.lacks('schema-type'), 'schema-type to go away');
  assert.ok(await doc.save(), 'saved');
  const onDisk = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  assert.strictEqual(onDisk, doc.getText(), 'the saved file holds the fix');
});

test('"Disable <rule> for this line" inserts a podwise-disable-next-line comment and silences only that finding', async () => {
  const { uri, doc, actions } = await fixesFor('crashloop.yaml', 'container-command-exits');
  const before = doc.getText();
  await h.applyAction(pick(actions, 'Disable container-command-exits for this line'));
  const added = doc
    .getText()
    .split('\n')
    .filter((l) => !before.split('\n').includes(l));
  assert.deepStrictEqual(
    added.map((l) => l.trim()),
    ['# podwise-disable-next-line container-command-exits'],
  );
  const after = await h.waitForDiagnostics(uri, h.lacks('container-command-exits'), 'container-command-exits to go away');
  assert.ok(
    after.some((d) => h.codeOf(d) === 'image-latest-tag'),
    'other findings stay',
  );
  // revert: back to the original text (the .podwise.yaml test uses this file)
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(doc.getText(), before, 'revert restored the file');
  await h.waitForDiagnostics(uri, h.has('container-command-exits'), 'container-command-exits back after the revert');
});
