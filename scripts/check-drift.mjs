#!/usr/bin/env node
// Fails when the committed schemas/ differ from what scripts/generate-schemas.mjs produces now,
// i.e. someone edited a generated file by hand or changed the generator without regenerating.
//
// Usage: node scripts/check-drift.mjs [--source DIR]

import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUT_DIR, DEFAULT_SOURCE_DIR, generateAll } from './generate-schemas.mjs';

function listFiles(dir, base = dir) {
  let out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(listFiles(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Returns human lines describing every difference (empty when in sync). */
export function checkDrift({ sourceDir = DEFAULT_SOURCE_DIR, committedDir = DEFAULT_OUT_DIR } = {}) {
  const fresh = mkdtempSync(path.join(tmpdir(), 'podwise-schemas-'));
  try {
    generateAll({ sourceDir, outDir: fresh });
    const expected = listFiles(fresh);
    let actual = [];
    try {
      // schemas/crds/ is the custom-resource catalog, drift-checked by generate-crd-catalog.mjs --check.
      actual = listFiles(committedDir).filter((rel) => !rel.startsWith('crds/'));
    } catch {
      // No schemas/ at all: every generated file counts as missing.
    }
    const problems = [];
    for (const rel of expected) {
      if (!actual.includes(rel)) problems.push(`missing:  schemas/${rel}`);
      else if (!readFileSync(path.join(fresh, rel)).equals(readFileSync(path.join(committedDir, rel)))) {
        problems.push(`changed:  schemas/${rel}`);
      }
    }
    for (const rel of actual) {
      if (!expected.includes(rel)) problems.push(`extra:    schemas/${rel}`);
    }
    return problems;
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const sourceIndex = args.indexOf('--source');
  const problems = checkDrift(sourceIndex >= 0 ? { sourceDir: path.resolve(args[sourceIndex + 1]) } : {});
  if (problems.length > 0) {
    console.error('check-drift: schemas/ is out of date with scripts/generate-schemas.mjs:');
    for (const line of problems) console.error(`  ${line}`);
    console.error('Run `npm run generate:schemas` and commit the result (never edit schemas/ by hand).');
    process.exit(1);
  }
  console.log('check-drift: schemas/ matches the generator output.');
}
