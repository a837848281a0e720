#!/usr/bin/env node
// Precompiles the committed schemas (schemas/v1.NN/definitions.json) into standalone CommonJS
// modules, so the engine never compiles a schema at run time (ajv compilation of a full version
// takes seconds; require() takes milliseconds). Per version, in dist/validators:
//
//   v1.NN.js            the index: which chunk holds the validator of each top-level definition,
//                       `module.exports = { chunks: { "v1.NN.<chunk>.js": [definition, …] } }`;
//   v1.NN.<chunk>.js    one chunk per group of kinds (CHUNKS below), exporting one validate
//                       function per top-level definition of its kinds.
//
// The registry (server/src/engine/schema/validator-registry.ts) reads the index and requires a
// chunk on first use of one of its kinds, so a file of Deployments and Services never loads the
// code for the other ~140 kinds. Inside a chunk, shared definitions are emitted once
// (inlineRefs: false); across chunks only what both use (ObjectMeta and friends) is repeated.
// Each chunk is minified by esbuild, which also inlines any ajv runtime helper the generated code
// requires, so the modules need no node_modules at run time.
//
// Usage: node scripts/build-validators.mjs [--out DIR] [--force]   (default dist/validators)

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * How each version's validators are split. A kind goes to the first chunk that names it (its
 * XList kind goes along: it shares all of the kind's code); the last chunk takes the rest.
 * - workloads: what everyday manifests are made of. The PodSpec tree (most of the chunk) is
 *   shared by every kind with a Pod template, so they belong together: per-kind modules would
 *   repeat it for each of them, in every version (several MB more in the .vsix).
 * - cluster: what charts and cluster set-up add: CRDs, webhooks, classes, quotas.
 * - rest: everything else (dynamic resource allocation, reviews, flow control, ...).
 * For 1.36 that is about 0.8, 0.3 and 1.0 MB of code, against 2 MB in one module.
 */
const CHUNKS = [
  {
    name: 'workloads',
    kinds: [
      'Pod',
      'PodTemplate',
      'ReplicationController',
      'Deployment',
      'StatefulSet',
      'DaemonSet',
      'ReplicaSet',
      'Job',
      'CronJob',
      'Service',
      'ConfigMap',
      'Secret',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'ServiceAccount',
      'Namespace',
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'Role',
      'ClusterRole',
      'RoleBinding',
      'ClusterRoleBinding',
    ],
  },
  {
    name: 'cluster',
    kinds: [
      'CustomResourceDefinition',
      'MutatingWebhookConfiguration',
      'ValidatingWebhookConfiguration',
      'ValidatingAdmissionPolicy',
      'ValidatingAdmissionPolicyBinding',
      'APIService',
      'StorageClass',
      'PriorityClass',
      'IngressClass',
      'LimitRange',
      'ResourceQuota',
      'RuntimeClass',
      'Endpoints',
      'EndpointSlice',
      'Lease',
      'CSIDriver',
    ],
  },
  { name: 'rest' },
];

/**
 * Formats the definitions carry for documentation. Their checks, where we have any, are
 * already spelled as pattern/minimum/maximum in the schema, so ajv only needs to know the names.
 */
const KNOWN_FORMATS = ['int32', 'int64', 'double', 'byte', 'date-time', 'int-or-string', 'quantity'];

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * Fingerprint of everything a version's modules depend on. A version whose index and chunks all
 * start with the same fingerprint is up to date, so repeated builds skip the slow ajv compile.
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

function hasHeader(file, header) {
  if (!existsSync(file)) return false;
  const head = readFileSync(file, 'utf8').slice(0, header.length + 1);
  return head === `${header}\n`;
}

/** The version's chunks: file name → sorted top-level definitions (empty chunks left out). */
function planVersion(version) {
  const { kinds } = readJson(path.join(SCHEMAS_DIR, `v${version}`, 'index.json'));
  const last = CHUNKS.length - 1;
  const chunkOfKind = new Map();
  CHUNKS.forEach((chunk, i) => {
    for (const kind of chunk.kinds ?? []) {
      chunkOfKind.set(kind, i);
      chunkOfKind.set(`${kind}List`, i);
    }
  });
  // A definition served under several apiVersion/kind keys goes to the first chunk any key picks.
  const chunkOfDefinition = new Map();
  for (const [key, definition] of Object.entries(kinds)) {
    const chunk = chunkOfKind.get(key.slice(key.lastIndexOf('/') + 1)) ?? last;
    chunkOfDefinition.set(definition, Math.min(chunk, chunkOfDefinition.get(definition) ?? last));
  }
  const plan = new Map();
  CHUNKS.forEach((chunk, i) => {
    const names = [...chunkOfDefinition].filter(([, c]) => c === i).map(([definition]) => definition);
    if (names.length > 0) plan.set(`v${version}.${chunk.name}.js`, names.sort());
  });
  return plan;
}

function compileChunk(definitions, names) {
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
  for (const name of names) {
    // A tiny root per kind, referring into the shared document, so every kind's validator calls
    // the same per-definition functions instead of compiling its own copy. Only definitions
    // reachable from this chunk's kinds are compiled into it.
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

/** Removes chunk files of `version` that the current plan no longer has (renamed chunks, old layouts). */
function removeStaleChunks(outDir, version, plan) {
  const prefix = `v${version}.`;
  for (const file of readdirSync(outDir)) {
    if (file.startsWith(prefix) && file.endsWith('.js') && file !== `v${version}.js` && !plan.has(file)) {
      rmSync(path.join(outDir, file), { force: true });
    }
  }
}

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

/**
 * Builds the index and chunks of every version in schemas/versions.json; versions whose inputs
 * did not change are kept (pass force: true to rebuild anyway). ajv compiles one chunk while
 * esbuild (its own process) minifies the previous ones.
 */
export async function buildValidators({ outDir = path.join(ROOT, 'dist', 'validators'), log = console.log, force = false } = {}) {
  const { versions } = readJson(path.join(SCHEMAS_DIR, 'versions.json'));
  mkdirSync(outDir, { recursive: true });
  const pending = [];
  const cached = [];
  for (const version of versions) {
    const indexFile = path.join(outDir, `v${version}.js`);
    const header = fingerprint(version);
    const plan = planVersion(version);
    removeStaleChunks(outDir, version, plan);
    const upToDate = hasHeader(indexFile, header) && [...plan.keys()].every((file) => hasHeader(path.join(outDir, file), header));
    if (!force && upToDate) {
      cached.push(version);
      continue;
    }
    const { definitions } = readJson(path.join(SCHEMAS_DIR, `v${version}`, 'definitions.json'));
    const chunks = [];
    for (const [file, names] of plan) {
      const started = performance.now();
      const raw = compileChunk(definitions, names);
      const compileMs = performance.now() - started;
      chunks.push(
        minify(raw).then((code) => {
          const text = `${header}\n${code}`;
          writeFileSync(path.join(outDir, file), text);
          const bytes = Buffer.byteLength(text);
          return { file, kinds: names.length, compileMs, rawBytes: Buffer.byteLength(raw), bytes, gzipBytes: gzipSync(text).length };
        }),
      );
    }
    pending.push(
      Promise.all(chunks).then((written) => {
        // The index goes last: until it carries the new fingerprint, the version is not up to date.
        const index = JSON.stringify({ chunks: Object.fromEntries(plan) });
        writeFileSync(indexFile, `${header}\n"use strict";module.exports=${index};\n`);
        const compileMs = Math.round(written.reduce((n, c) => n + c.compileMs, 0));
        return { version, compileMs, chunks: written };
      }),
    );
  }
  const report = await Promise.all(pending);
  for (const { version, compileMs, chunks } of report) {
    const parts = chunks.map((c) => `${c.file.slice(`v${version}.`.length, -3)} ${c.kinds} kinds ${kib(c.bytes)} (gzip ${kib(c.gzipBytes)})`);
    log(`validators v${version}: ${parts.join(', ')}; compile ${compileMs} ms`);
  }
  if (cached.length > 0) log(`validators: up to date for ${cached.join(', ')}`);
  return [...report, ...cached.map((version) => ({ version, cached: true }))];
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
