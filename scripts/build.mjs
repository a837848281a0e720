// Bundles the client, the language server, the CLI and the engine with esbuild, and precompiles
// the schema validators (ajv standalone code) so nothing compiles schemas at run time.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const started = Date.now();
const targets = {
  client: () => build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client/extension.js', external: ['vscode'] }),
  server: () => build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server/server.js' }),
  // With the analysis worker `podwise check` starts (cli/worker-pool.ts looks for it next to cli.js): built together, never out of step.
  cli: () =>
    Promise.all([
      build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/server/cli.js' }),
      build({ ...common, entryPoints: ['server/src/cli/analysis-worker.ts'], outfile: 'dist/server/cli-worker.js' }),
    ]),
  engine: () => build({ ...common, entryPoints: ['server/src/node/engine-bundle.ts'], outfile: 'dist/server/engine.js' }),
  validators: async () => (await import('./build-validators.mjs')).buildValidators({ outDir: join(root, 'dist', 'validators') }),
};
await Promise.all(
  Object.entries(targets)
    .filter(([name]) => wanted(name))
    .map(([, run]) => run()),
);
console.log(`build: done in ${Date.now() - started} ms`);
