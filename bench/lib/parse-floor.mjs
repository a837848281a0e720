#!/usr/bin/env node
// The floor for the CLI figure: bare `yaml.parseAllDocuments` (YAML 1.1, as the engine parses)
// over the files the CLI checks, in one thread, listed and read from disk inside the timed span
// as the CLI does. Run by cli-bench.mjs in a fresh process each time, so its code is as cold as
// the CLI's. Node start-up is not counted (the CLI's wall clock includes its own).
//   node bench/lib/parse-floor.mjs ROOT PATH… → {"ms":…,"files":…,"documents":…}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { listInputs } from './cli-bench.mjs';

const [root, ...paths] = process.argv.slice(2);
const YAML = createRequire(join(root, 'package.json'))('yaml');
const parseOptions = { version: '1.1', uniqueKeys: true, logLevel: 'error' };

const started = performance.now();
let files = 0;
let documents = 0;
for (const path of paths) {
  for (const file of path.match(/\.(ya?ml|json)$/i) ? [path] : listInputs(path)) {
    const parsed = YAML.parseAllDocuments(readFileSync(file, 'utf8'), parseOptions);
    files += 1;
    documents += Array.isArray(parsed) ? parsed.length : 1;
  }
}
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, files, documents })}\n`);
