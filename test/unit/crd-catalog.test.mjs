// The bundled CRD catalog (scripts/generate-crd-catalog.mjs → schemas/crds/): structure only,
// every served version of every CRD present, index and files consistent, in sync with the source.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { checkCatalog, stripSchema } from '../../scripts/generate-crd-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CATALOG = join(root, 'schemas', 'crds');
const SOURCE = process.env.PODWISE_CRDS_DIR ?? join(root, '..', 'shared', 'crds');
const index = JSON.parse(readFileSync(join(CATALOG, 'index.json'), 'utf8'));

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** Every schema object of a JSONSchemaProps tree (property names are not keywords). */
function* schemas(node) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
  yield node;
  for (const key of ['properties', 'patternProperties', 'definitions']) for (const child of Object.values(node[key] ?? {})) yield* schemas(child);
  for (const key of ['items', 'additionalProperties', 'not', 'additionalItems']) if (typeof node[key] === 'object') yield* schemas(node[key]);
  for (const key of ['allOf', 'anyOf', 'oneOf']) for (const child of node[key] ?? []) yield* schemas(child);
}

test('the index names a file for every served version, and every file is in the index', () => {
  const named = new Set();
  for (const [key, entry] of Object.entries(index.resources)) {
    assert.match(key, /^[a-z0-9.-]+\/v[0-9a-z]+\/[A-Z][A-Za-z0-9]*$/, key);
    assert.ok(['Namespaced', 'Cluster'].includes(entry.scope), key);
    assert.equal(typeof entry.plural, 'string');
    if (entry.served) {
      assert.ok(entry.file, `${key} is served but has no schema file`);
      assert.ok(existsSync(join(CATALOG, entry.file)), entry.file);
      named.add(entry.file);
    } else assert.equal(entry.file, undefined, `${key} is not served but has a file`);
  }
  const files = listFiles(CATALOG)
    .map((file) => relative(CATALOG, file).split('\\').join('/'))
    .filter((file) => file !== 'index.json');
  assert.deepEqual(files.sort(), [...named].sort());
  // Each CRD has exactly one storage version.
  const storage = new Map();
  for (const [key, entry] of Object.entries(index.resources)) {
    const [group, , kind] = key.split('/');
    storage.set(`${group}/${kind}`, (storage.get(`${group}/${kind}`) ?? 0) + (entry.storage ? 1 : 0));
  }
  for (const [kind, count] of storage) assert.equal(count, 1, `${kind} has ${count} storage versions`);
});

test('schema files hold structure only: no description, example, externalDocs or title', () => {
  let nodes = 0;
  for (const file of listFiles(CATALOG).filter((name) => !name.endsWith('index.json'))) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    assert.match(data.$comment, /generate-crd-catalog\.mjs/);
    assert.equal(typeof data.openAPIV3Schema, 'object');
    for (const node of schemas(data.openAPIV3Schema)) {
      nodes++;
      for (const prose of ['description', 'example', 'externalDocs', 'title']) assert.equal(node[prose], undefined, `${file}: ${prose}`);
      for (const rule of node['x-kubernetes-validations'] ?? []) {
        assert.equal(typeof rule.rule, 'string');
        assert.deepEqual(
          Object.keys(rule).filter((key) => !['rule', 'message', 'messageExpression', 'fieldPath', 'reason', 'optionalOldSelf'].includes(key)),
          [],
        );
      }
    }
  }
  assert.ok(nodes > 10000, `only ${nodes} schema nodes`);
});

test('stripSchema keeps a property named "description" and the values of default and enum', () => {
  const stripped = stripSchema({
    description: 'prose',
    type: 'object',
    properties: { description: { type: 'string', description: 'more prose', default: 'x' } },
    default: { description: 'kept' },
    'x-kubernetes-validations': [{ rule: 'true', message: 'm', description: 'no' }],
  });
  assert.deepEqual(stripped, {
    type: 'object',
    properties: { description: { type: 'string', default: 'x' } },
    default: { description: 'kept' },
    'x-kubernetes-validations': [{ rule: 'true', message: 'm' }],
  });
});

test('the catalog is what the generator makes from ../shared/crds (drift)', { skip: existsSync(SOURCE) ? false : `no CRD source at ${SOURCE}` }, () => {
  assert.deepEqual(checkCatalog({ sourceDir: SOURCE, committedDir: CATALOG }), []);
});

test('every served version of every source CRD is in the index', { skip: existsSync(SOURCE) ? false : `no CRD source at ${SOURCE}` }, () => {
  let versions = 0;
  for (const file of listFiles(SOURCE).filter((name) => /\.ya?ml$/.test(name))) {
    const crd = parseDocument(readFileSync(file, 'utf8'), { version: '1.1' }).toJS({ maxAliasCount: -1 });
    for (const version of crd.spec.versions) {
      versions++;
      const entry = index.resources[`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`];
      assert.ok(entry, `${file}: ${version.name} missing`);
      assert.equal(entry.served, version.served === true);
      assert.equal(entry.deprecated, version.deprecated === true);
    }
  }
  assert.equal(versions, Object.keys(index.resources).length);
});
