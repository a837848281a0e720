#!/usr/bin/env node
// Precompiles the committed schemas (schemas/v1.NN/definitions.json) into one standalone
// CommonJS module per version, dist/validators/v1.NN.js, so the engine never compiles a schema
// at run time (ajv compilation of a full version takes seconds; require() takes milliseconds).
//
// Each module exports one validate function per top-level kind, keyed by definition name
// (the values of schemas/v1.NN/index.json). Shared definitions are emitted once per module
// (inlineRefs: false) and the result is minified by esbuild, which also inlines any ajv runtime
// helper the generated code requires, so the modules need no node_modules at run time.
//
// Usage: node scripts/build-validators.mjs [--out DIR] [--force]   (default dist/validators)

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;
const esbuild = require('esbuild');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMAS_DIR = path.join(ROOT, 'schemas');
const DEFS_ID = 'podwise:definitions';

/**
 * Formats the definitions carry for documentation. Their checks, where we have any, are
 * already spelled as pattern/minimum/maximum in the schema, so ajv only needs to know the names.
 */
const KNOWN_FORMATS = ['int32', 'int64', 'double', 'byte', 'date-time', 'int-or-string', 'quantity'];

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Fingerprint of everything a version's module depends on. A module whose first line carries the
 * same fingerprint is up to date, so repeated builds skip the slow ajv compile.
 */
function fingerprint(version) {
  const hash = createHash('sha256');
  for (const file of [
    path.join(SCHEMAS_DIR, `v${version}`, 'definitions.json'),
    path.join(SCHEMAS_DIR, `v${version}`, 'index.json'),
    fileURLToPath(import.meta.url),
    require.resolve('ajv/package.json'),
    require.resolve('esbuild/package.json'),
  ]) {
    hash.update(readFileSync(file));
  }
  return `/* podwise-validators v${version} ${hash.digest('hex').slice(0, 16)} */`;
}

function isUpToDate(file, header) {
  if (!existsSync(file)) return false;
  const head = readFileSync(file, 'utf8').slice(0, header.length + 1);
  return head === `${header}\n`;
}

function compileVersion(version) {
  const dir = path.join(SCHEMAS_DIR, `v${version}`);
  const { definitions } = readJson(path.join(dir, 'definitions.json'));
  const { kinds } = readJson(path.join(dir, 'index.json'));
  const ajv = new Ajv({
    code: { source: true, esm: false, lines: false, optimize: true },
    allErrors: true,
    strict: false,
    inlineRefs: false,
    verbose: false,
    // The engine maps errors itself and never shows ajv's English messages.
    messages: false,
    formats: Object.fromEntries(KNOWN_FORMATS.map((f) => [f, true])),
  });
  ajv.addSchema({ $id: DEFS_ID, definitions });
  const exportsMap = {};
  for (const name of [...new Set(Object.values(kinds))].sort()) {
    // A tiny root per kind, referring into the shared document, so every kind's validator
    // calls the same per-definition functions instead of compiling its own copy.
    const id = `podwise:kind:${name}`;
    ajv.addSchema({ $id: id, $ref: `${DEFS_ID}#/definitions/${name}` });
    exportsMap[name] = id;
  }
  return standaloneCode(ajv, exportsMap);
}

async function minify(code) {
  // bundle (not just transform): inlines ajv runtime helpers such as ajv/dist/runtime/equal.
  const result = await esbuild.build({
    stdin: { contents: code, resolveDir: ROOT, sourcefile: 'validators.js', loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * Builds dist/validators/v1.NN.js for every version in schemas/versions.json; modules whose
 * inputs did not change are kept (pass force: true to rebuild anyway).
 */
export async function buildValidators({ outDir = path.join(ROOT, 'dist', 'validators'), log = console.log, force = false } = {}) {
  const { versions } = readJson(path.join(SCHEMAS_DIR, 'versions.json'));
  mkdirSync(outDir, { recursive: true });
  const report = [];
  for (const version of versions) {
    const file = path.join(outDir, `v${version}.js`);
    const header = fingerprint(version);
    if (!force && isUpToDate(file, header)) {
      report.push({ version, cached: true });
      continue;
    }
    const started = performance.now();
    const raw = compileVersion(version);
    const compiled = performance.now();
    const code = `${header}\n${await minify(raw)}`;
    writeFileSync(file, code);
    const entry = {
      version,
      compileMs: Math.round(compiled - started),
      minifyMs: Math.round(performance.now() - compiled),
      rawBytes: Buffer.byteLength(raw),
      bytes: Buffer.byteLength(code),
      gzipBytes: gzipSync(code).length,
    };
    report.push(entry);
    log(
      `validators v${version}: ${(entry.bytes / 1024).toFixed(0)} KiB (gzip ${(entry.gzipBytes / 1024).toFixed(0)} KiB, ` +
        `unminified ${(entry.rawBytes / 1024).toFixed(0)} KiB), compile ${entry.compileMs} ms, minify ${entry.minifyMs} ms`,
    );
  }
  const cached = report.filter((entry) => entry.cached).map((entry) => entry.version);
  if (cached.length > 0) log(`validators: up to date for ${cached.join(', ')}`);
  return report;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : undefined;
  buildValidators({ ...(outDir ? { outDir } : {}), force: args.includes('--force') }).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
