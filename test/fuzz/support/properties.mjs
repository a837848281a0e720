// The fuzz properties, shared by the bounded tests (test/fuzz/*.test.mjs) and the long runs of
// `npm run fuzz` (scripts/fuzz.mjs). Each property throws with every broken invariant listed;
// fast-check then shrinks the input and prints the seed and path that replay it.
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { parseChunk, splitDocuments } from '../../../dist/server/engine.js';
import { aliasBombArb, deepArb, editSequenceArb, inputArb, junkArb, mutatedSeedArb, optionsArb, trapManifestArb } from './arbitraries.mjs';
import { analyzeChecked, fixViolations, incrementalProblems } from './check.mjs';
import { isKnownFixViolation } from './known-fix-violations.mjs';

const state = { runs: 0 };
/** Counts the inputs a property actually ran (fast-check may stop early on its time limit). */
const counted =
  (predicate) =>
  (...args) => {
    state.runs += 1;
    return predicate(...args);
  };

const fail = (input, problems) => {
  throw new Error(`${problems.length} problem(s) on ${input.kind ?? 'input'} "${input.name ?? ''}":\n- ${problems.join('\n- ')}`);
};

/** Fresh arbitraries per property (corpus seeds are read lazily). */
export const PROPERTIES = {
  /** Any input: no throw, no hang, findings and fix edits inside the text, deterministic. */
  engine: () =>
    fc.property(
      inputArb(),
      optionsArb,
      counted((input, options) => {
        const { problems } = analyzeChecked(input.text, options);
        if (problems.length > 0) fail(input, problems);
      }),
    ),
  /** The same, weighted towards the hostile shapes. */
  hostile: () =>
    fc.property(
      fc.oneof(aliasBombArb, deepArb, junkArb, trapManifestArb),
      optionsArb,
      counted((input, options) => {
        const { problems } = analyzeChecked(input.text, options);
        if (problems.length > 0) fail(input, problems);
      }),
    ),
  /** A FileAnalyzer fed successive edits (and option changes) equals a fresh analysis each time. */
  incremental: () =>
    fc.property(
      editSequenceArb(),
      counted((sequence) => {
        const problems = incrementalProblems(sequence.sequence);
        if (problems.length > 0) fail({ kind: 'edit sequence', name: sequence.name }, problems);
      }),
    ),
  /**
   * The parser's own duplicate-key check (one pass, parse.ts) finds what `yaml`'s quadratic
   * `uniqueKeys` finds, document by document (documents without other syntax errors).
   */
  duplicateKeys: () =>
    fc.property(
      mutatedSeedArb(),
      counted((input) => {
        const problems = [];
        for (const chunk of splitDocuments(input.text)) {
          const parsed = parseChunk(chunk);
          if (parsed.limit) continue; // beyond the nesting limit: not checked at all
          const byOffset = (a, b) => a - b;
          const ours = parsed.errors
            .filter((e) => e.code === 'DUPLICATE_KEY')
            .map((e) => e.start)
            .sort(byOffset);
          if (ours.length === 0 && !chunk.text.includes(':')) continue;
          const theirErrors = parseAllDocuments(chunk.text, { version: '1.1', uniqueKeys: true, prettyErrors: false }).flatMap((d) => d.errors);
          // In a document with syntax errors the two recover differently; compare clean ones.
          if (theirErrors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
          const theirs = theirErrors
            .filter((e) => e.code === 'DUPLICATE_KEY')
            .map((e) => e.pos[0])
            .sort(byOffset);
          // A document that `yaml` splits further (a stray `---` inside a flow) is not comparable.
          if (parseAllDocuments(chunk.text).length !== 1) continue;
          // `yaml` places the error where the key's properties end, which can be before white space
          // or next to an empty key; parse.ts places it on the key itself. Same line is the same key.
          const lineOf = (offset) => chunk.text.slice(0, offset).split(/\r\n|\r|\n/).length;
          const near = (start, other) => lineOf(start) === lineOf(other) || (other <= start && /^\s*$/.test(chunk.text.slice(other, start)));
          const same = ours.length === theirs.length && ours.every((start, i) => near(start, theirs[i]));
          if (!same) problems.push(`document at ${chunk.start}: duplicate keys at ${JSON.stringify(ours)}, yaml uniqueKeys at ${JSON.stringify(theirs)}`);
        }
        if (problems.length > 0) fail(input, problems);
      }),
    ),
  /** Every offered fix on a mutated manifest keeps the quick-fix contract (check.mjs). */
  quickFix: () =>
    fc.property(
      mutatedSeedArb({ maxMutations: 3 }),
      counted((input) => {
        const violations = fixViolations(input.text).filter((v) => !isKnownFixViolation(v));
        if (violations.length > 0)
          fail(
            input,
            violations.map((v) => `${v.ruleId} "${v.title}" at ${JSON.stringify(v.path)}: ${v.problem}\n${v.diff}`),
          );
      }),
    ),
};

export const DEFAULT_SEED = 20_260_601;

/**
 * Runs one property with fast-check. `seed` replays a run; `timeLimitMs` stops early (without
 * failing) so a bounded run stays bounded on a slow machine.
 */
export function runProperty(name, { numRuns, seed = DEFAULT_SEED, path, timeLimitMs, verbose = false } = {}) {
  const started = performance.now();
  state.runs = 0;
  fc.assert(PROPERTIES[name](), {
    numRuns,
    seed,
    path,
    verbose,
    includeErrorInReport: true,
    ...(timeLimitMs ? { interruptAfterTimeLimit: timeLimitMs, markInterruptAsFailure: false } : {}),
  });
  const runs = state.runs;
  return { runs, elapsed: performance.now() - started };
}
