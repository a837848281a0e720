// Property tests of the engine with fast-check (bounded sample; `npm run fuzz` runs long):
// mutated corpus manifests, YAML 1.1 traps, alias bombs, deep nesting and binary junk never make
// analyzeText throw or hang, every finding and fix edit stays inside the text, results are
// deterministic, and a FileAnalyzer fed successive edits equals a fresh analysis each time.
// Replay a failure with PODWISE_FUZZ_SEED=<seed> (and the path fast-check prints) or
// `node scripts/fuzz.mjs --property <name> --seed <seed> --path <path>`.
import { test } from 'node:test';
import { DEFAULT_SEED, runProperty } from './support/properties.mjs';

const seed = process.env.PODWISE_FUZZ_SEED ? Number(process.env.PODWISE_FUZZ_SEED) : DEFAULT_SEED;
// Each property runs a fixed number of inputs from a pinned seed, so every run tests the same
// inputs (no time limit that would test fewer on a slow machine). The seeds are the shared
// corpus when it is beside the clone and examples/ otherwise; about 25 s here (2 cores).
const pinned = (numRuns) => ({ numRuns, seed });

test('any input: no throw, no hang, ranges inside the text, deterministic', () => {
  runProperty('engine', pinned(500));
});

test('hostile inputs (alias bombs, deep nesting, junk, YAML 1.1 traps) are answered quickly and in range', () => {
  runProperty('hostile', pinned(200));
});

test('a FileAnalyzer across successive edits and option changes equals a fresh analysis', () => {
  runProperty('incremental', pinned(150));
});

test('the one-pass duplicate-key check finds what yaml uniqueKeys finds', () => {
  runProperty('duplicateKeys', pinned(300));
});
