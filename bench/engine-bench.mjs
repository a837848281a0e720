#!/usr/bin/env node
// In-process engine cost against the floor, bare `yaml` parsing of the same text.
//   node bench/engine-bench.mjs [--corpus=DIR] [--rounds=N] [--json]
// Loads the built engine (dist/server/engine.js) and, over the corpus files and over fixture (b),
// times `analyzeText` (split, YAML 1.1 parse, plain value, strict schema validation with the
// precompiled validators, every rule, file checks, severities, suppressions, fix resolution)
// against `yaml.parseAllDocuments` (YAML 1.1, the same grammar the engine parses with).
// Also times the editor path: a FileAnalyzer re-analysing fixture (b) after a one-key edit,
// against parsing the one document that changed. Run by bench/run.mjs in its own process.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_DIR, applyToggle, findToggle, generateLarge } from './lib/fixtures.mjs';

const require = createRequire(import.meta.url);
const root = join(BENCH_DIR, '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key, value ?? true];
  }),
);
const corpusDir = args.corpus ?? join(root, '..', 'shared', 'corpus');
const rounds = Number(args.rounds ?? 5);
const K8S_VERSION = '1.36';

const engine = require(join(root, 'dist', 'server', 'engine.js'));
const YAML = require('yaml');
const parseOptions = { version: '1.1', uniqueKeys: true, logLevel: 'error' };

function listYaml(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listYaml(path));
    else if (/\.ya?ml$/i.test(name)) out.push(path);
  }
  return out;
}

function timePass(fn, texts) {
  const start = performance.now();
  for (const text of texts) fn(text);
  return performance.now() - start;
}

const parseFloor = (text) => YAML.parseAllDocuments(text, parseOptions);
const parseToJs = (text) => {
  const docs = YAML.parseAllDocuments(text, parseOptions);
  if (Array.isArray(docs)) for (const doc of docs) doc.toJS({ maxAliasCount: 1000 });
};
const analyze = (text) => engine.analyzeText(text, { kubernetesVersion: K8S_VERSION });

/**
 * Alternates the contenders round by round (after one warm-up round) and keeps each one's fastest
 * round: on a shared machine the minimum is the figure least disturbed by other load.
 */
function compare(texts, contenders, roundCount) {
  const times = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round <= roundCount; round++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const ms = timePass(fn, texts);
      if (round > 0) times[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, Math.min(...values)]));
}

function countDocuments(texts) {
  let documents = 0;
  for (const text of texts) {
    const docs = YAML.parseAllDocuments(text, parseOptions);
    documents += Array.isArray(docs) ? docs.length : 1;
  }
  return documents;
}

const result = {
  kubernetesVersion: K8S_VERSION,
  rounds,
  included:
    'analyzeText: split, YAML 1.1 parse + plain value, strict schema validation (precompiled ajv), all rules, file checks, severities, suppressions, fix resolution; floor: yaml.parseAllDocuments(text, { version: "1.1", uniqueKeys: true })',
};

// ---- corpus ----
const files = listYaml(corpusDir);
const texts = files.map((file) => readFileSync(file, 'utf8'));
let findings = 0;
for (const text of texts) findings += analyze(text).findings.length;
const documents = countDocuments(texts);
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const corpusTimes = compare(texts, { parse: parseFloor, parseToJs, engine: analyze }, rounds);
result.corpus = {
  dir: corpusDir,
  files: files.length,
  documents,
  megabytes: bytes / 1e6,
  findings,
  parseMs: corpusTimes.parse,
  parseToJsMs: corpusTimes.parseToJs,
  engineMs: corpusTimes.engine,
  parseUsPerDocument: (corpusTimes.parse * 1000) / documents,
  engineUsPerDocument: (corpusTimes.engine * 1000) / documents,
  ratio: corpusTimes.engine / corpusTimes.parse,
  ratioToParseToJs: corpusTimes.engine / corpusTimes.parseToJs,
};

// ---- fixture (b) ----
const large = generateLarge();
const toggle = findToggle(large, Math.floor(large.split('\n').length / 2));
const broken = applyToggle(large, toggle, true);
const planted = analyze(broken).findings.some((finding) => {
  const line = broken.slice(0, finding.range.start).split('\n').length - 1;
  return line === toggle.line && finding.message.includes('livenessprobe');
});
const repeat = (text, n) => Array.from({ length: n }, () => text);
const largeTimes = compare(repeat(large, 10), { parse: parseFloor, parseToJs, engine: analyze }, rounds * 2);
result.large = {
  documents: countDocuments([large]),
  lines: large.split('\n').length - 1,
  plantedErrorReported: planted,
  parseMs: largeTimes.parse / 10,
  parseToJsMs: largeTimes.parseToJs / 10,
  engineMs: largeTimes.engine / 10,
  ratio: largeTimes.engine / largeTimes.parse,
  ratioToParseToJs: largeTimes.engine / largeTimes.parseToJs,
};

// ---- the editor path on (b): one FileAnalyzer, the key toggled, vs parsing the changed document ----
const analyzer = new engine.FileAnalyzer();
analyzer.analyze(large, { kubernetesVersion: K8S_VERSION });
const toggleOffset = large.split('\n').slice(0, toggle.line).join('\n').length + 1;
const chunk = engine.splitDocuments(large).find((c) => c.start <= toggleOffset && toggleOffset < c.start + c.text.length);
const brokenChunk = engine.splitDocuments(broken).find((c) => c.startLine === chunk.startLine);
const edits = 200;
const incremental = [];
const chunkParse = [];
for (let i = 0; i < edits + 20; i++) {
  const text = i % 2 === 0 ? broken : large;
  let start = performance.now();
  analyzer.analyze(text, { kubernetesVersion: K8S_VERSION });
  const analyzeMs = performance.now() - start;
  start = performance.now();
  YAML.parseAllDocuments((i % 2 === 0 ? brokenChunk : chunk).text, parseOptions);
  const parseMs = performance.now() - start;
  if (i >= 20) {
    incremental.push(analyzeMs);
    chunkParse.push(parseMs);
  }
}
const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
result.incremental = {
  edits,
  analyzeMedianMs: med(incremental),
  changedDocumentParseMedianMs: med(chunkParse),
  ratio: med(incremental) / med(chunkParse),
};

if (args.json) process.stdout.write(JSON.stringify(result) + '\n');
else console.log(JSON.stringify(result, null, 2));
