// An esbuild plugin for the Node bundles: `yaml`'s two debugging switches are read as `false`.
//
// `yaml` (2.x, CommonJS build) checks `process.env.LOG_TOKENS` once for every token its parser
// reads and `process.env.LOG_STREAM` once per document its composer builds; when either is set it
// prints what it reads with `console.log`. Two reasons to compile them out of our bundles:
// - Reading `process.env` is a call into Node's environment lookup, not a property load: over
//   the shared corpus it was 15-20 % of a bare `yaml.parseAllDocuments` (docs/performance.md,
//   round four). Every keystroke, start-up and `podwise check` parses with it.
// - Standard output is the language server's LSP channel (`--stdio`) and the CLI's report: a
//   user with LOG_TOKENS in their environment would get a broken protocol or broken JSON.
// `yaml`'s own browser build (browser/dist) has neither read: they are for working on `yaml`.
//
// Each switch must be found exactly where it is expected: after an upgrade of `yaml` that moved or
// renamed one, the build fails with a message saying which, instead of silently keeping the cost.
import { readFile } from 'node:fs/promises';

/** The switches, by the module of `yaml` that reads them (paths relative to the package). */
export const YAML_DEBUG_SWITCHES = [
  { module: 'dist/parse/parser.js', read: 'node_process.env.LOG_TOKENS' },
  { module: 'dist/compose/composer.js', read: 'node_process.env.LOG_STREAM' },
];

const MODULE_PATH = /[\\/]node_modules[\\/]yaml[\\/](dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js)$/;

/** `source` (the text of `module`) with its switch read as `false`; throws when it is not there once. */
export function switchesOff(module, source) {
  const wanted = YAML_DEBUG_SWITCHES.find((entry) => entry.module === module);
  if (!wanted) return source;
  const count = source.split(wanted.read).length - 1;
  if (count !== 1) {
    throw new Error(
      `yaml-debug-switches: expected \`${wanted.read}\` once in yaml/${module}, found it ${count} times. ` +
        'A new version of yaml? Check how it reads its debugging switch and update scripts/yaml-debug-switches.mjs.',
    );
  }
  // Same length is not needed (the source map is esbuild's, from this text), but the line stays one line.
  return source.replace(wanted.read, 'false /* yaml-debug-switches: off in Podwise bundles */');
}

/** The esbuild plugin. */
export const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    const seen = new Set();
    build.onLoad({ filter: MODULE_PATH }, async (args) => {
      const module = MODULE_PATH.exec(args.path)[1].replace(/\\/g, '/');
      seen.add(module);
      return { contents: switchesOff(module, await readFile(args.path, 'utf8')), loader: 'js' };
    });
    build.onEnd((result) => {
      // A bundle that parses YAML loads both modules: one missing means yaml's layout changed.
      if (result.errors.length > 0 || seen.size === 0) return;
      const missing = YAML_DEBUG_SWITCHES.filter((entry) => !seen.has(entry.module)).map((entry) => entry.module);
      if (missing.length > 0) {
        result.errors.push({ text: `yaml-debug-switches: yaml/${missing.join(', yaml/')} was not bundled: update scripts/yaml-debug-switches.mjs` });
      }
    });
  },
};
