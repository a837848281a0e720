// Bundles the CEL evaluator (server/src/engine/cel) on its own for the cel-* tests, so they
// exercise it directly (celFindings, compileRule, counters) without going through a CRD lookup.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function loadCel() {
  const folder = mkdtempSync(join(tmpdir(), 'podwise-cel-'));
  const outfile = join(folder, 'cel.cjs');
  try {
    await build({ entryPoints: [join(root, 'server/src/engine/cel/index.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'error' });
    const loaded = await import(pathToFileURL(outfile).href);
    return loaded.default ?? loaded;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
