// Rename across files (engine/navigation/rename.ts): object names with every reference, ConfigMap
// keys, and Pod labels with the selectors that select through them — minimal edits that keep
// comments and quoting; prepareRename refuses what it cannot rename, with a reason. Also the code
// lenses and workspace symbols, which count from the same objects.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLenses, prepareRenameAt, referencesAt, renameAt, renameEdits, workspaceSymbols } from '../../dist/server/engine.js';
import { yaml } from '../helpers/engine.mjs';
import { CONFIG, DEPLOYMENT, INGRESS, SERVICE, workspaceOf } from './navigation-fixtures.mjs';

const FILES = { '/w/deploy.yaml': DEPLOYMENT, '/w/service.yaml': SERVICE, '/w/config.yaml': CONFIG, '/w/ingress.yaml': INGRESS };

/** Renames at `offset` and returns the files' new texts (only those that changed). */
async function rename(files, current, offset, newName) {
  const { workspace, read } = setup(files, current);
  const targets = renameAt(workspace, offset, newName);
  if ('refused' in targets) return targets;
  const edits = await renameEdits(targets, newName, { filePath: current, snapshot: workspace.snapshot }, read);
  if ('refused' in edits) return edits;
  const changed = {};
  for (const [path, list] of edits) {
    let text = files[path];
    for (const edit of [...list].sort((a, b) => b.offsets.start - a.offsets.start)) text = text.slice(0, edit.offsets.start) + edit.newText + text.slice(edit.offsets.end);
    changed[path] = text;
  }
  return changed;
}

function setup(files, current) {
  const { workspace } = workspaceOf(files, current);
  return { workspace, read: async (path) => files[path] };
}

const offsetIn = (text, search, nth = 0, delta = 1) => {
  let offset = -1;
  for (let i = 0; i <= nth; i += 1) offset = text.indexOf(search, offset + 1);
  assert.ok(offset >= 0, search);
  return offset + delta;
};

describe('navigation: rename a label', () => {
  const deployment = DEPLOYMENT.replace('      app: web # the selector', '      app: "web" # the selector');

  it('a template label value: the template, the selector (quotes kept) and the Service in another file, comments kept', async () => {
    const files = { ...FILES, '/w/deploy.yaml': deployment };
    const changed = await rename(files, '/w/deploy.yaml', offsetIn(deployment, 'app: web', 0, 6), 'shop');
    assert.deepEqual(Object.keys(changed).sort(), ['/w/deploy.yaml', '/w/service.yaml']);
    assert.match(changed['/w/deploy.yaml'], /matchLabels:\n {6}app: "shop" # the selector\n/);
    assert.match(changed['/w/deploy.yaml'], /labels:\n {8}app: shop\n {8}tier: front\n/);
    assert.equal(changed['/w/service.yaml'], SERVICE.replace('app: web', 'app: shop'));
  });

  it('a label key from the Service selector: the Service, the template and the selector', async () => {
    const changed = await rename(FILES, '/w/service.yaml', offsetIn(SERVICE, 'app: web', 0, 1), 'app.kubernetes.io/name');
    assert.equal(changed['/w/service.yaml'], SERVICE.replace('app: web', 'app.kubernetes.io/name: web'));
    assert.equal((changed['/w/deploy.yaml'].match(/app\.kubernetes\.io\/name: web/g) ?? []).length, 2);
  });

  it('two Deployments behind one Service: renaming one keeps the Service selecting both (the group is renamed)', async () => {
    const second = DEPLOYMENT.replace('name: web\nspec', 'name: web-canary\nspec').replace('tier: front', 'tier: canary');
    const files = { '/w/deploy.yaml': DEPLOYMENT, '/w/canary.yaml': second, '/w/service.yaml': SERVICE };
    const changed = await rename(files, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'app: web', 1, 6), 'shop');
    assert.deepEqual(Object.keys(changed).sort(), ['/w/canary.yaml', '/w/deploy.yaml', '/w/service.yaml']);
    assert.equal((changed['/w/canary.yaml'].match(/app: shop/g) ?? []).length, 2);
  });

  it('a label no selector uses renames the template label only; an invalid value is refused', async () => {
    const changed = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'tier: front', 0, 7), 'back');
    assert.deepEqual(Object.keys(changed), ['/w/deploy.yaml']);
    assert.equal(changed['/w/deploy.yaml'], DEPLOYMENT.replace('tier: front', 'tier: back'));
    const refused = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'tier: front', 0, 7), 'not valid!');
    assert.match(refused.refused, /^"not valid!" is not a valid label value: /);
  });

  it('a value that would read as a boolean or a number is quoted', async () => {
    const changed = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'tier: front', 0, 7), 'yes');
    assert.match(changed['/w/deploy.yaml'], /tier: "yes"/);
    const number = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'tier: front', 0, 7), '10');
    assert.match(number['/w/deploy.yaml'], /tier: "10"/);
  });
});

describe('navigation: rename an object', () => {
  it('a ConfigMap: its name and every reference; another namespace is left alone', async () => {
    const pod = yaml`
      apiVersion: v1
      kind: Pod
      metadata:
        name: tool
        namespace: other
      spec:
        containers:
        - name: tool
          image: busybox:1.36
          envFrom:
          - configMapRef: {name: settings}
    `;
    const config = CONFIG.replace('name: settings\n', 'name: settings\n  namespace: default\n');
    const files = { ...FILES, '/w/config.yaml': config, '/w/pod.yaml': pod };
    const changed = await rename(files, '/w/config.yaml', offsetIn(config, 'name: settings', 0, 7), 'app-settings');
    assert.deepEqual(Object.keys(changed).sort(), ['/w/config.yaml', '/w/deploy.yaml']);
    assert.match(changed['/w/config.yaml'], /name: app-settings\n {2}namespace: default/);
    assert.match(changed['/w/deploy.yaml'], /configMapKeyRef:\n +name: app-settings\n/);
  });

  it('from a reference (claimName): the claim and the reference', async () => {
    const changed = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'claimName: web-data', 0, 12), 'web-storage');
    assert.match(changed['/w/deploy.yaml'], /claimName: web-storage/);
    assert.match(changed['/w/config.yaml'], /name: web-storage\nspec:\n {2}accessModes/);
  });

  it('a Service: the Ingress backend follows; a name the API server rejects is refused', async () => {
    const changed = await rename(FILES, '/w/service.yaml', offsetIn(SERVICE, 'name: web', 0, 7), 'front');
    assert.match(changed['/w/ingress.yaml'], /service:\n +name: front\n/);
    const refused = await rename(FILES, '/w/service.yaml', offsetIn(SERVICE, 'name: web', 0, 7), 'Front');
    assert.ok('refused' in refused);
  });

  it('a ConfigMap key from its reader: the data key and every reader', async () => {
    const changed = await rename(FILES, '/w/deploy.yaml', offsetIn(DEPLOYMENT, 'key: mode', 0, 6), 'speed');
    assert.match(changed['/w/config.yaml'], /data:\n {2}speed: fast\n/);
    assert.match(changed['/w/deploy.yaml'], /key: speed\n/);
  });
});

describe('navigation: a ConfigMap key where it is defined', () => {
  it('finds its readers and renames them with it', async () => {
    const { workspace, locate, at } = workspaceOf(FILES, '/w/config.yaml');
    assert.deepEqual(await locate(referencesAt(workspace, at('mode: fast', 0, 1), false)), [{ file: '/w/deploy.yaml', line: 26, text: 'mode' }]);
    const changed = await rename(FILES, '/w/config.yaml', offsetIn(CONFIG, 'mode: fast', 0, 1), 'speed');
    assert.match(changed['/w/config.yaml'], /data:\n {2}speed: fast\n {2}other: x\n/);
    assert.match(changed['/w/deploy.yaml'], /key: speed\n/);
  });
});

describe('navigation: prepareRename', () => {
  it('answers the range and text of a name, and refuses elsewhere with a reason', () => {
    const { workspace } = setup(FILES, '/w/deploy.yaml');
    const offset = offsetIn(DEPLOYMENT, 'name: web', 0, 7);
    const place = prepareRenameAt(workspace, offset);
    assert.equal(place.placeholder, 'web');
    assert.equal(DEPLOYMENT.slice(place.range.start, place.range.end), 'web');
    const refused = prepareRenameAt(workspace, offsetIn(DEPLOYMENT, 'image: nginx', 0, 8));
    assert.match(refused.refused, /renames object names, ConfigMap\/Secret keys and Pod labels/);
    assert.ok('refused' in prepareRenameAt(workspace, offsetIn(DEPLOYMENT, 'name: http', 0, 7)), 'a container port name is not renamed from here');
  });
});

describe('navigation: code lenses and workspace symbols', () => {
  it('a Service says what it selects; a workload which Services select it; a ConfigMap how many use it', () => {
    const lens = (files, current) => {
      const { workspace } = setup(files, current);
      return codeLenses(workspace).map((item) => [files[current].slice(item.range.start, item.range.end), item.title]);
    };
    assert.deepEqual(lens(FILES, '/w/service.yaml'), [['apiVersion', 'selects 1 Deployment']]);
    assert.deepEqual(lens({ '/w/service.yaml': SERVICE }, '/w/service.yaml'), [['apiVersion', 'selects no Pods in the workspace']]);
    assert.deepEqual(lens(FILES, '/w/deploy.yaml'), [['apiVersion', 'selected by 1 Service']]);
    assert.deepEqual(
      lens(FILES, '/w/config.yaml').map(([, title]) => title),
      ['used by 1', 'used by 1', 'used by 1', 'used by 1'],
    );
    const unused = { '/w/config.yaml': CONFIG };
    assert.deepEqual(lens(unused, '/w/config.yaml')[0], ['apiVersion', 'not used in the workspace']);
  });

  it('every object as "Kind name" with its namespace, filtered by the query', () => {
    const { workspace } = setup(FILES, '/w/deploy.yaml');
    const all = workspaceSymbols(workspace.objects, '');
    assert.ok(all.some((symbol) => symbol.title === 'ConfigMap settings' && symbol.filePath === '/w/config.yaml'));
    assert.deepEqual(
      workspaceSymbols(workspace.objects, 'depweb').map((symbol) => symbol.title),
      ['Deployment web'],
    );
  });
});
