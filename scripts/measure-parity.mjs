#!/usr/bin/env node
// Measures Podwise against the API-parity cases (test/fixtures/api-parity/<area>/<case>.yaml):
// small manifests that reproduce the cases of Kubernetes' own validation tests
// (pkg/apis/*/validation/validation_test.go), written independently of Podwise's rules.
//
// A case file is one of two kinds (see test/fixtures/api-parity/README.md):
//   - `# expect: valid` on line 1: the API server accepts it, so no error-severity finding may appear;
//   - otherwise each line carrying a `# expect-error` comment is where the API server's field path
//     points; it is caught when an error-severity finding's range starts on that line. Lines marked
//     `# expect-error:<group>` form one expectation (the API server reports the problem at each of
//     them, e.g. both sides of a conflict): a finding on any of them catches it.
// `# version: 1.33` in the leading comments picks the target Kubernetes version (default 1.36).
//
// Prints, per parity area, invalid cases caught (recall), false errors on valid cases, and the
// misses (file:line). `--json` prints the same as JSON. Always exits 0: it measures, the test
// (test/integration/api-parity.test.mjs) decides.
// usage: node scripts/measure-parity.mjs [--json] [--dir=<cases dir>]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CASES_DIR = join(root, 'test', 'fixtures', 'api-parity');
const ENGINE = join(root, 'dist', 'server', 'engine.js');
const DEFAULT_VERSION = '1.36';
const MARKER = /#\s*expect-error(?::([\w-]+))?/;

/**
 * Every case under `dir`: `{ file, area, name, text, valid, version, expectations }`, where each
 * expectation is the list of 0-based lines any of which an error finding must start on.
 */
export function loadCases(dir = CASES_DIR) {
  const cases = [];
  for (const area of readdirSync(dir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const entry of readdirSync(join(dir, area.name)).sort()) {
      if (!entry.endsWith('.yaml')) continue;
      const file = join(dir, area.name, entry);
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const valid = /^#\s*expect:\s*valid\s*$/.test(lines[0] ?? '');
      const header = lines.slice(0, 5).find((line) => /^#\s*version:/.test(line));
      const version = header ? header.replace(/^#\s*version:\s*/, '').trim() : DEFAULT_VERSION;
      const groups = new Map();
      const expectations = [];
      lines.forEach((line, index) => {
        const match = MARKER.exec(line);
        if (!match) return;
        if (!match[1]) expectations.push([index]);
        else if (groups.has(match[1])) groups.get(match[1]).push(index);
        else {
          const group = [index];
          groups.set(match[1], group);
          expectations.push(group);
        }
      });
      cases.push({ file, area: area.name, name: entry.replace(/\.yaml$/, ''), text, valid, version, expectations });
    }
  }
  return cases;
}

/** 0-based line of an offset. */
function lineAt(text, offset) {
  let line = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/**
 * Runs the engine over the cases. Returns per-area counts, the misses (a marked line with no
 * error-severity finding starting on it, with the errors found elsewhere) and the false errors
 * (error-severity findings on valid cases).
 */
export function measure(cases, analyzeText) {
  const areas = new Map();
  const misses = [];
  const falseErrors = [];
  for (const testCase of cases) {
    const area = areas.get(testCase.area) ?? { area: testCase.area, invalid: 0, caught: 0, valid: 0, validWithErrors: 0 };
    areas.set(testCase.area, area);
    const findings = analyzeText(testCase.text, { kubernetesVersion: testCase.version }).findings;
    const errors = findings.filter((finding) => finding.severity === 'error').map((finding) => ({ ...finding, line: lineAt(testCase.text, finding.range.start) }));
    const where = relative(root, testCase.file);
    if (testCase.valid) {
      area.valid++;
      if (errors.length > 0) area.validWithErrors++;
      for (const error of errors) falseErrors.push({ file: where, line: error.line + 1, ruleId: error.ruleId, message: error.message, version: testCase.version });
      continue;
    }
    for (const lines of testCase.expectations) {
      area.invalid++;
      if (errors.some((error) => lines.includes(error.line))) {
        area.caught++;
        continue;
      }
      // `elsewhere` tells a problem found on another line (a location difference) from one not found at all.
      misses.push({
        file: where,
        line: lines[0] + 1,
        version: testCase.version,
        elsewhere: errors.map((error) => ({ line: error.line + 1, ruleId: error.ruleId, message: error.message })),
      });
    }
  }
  const rows = [...areas.values()].sort((a, b) => a.area.localeCompare(b.area));
  const total = rows.reduce(
    (sum, row) => ({
      invalid: sum.invalid + row.invalid,
      caught: sum.caught + row.caught,
      valid: sum.valid + row.valid,
      validWithErrors: sum.validWithErrors + row.validWithErrors,
    }),
    { invalid: 0, caught: 0, valid: 0, validWithErrors: 0 },
  );
  return { areas: rows, total: { ...total, recall: total.invalid === 0 ? 1 : total.caught / total.invalid }, misses, falseErrors };
}

const percent = (caught, of) => (of === 0 ? '   -  ' : `${((100 * caught) / of).toFixed(1).padStart(5)}%`);

function printTable(result) {
  const width = Math.max(...result.areas.map((row) => row.area.length), 'area'.length);
  console.log(`${'area'.padEnd(width)}  caught/invalid  recall  valid  false-error cases`);
  for (const row of [...result.areas, { area: 'total', ...result.total }]) {
    if (row.area === 'total') console.log('-'.repeat(width + 50));
    console.log(
      `${row.area.padEnd(width)}  ${`${row.caught}/${row.invalid}`.padStart(14)}  ${percent(row.caught, row.invalid)}  ${String(row.valid).padStart(5)}  ${String(row.validWithErrors).padStart(17)}`,
    );
  }
  const notFound = result.misses.filter((miss) => miss.elsewhere.length === 0);
  const otherLine = result.misses.filter((miss) => miss.elsewhere.length > 0);
  const at = (miss) => `${miss.file}:${miss.line}${miss.version === DEFAULT_VERSION ? '' : ` (${miss.version})`}`;
  if (notFound.length > 0) {
    console.log(`\nMisses, no error finding in the case (${notFound.length})`);
    for (const miss of notFound) console.log(`  ${at(miss)}`);
  }
  if (otherLine.length > 0) {
    console.log(`\nMisses, errors reported on other lines only (${otherLine.length})`);
    for (const miss of otherLine) console.log(`  ${at(miss)}  [${miss.elsewhere.map((error) => `${error.ruleId}@${error.line}`).join(', ')}]`);
  }
  if (result.falseErrors.length > 0) {
    console.log(`\nFalse errors on valid cases (${result.falseErrors.length})`);
    for (const error of result.falseErrors) console.log(`  ${error.file}:${error.line}  ${error.ruleId}: ${error.message}`);
  }
}

async function main() {
  const json = process.argv.includes('--json');
  const dirArg = process.argv.find((arg) => arg.startsWith('--dir='));
  const dir = dirArg ? dirArg.slice('--dir='.length) : CASES_DIR;
  if (!existsSync(ENGINE)) {
    console.log(`The engine is not built (${relative(root, ENGINE)}): run \`node scripts/build.mjs\` first.`);
    return;
  }
  const { analyzeText } = await import(pathToFileURL(ENGINE).href);
  const result = measure(loadCases(dir), analyzeText);
  if (json) console.log(JSON.stringify(result, null, 2));
  else printTable(result);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await main();
  } catch (error) {
    // It measures; a broken engine is reported, not turned into a failing exit code.
    console.log(`measure-parity: ${error instanceof Error ? error.stack : String(error)}`);
  }
  process.exitCode = 0;
}
