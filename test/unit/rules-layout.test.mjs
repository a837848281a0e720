// The layout of server/src/engine/rules/ (issue #10): rules/ holds rules only. Every rule is the
// module rules/<category>/<id>.ts and exports exactly that rule; helpers live elsewhere (k8s/),
// and nothing outside rules/ reaches past the registry (rules/index.ts) into a rule module.
//
// The rule modules are bundled from source together with the registry (esbuild, as the build
// does), so "exports that rule" is checked by identity with the registry's entry; the ids and
// categories are also compared with the built engine that the other tests use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { ALL_RULES } from '../../dist/server/engine.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES_DIR = join(ROOT, 'server', 'src', 'engine', 'rules');
const REGISTRY = join(RULES_DIR, 'index.ts');
const SOURCE_ROOTS = [join(ROOT, 'server', 'src'), join(ROOT, 'client', 'src')];

function tsFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...tsFiles(path));
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const posix = (path) => path.split(sep).join('/');
const ruleFiles = tsFiles(RULES_DIR).filter((file) => !file.endsWith(`${sep}index.ts`));

/** Every rule module, bundled with the registry: { modules: { 'category/id': module }, ALL_RULES }. */
async function loadRuleModules() {
  const dir = mkdtempSync(join(tmpdir(), 'podwise-rules-layout-'));
  try {
    const entry = join(dir, 'entry.ts');
    const lines = ruleFiles.map((file, i) => `import * as m${i} from ${JSON.stringify(posix(file))};`);
    lines.push(`export { ALL_RULES } from ${JSON.stringify(posix(REGISTRY))};`);
    lines.push(`export const modules = {${ruleFiles.map((file, i) => `${JSON.stringify(posix(relative(RULES_DIR, file)).replace(/\.ts$/, ''))}: m${i}`).join(', ')}};`);
    writeFileSync(entry, lines.join('\n'));
    const outfile = join(dir, 'rules.mjs');
    buildSync({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'silent' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const bundled = await loadRuleModules();

test('the bundled registry and the built engine list the same rules', () => {
  const ids = (rules) => rules.map((rule) => `${rule.meta.category}/${rule.meta.id}`).sort();
  assert.deepEqual(ids(bundled.ALL_RULES), ids(ALL_RULES));
});

test('every rule is the module rules/<category>/<id>.ts, which exports exactly that rule', () => {
  for (const { meta } of ALL_RULES) {
    const file = join(RULES_DIR, meta.category, `${meta.id}.ts`);
    assert.ok(existsSync(file), `${meta.id}: missing ${relative(ROOT, file)}`);
  }
  for (const rule of bundled.ALL_RULES) {
    const key = `${rule.meta.category}/${rule.meta.id}`;
    const module = bundled.modules[key];
    assert.ok(module, `${rule.meta.id}: no module ${key}.ts`);
    const exported = Object.keys(module);
    assert.equal(exported.length, 1, `${key}.ts exports ${exported.join(', ')}; a rule module exports its rule only`);
    assert.equal(module[exported[0]], rule, `${key}.ts exports the registry's ${rule.meta.id}`);
  }
});

test('every file under rules/ (other than index.ts) is a rule named after its id, in its category folder', () => {
  for (const [key, module] of Object.entries(bundled.modules)) {
    const parts = key.split('/');
    assert.equal(parts.length, 2, `${key}.ts: rules sit one folder deep (rules/<category>/<id>.ts)`);
    const values = Object.values(module);
    assert.equal(values.length, 1, `${key}.ts exports ${Object.keys(module).join(', ')}`);
    const meta = values[0]?.meta;
    assert.ok(meta, `${key}.ts is not a rule (a helper? it belongs in engine/k8s/)`);
    assert.equal(meta.id, parts[1], `${key}.ts defines ${meta.id}`);
    assert.equal(meta.category, parts[0], `${key}.ts has category ${meta.category}`);
    assert.ok(bundled.ALL_RULES.includes(values[0]), `${key}.ts is not in the registry (list it in ${parts[0]}/index.ts)`);
  }
});

test('index files exist only for the registry and the category folders', () => {
  const indexes = tsFiles(RULES_DIR)
    .filter((file) => file.endsWith(`${sep}index.ts`))
    .map((file) => posix(relative(RULES_DIR, file)))
    .sort();
  const categories = [...new Set(ALL_RULES.map((rule) => rule.meta.category))];
  assert.deepEqual(indexes, ['index.ts', ...categories.map((category) => `${category}/index.ts`)].sort());
});

/** Relative import specifiers of a file, resolved to files (`./x` → x.ts or x/index.ts). */
function importsOf(file) {
  const source = readFileSync(file, 'utf8');
  const targets = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g)) {
    const base = resolve(dirname(file), match[1]);
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (target) targets.push(target);
  }
  return targets;
}

test('outside rules/, only the registry is imported; inside, rule modules import no other rule', () => {
  const offenders = [];
  for (const root of SOURCE_ROOTS) {
    for (const file of tsFiles(root)) {
      const inRules = file.startsWith(RULES_DIR + sep);
      const isIndex = file.endsWith(`${sep}index.ts`);
      for (const target of importsOf(file)) {
        if (!target.startsWith(RULES_DIR + sep) || target === file) continue;
        const allowed = !inRules
          ? target === REGISTRY
          : file === REGISTRY
            ? target.endsWith(`${sep}index.ts`) && dirname(dirname(target)) === RULES_DIR
            : isIndex && dirname(target) === dirname(file);
        if (!allowed) offenders.push(`${posix(relative(ROOT, file))} imports ${posix(relative(ROOT, target))}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});
