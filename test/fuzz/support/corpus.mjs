// Seed manifests for the fuzz and quick-fix properties: the shared corpus (valid/ and fixtures/,
// see ../shared/corpus/SOURCES.md) and the project's own examples/. Files are read once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const CORPUS = process.env.PODWISE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
export const corpusPresent = existsSync(join(CORPUS, 'valid'));

const EXTENSIONS = /\.ya?ml$/i;

function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (EXTENSIONS.test(name)) out.push(path);
  }
  return out;
}

const cache = new Map();

/**
 * Seed files as { name, text }: `sets` among 'valid', 'fixtures', 'examples'; files larger than
 * `maxBytes` are left out (the property runs analyse each seed many times).
 */
export function seeds({ sets = ['valid', 'fixtures', 'examples'], maxBytes = Infinity } = {}) {
  const key = `${sets.join(',')}|${maxBytes}`;
  if (cache.has(key)) return cache.get(key);
  const result = [];
  for (const set of sets) {
    const base = set === 'examples' ? join(ROOT, 'examples') : join(CORPUS, set);
    for (const path of walk(base, [])) {
      if (statSync(path).size > maxBytes) continue;
      const name = set === 'examples' ? `examples/${relative(base, path)}` : `${set}/${relative(base, path)}`;
      result.push({ name, text: readFileSync(path, 'utf8') });
    }
  }
  cache.set(key, result);
  return result;
}
