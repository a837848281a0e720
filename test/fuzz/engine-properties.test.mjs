// Property tests of the engine with fast-check (bounded sample; `npm run fuzz` runs long):
// mutated corpus manifests, YAML 1.1 traps, alias bombs, deep nesting and binary junk never make
// analyzeText throw or hang, every finding and fix edit stays inside the text, results are
// deterministic, and a FileAnalyzer fed successive edits equals a fresh analysis each time.
// Replay a failure with PODWISE_FUZZ_SEED=<seed> (and the path fast-check prints) or
// `node scripts/fuzz.mjs --property <name> --seed <seed> --path <path>`.
import { test } from 'node:test';
import { corpusPresent } from './support/corpus.mjs';
import { DEFAULT_SEED, runProperty } from './support/properties.mjs';

const seed = process.env.PODWISE_FUZZ_SEED ? Number(process.env.PODWISE_FUZZ_SEED) : DEFAULT_SEED;
// fast-check stops a property early (without failing) past its time limit, so a slow machine
// runs fewer inputs instead of timing out; the counts below take about 25 s here (2 cores), the whole test/fuzz folder about 40 s.
const bounded = (numRuns, seconds) => ({ numRuns, seed, timeLimitMs: seconds * 1000 });

test('any input: no throw, no hang, ranges inside the text, deterministic', { skip: !corpusPresent && 'the shared corpus is missing' }, () => {
  runProperty('engine', bounded(500, 15));
});

test('hostile inputs (alias bombs, deep nesting, junk, YAML 1.1 traps) are answered quickly and in range', () => {
  runProperty('hostile', bounded(200, 8));
});

test('a FileAnalyzer across successive edits and option changes equals a fresh analysis', { skip: !corpusPresent && 'the shared corpus is missing' }, () => {
  runProperty('incremental', bounded(150, 8));
});

test('the one-pass duplicate-key check finds what yaml uniqueKeys finds', { skip: !corpusPresent && 'the shared corpus is missing' }, () => {
  runProperty('duplicateKeys', bounded(300, 4));
});
