// Snippets and completion from the language server, by context (issue #11): manifests on an empty
// document, probe and lifecycle blocks inside a container, nothing inside a probe or in another
// tool's YAML; `kind` values follow `apiVersion`. Completion is asked through VS Code's own
// command, as the suggest widget does, and a snippet is inserted as the widget inserts it.
'use strict';

const assert = require('assert');
const vscode = require('vscode');
const { test } = require('./harness');
const h = require('./vscode-helpers');

/** An untitled YAML editor with `content`, after the server published for it once. */
async function untitled(content = '') {
  const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  const before = h.publishCount(doc.uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await h.waitForPublish(doc.uri, before, 'the first publication');
  return { doc, editor };
}

/** The completion items VS Code collects at a position, without the word-based ones. */
async function completions(uri, line, character) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
  return (list ? list.items : []).filter((item) => item.kind !== vscode.CompletionItemKind.Text);
}

const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);
const snippetsIn = (items) => items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(labelOf);

async function closeActive() {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

test('an empty document offers the manifest snippets; each one inserted has no finding at all', async () => {
  await h.activate();
  const probe = await untitled();
  const offered = snippetsIn(await completions(probe.doc.uri, 0, 0));
  await closeActive();
  for (const name of ['pod', 'deployment-zero-downtime', 'statefulset', 'job', 'cronjob']) assert.ok(offered.includes(name), `${name} offered: ${offered}`);
  assert.ok(!offered.includes('probe-http'), 'no probe block at the top level');
  const problems = [];
  for (const name of offered) {
    const { doc, editor } = await untitled();
    const item = (await completions(doc.uri, 0, 0)).find((candidate) => labelOf(candidate) === name);
    const since = h.publishCount(doc.uri);
    const snippet = item.insertText instanceof vscode.SnippetString ? item.insertText : new vscode.SnippetString(String(item.insertText));
    await editor.insertSnippet(snippet, new vscode.Position(0, 0));
    await h.waitForPublish(doc.uri, since, `diagnostics for the ${name} snippet`);
    const diagnostics = h.podwiseDiagnostics(doc.uri);
    if (!doc.getText().startsWith('apiVersion:') && !doc.getText().startsWith('#')) problems.push(`${name}: inserted ${JSON.stringify(doc.getText().slice(0, 40))}`);
    if (diagnostics.length > 0) problems.push(`${name}: ${diagnostics.map((d) => `${h.fmtDiag(d)} ${d.message}`).join('; ')}`);
    await closeActive();
  }
  assert.deepStrictEqual(problems, []);
});

test('inside a probe no snippet is offered; under the container the probe and preStop blocks are', async () => {
  const pod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    'spec:',
    '  containers:',
    '  - name: web',
    '    image: nginx:1.27',
    '    ports:',
    '    - name: http',
    '      containerPort: 8080',
    '    livenessProbe:',
    '      ',
    '',
  ].join('\n');
  const { doc } = await untitled(pod);
  assert.deepStrictEqual(snippetsIn(await completions(doc.uri, 12, 6)), [], 'inside livenessProbe');
  const underContainer = snippetsIn(await completions(doc.uri, 12, 4));
  assert.ok(underContainer.includes('probe-http'), `probe-http under the container: ${underContainer}`);
  assert.ok(!underContainer.includes('pod'), `no manifest snippet inside a container: ${underContainer}`);
  await closeActive();
});

test('a GitHub Actions workflow gets no Podwise completion at all', async () => {
  // An untitled copy: the workspace's ci/github-workflow.yaml belongs to 70-non-kubernetes, which
  // waits for its first publication on open.
  const workflow = 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n\n';
  const { doc } = await untitled(workflow);
  for (const [line, character] of [
    [7, 0],
    [5, 4],
  ]) {
    const items = await completions(doc.uri, line, character);
    assert.deepStrictEqual(snippetsIn(items), [], `snippets at ${line}:${character}`);
    assert.ok(!items.some((item) => ['apiVersion', 'kind', 'pod'].includes(labelOf(item))), `items at ${line}:${character}: ${items.map(labelOf)}`);
  }
  await closeActive();
});

test('kind completion under apiVersion apps/v1 lists the apps/v1 kinds only', async () => {
  const { doc } = await untitled('apiVersion: apps/v1\nkind: \n');
  const kinds = (await completions(doc.uri, 1, 6)).map(labelOf);
  for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']) assert.ok(kinds.includes(kind), `${kind} in ${kinds}`);
  for (const kind of ['ConfigMap', 'Pod', 'APIService', 'Binding']) assert.ok(!kinds.includes(kind), `${kind} not in ${kinds}`);
  await closeActive();
});
