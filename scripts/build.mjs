// Bundles the client, the language server, the CLI and the engine with esbuild, and precompiles
// the schema validators (ajv standalone code) so nothing compiles schemas at run time.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { yamlDebugSwitchesOff } from './yaml-debug-switches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

// `--only=engine,validators` builds a subset (handy while working on one part).
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (name) => !only || only.has(name);

/**
 * Node bundles are kept ASCII-only. esbuild already escapes every non-ASCII character of strings,
 * regular expressions and identifiers (its default `charset: 'ascii'`); what is left is in comments
 * the development build keeps (e.g. a `→` in a dependency's comment). One such character makes V8
 * hold the whole source as a two-byte string, for as long as the process runs (lazy compilation
 * reads it): 5 MB instead of 2.5 MB for the server. Each UTF-16 unit becomes one `?`, so every
 * column, and the source map, stays exact. (The minified production build has no comments.)
 */
function asciiOnly(outfile) {
  const file = join(root, outfile);
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, '?');
  if (ascii !== text) writeFileSync(file, ascii);
}
// `yaml`'s debugging switches are compiled out of the Node bundles (yaml-debug-switches.mjs).
const node = async (options) => {
  await build({ ...common, plugins: [yamlDebugSwitchesOff], ...options });
  asciiOnly(options.outfile);
};

const started = Date.now();
const targets = {
  client: () => build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  // launch.js starts the process (V8 flags, the code cache), then loads server.js.
  server: () =>
    Promise.all([
      node({ entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server/server.js' }),
      node({ entryPoints: ['server/src/node/server-launch.ts'], outfile: 'dist/server/launch.js' }),
    ]),
  // With the analysis worker `podwise check` starts (cli/worker-pool.ts looks for it next to cli.js): built together, never out of step.
  cli: () =>
    Promise.all([
      node({ entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server/cli.js' }),
      node({ entryPoints: ['server/src/cli/analysis-worker.ts'], outfile: 'dist/server/cli-worker.js' }),
    ]),
  engine: () => node({ entryPoints: ['server/src/node/engine-bundle.ts'], outfile: 'dist/server/engine.js' }),
  // Engine chunks (engine/schema/schema-source.ts ENGINE_CHUNKS): loaded on first use by every bundle above.
  chunks: () => node({ entryPoints: ['server/src/engine/cel/index.ts'], outfile: 'dist/server/engine-cel.js' }),
  validators: async () => (await import('./build-validators.mjs')).buildValidators({ outDir: join(root, 'dist', 'validators') }),
};
await Promise.all(
  Object.entries(targets)
    .filter(([name]) => wanted(name))
    .map(([, run]) => run()),
);
console.log(`build: done in ${Date.now() - started} ms`);
