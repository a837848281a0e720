// The VS Code client's logic that needs no editor (client/src/save-target.ts, client-log.ts,
// setting-source.ts), bundled from source here with esbuild as the build does: where the version
// picker saves, a clean server exit logged as info, where the Kubernetes version comes from, and
// the trace setting the LanguageClient reads.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MODULES = ['save-target', 'client-log', 'setting-source'];

async function loadClientModules() {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-client-logic-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, MODULES.map((name) => `export * from ${JSON.stringify(join(ROOT, 'client', 'src', `${name}.ts`))};`).join('\n'));
    const outfile = join(dir, 'client-logic.mjs');
    // `vscode` is external: a module that imported it would fail to load here (they must not).
    buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent', external: ['vscode'] });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const client = await loadClientModules();

describe('version picker: where the version is saved', () => {
  test('the first time, with a workspace open, it asks', () => {
    assert.equal(client.resolveSaveTarget(undefined, true), 'ask');
    assert.equal(client.resolveSaveTarget('something-old', true), 'ask', 'an unknown stored value is no answer');
  });

  test('then the remembered answer, without asking', () => {
    assert.deepEqual(client.resolveSaveTarget('workspace', true), { target: 'workspace' });
    assert.deepEqual(client.resolveSaveTarget('user', true), { target: 'user' });
  });

  test('no workspace open: user settings, the only place (no question)', () => {
    assert.deepEqual(client.resolveSaveTarget(undefined, false), { target: 'user' });
    assert.deepEqual(client.resolveSaveTarget('workspace', false), { target: 'user' });
  });

  test('the question offers both, the current choice first, and names the file a workspace choice writes', () => {
    assert.deepEqual(
      client.saveTargetChoices().map((choice) => choice.target),
      ['workspace', 'user'],
    );
    assert.deepEqual(
      client.saveTargetChoices('user').map((choice) => choice.target),
      ['user', 'workspace'],
    );
    assert.match(client.saveTargetChoices()[0].detail, /\.vscode\/settings\.json/);
    assert.equal(client.savedMessage('1.35', 'workspace'), 'Kubernetes 1.35 saved in workspace settings');
    assert.equal(typeof client.SAVE_TARGET_KEY, 'string');
  });
});

describe('client log', () => {
  test('a clean server exit (restart, reload) is info; any other exit stays an error', () => {
    assert.equal(client.isCleanExit('Server process exited with code 0.'), true);
    assert.equal(client.isCleanExit('Server process exited with code 1.'), false);
    assert.equal(client.isCleanExit('Server process exited with code 10.'), false);
    assert.equal(client.isCleanExit('Server process exited with signal SIGKILL.'), false);
    assert.equal(client.isCleanExit('Connection to server got closed. Server will not be restarted.'), false);
  });

  test('the line matches what the installed vscode-languageclient writes', () => {
    const source = readFileSync(join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'node', 'main.js'), 'utf8');
    assert.ok(source.includes('this.error(`Server process exited with code ${code}.`'), 'vscode-languageclient changed its exit line: update client-log.ts');
  });

  test('the trace setting the LanguageClient reads (`<id>.trace.server`) is contributed', () => {
    const { properties } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration;
    const trace = properties[`${client.CLIENT_ID}.trace.server`];
    assert.ok(trace, `${client.CLIENT_ID}.trace.server is in contributes.configuration`);
    assert.deepEqual(trace.enum, ['off', 'messages', 'verbose']);
    assert.equal(trace.default, 'off');
    const languageClient = readFileSync(join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'common', 'client.js'), 'utf8');
    assert.ok(languageClient.includes('getConfiguration(this._id)') && languageClient.includes("config.get('trace.server'"), 'vscode-languageclient reads <id>.trace.server');
    const extension = readFileSync(join(ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(extension, /new PodwiseLanguageClient\(CLIENT_ID,/, 'the extension starts its LanguageClient with CLIENT_ID');
  });
});

describe('where the Kubernetes version comes from', () => {
  test('the most specific settings level that sets it, else the default', () => {
    assert.equal(client.settingSource(undefined), 'default');
    assert.equal(client.settingSource({ defaultValue: '1.36' }), 'default');
    assert.equal(client.settingSource({ globalValue: '1.34' }), 'user settings');
    assert.equal(client.settingSource({ globalValue: '1.34', workspaceValue: '1.33' }), 'workspace settings');
    assert.equal(client.settingSource({ globalValue: '1.34', workspaceValue: '1.33', workspaceFolderValue: '1.32' }), 'folder settings');
  });
});
