// CLI throughput: `node bin/podwise.js check --format json <corpus> <planted file>`, wall clock
// (node start-up included, as a user or CI sees it), documents per second; with the default
// `--jobs` (worker threads) and with `--jobs 1` (in-process), each against the bare-parse floor
// of the same files measured in the same run (parse-floor.mjs), the runs interleaved.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);

/** The files the CLI checks in a folder: *.yaml, *.yml, *.json; node_modules and .git skipped. */
export function listInputs(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === '.git') continue;
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) out.push(...listInputs(path));
    else if (/\.(ya?ml|json)$/i.test(name)) out.push(path);
  }
  return out;
}

/** Documents as the engine cuts them (JSON files are one document). */
export function countDocuments(root, dir) {
  const engine = require(join(root, 'dist', 'server', 'engine.js'));
  let documents = 0;
  let bytes = 0;
  const files = listInputs(dir);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    if (/\.json$/i.test(file)) documents += 1;
    else documents += engine.splitDocuments(text).length;
  }
  return { files: files.length, documents, bytes };
}

function runCli(root, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin', 'podwise.js'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr = (stderr + chunk).slice(-10000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`podwise check timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started, stdout, stderr });
    });
  });
}

/** One bare-parse pass over the same paths, in its own process: its in-process time in ms. */
function parseFloor(root, paths, timeoutMs) {
  const out = execFileSync(process.execPath, [join(root, 'bench', 'lib', 'parse-floor.mjs'), root, ...paths], { encoding: 'utf8', timeout: timeoutMs });
  return JSON.parse(out).ms;
}

/**
 * The same findings, but for the files that ran out of time (--time-limit) in either run: how far
 * those got depends on the clock, which the other runs on the machine disturb.
 */
function sameFindings(a, b) {
  const timedOut = new Set([...a, ...b].filter((r) => r.rule === 'yaml-limit' && r.message.startsWith('Checking stopped')).map((r) => r.file));
  const rest = (records) => JSON.stringify(records.filter((r) => !timedOut.has(r.file)));
  return rest(a) === rest(b);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function cliThroughput({ root, corpusDir, plantedFile, planted, runs = 3, timeoutMs = 120000 }) {
  const counted = countDocuments(root, corpusDir);
  const args = ['check', '--format', 'json', '--kubernetes-version', '1.36', corpusDir, plantedFile];
  const times = [];
  const inProcessTimes = [];
  const floorTimes = [];
  let findings;
  let plantedReported = false;
  let sameOutput = true;
  for (let i = 0; i < runs; i++) {
    floorTimes.push(parseFloor(root, [corpusDir, plantedFile], timeoutMs));
    const run = await runCli(root, args, timeoutMs);
    if (run.code !== 0 && run.code !== 1) throw new Error(`podwise check exited ${run.code}: ${run.stderr}`);
    const records = JSON.parse(run.stdout);
    findings = records.length;
    plantedReported = records.some((r) => r.file.endsWith(plantedFile.split('/').pop()) && r.range.start.line === planted.line && r.message.includes(planted.word));
    if (!plantedReported) throw new Error('podwise check did not report the planted error');
    times.push(run.ms);
    const single = await runCli(root, [...args, '--jobs', '1'], timeoutMs);
    inProcessTimes.push(single.ms);
    sameOutput &&= single.code === run.code && sameFindings(records, JSON.parse(single.stdout));
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  const floorMs = median(floorTimes);
  const inProcessMs = median(inProcessTimes);
  const documents = counted.documents + 1;
  const megabytes = (counted.bytes + readFileSync(plantedFile).length) / 1e6;
  return {
    files: counted.files + 1,
    documents,
    megabytes,
    runs,
    medianMs: ms,
    allMs: times,
    inProcessMedianMs: inProcessMs,
    inProcessAllMs: inProcessTimes,
    parseFloorMedianMs: floorMs,
    parseFloorAllMs: floorTimes,
    floorRatio: ms / floorMs,
    inProcessFloorRatio: inProcessMs / floorMs,
    sameOutputInProcess: sameOutput,
    documentsPerSecond: documents / (ms / 1000),
    megabytesPerSecond: megabytes / (ms / 1000),
    findings,
    plantedErrorReported: plantedReported,
  };
}
