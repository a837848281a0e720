// What must hold for any input: the invariants of one analysis, determinism, incremental ==
// fresh, and the quick-fix contract. Each check returns a list of problems (strings or records)
// instead of throwing, so the fuzz script can collect them and the tests can assert on them.
import { isDeepStrictEqual } from 'node:util';
import { Parser, parseAllDocuments } from 'yaml';
import { analyzeText, FileAnalyzer, isKnownRuleId, SEVERITIES, toLineFeeds } from '../../../dist/server/engine.js';

/** server/src/engine/limits.ts MAX_MESSAGE_LENGTH: longer messages are cut by the analyzer. */
export const MAX_MESSAGE_LENGTH = 2000;

/** A hang detector, not a performance test: generous for inputs of at most ~100 KB. */
export const TIME_BOUND_MS = 2000;

export const DEFAULT_OPTIONS = { kubernetesVersion: '1.36' };

const inside = (range, length) => range && Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;

/** The invariants of one analysis result of `text`. */
export function resultProblems(text, result) {
  const problems = [];
  if (!result || !Array.isArray(result.findings) || !Array.isArray(result.documents)) return ['result has no findings/documents arrays'];
  for (const finding of result.findings) {
    const where = `${finding.ruleId} ${JSON.stringify(finding.range)}`;
    if (!isKnownRuleId(finding.ruleId)) problems.push(`unknown rule id ${finding.ruleId}`);
    if (finding.ruleId === 'internal-error') problems.push(`${where}: a rule crashed: ${finding.message}`);
    if (!SEVERITIES.includes(finding.severity)) problems.push(`${where}: severity ${finding.severity}`);
    if (typeof finding.message !== 'string' || finding.message.length === 0) problems.push(`${where}: empty message`);
    else if (finding.message.length > MAX_MESSAGE_LENGTH) problems.push(`${where}: message of ${finding.message.length} characters`);
    if (!inside(finding.range, text.length)) problems.push(`${where}: range outside the text (length ${text.length})`);
    if (!Number.isInteger(finding.documentIndex) || finding.documentIndex < 0) problems.push(`${where}: documentIndex ${finding.documentIndex}`);
    if (!Array.isArray(finding.path)) problems.push(`${where}: path is not an array`);
    for (const fix of finding.fixes) {
      if (typeof fix.title !== 'string' || fix.title.length === 0) problems.push(`${where}: a fix without a title`);
      if (!Array.isArray(fix.edits) || fix.edits.length === 0) problems.push(`${where}: fix "${fix.title}" has no edits`);
      const sorted = [...fix.edits].sort((a, b) => a.range.start - b.range.start);
      sorted.forEach((edit, index) => {
        if (!inside(edit.range, text.length)) problems.push(`${where}: fix "${fix.title}" edit ${JSON.stringify(edit.range)} outside the text (length ${text.length})`);
        if (typeof edit.newText !== 'string') problems.push(`${where}: fix "${fix.title}" edit without newText`);
        if (index > 0 && edit.range.start < sorted[index - 1].range.end) problems.push(`${where}: fix "${fix.title}" has overlapping edits`);
      });
    }
  }
  for (const document of result.documents) {
    if (!inside({ start: document.start, end: document.end }, text.length)) problems.push(`document ${document.index} [${document.start}, ${document.end}) outside the text`);
  }
  return problems;
}

/**
 * Analyses `text` twice, timed, and checks the invariants and determinism. Returns
 * { result, elapsed, problems }; an exception is a problem too.
 */
export function analyzeChecked(text, options = DEFAULT_OPTIONS) {
  const problems = [];
  let result;
  const started = performance.now();
  try {
    result = analyzeText(text, options);
  } catch (error) {
    return { result: undefined, elapsed: performance.now() - started, problems: [`analyzeText threw: ${error?.stack ?? error}`] };
  }
  const elapsed = performance.now() - started;
  if (elapsed > TIME_BOUND_MS) problems.push(`analyzeText took ${elapsed.toFixed(0)} ms (bound ${TIME_BOUND_MS} ms) on ${text.length} characters`);
  problems.push(...resultProblems(text, result));
  try {
    const again = analyzeText(text, options);
    if (!isDeepStrictEqual(again, result)) problems.push(`not deterministic: ${firstDifference(result, again)}`);
  } catch (error) {
    problems.push(`analyzeText threw the second time: ${error?.stack ?? error}`);
  }
  return { result, elapsed, problems };
}

/**
 * Feeds one FileAnalyzer a sequence of texts (successive edits of one document, with the options
 * of each step) and compares every result with a fresh analysis of the same text.
 */
export function incrementalProblems(steps) {
  const analyzer = new FileAnalyzer();
  const problems = [];
  steps.forEach(({ text, options = DEFAULT_OPTIONS }, index) => {
    let incremental;
    try {
      incremental = analyzer.analyze(text, options);
    } catch (error) {
      problems.push(`step ${index}: FileAnalyzer threw: ${error?.stack ?? error}`);
      return;
    }
    let fresh;
    try {
      fresh = analyzeText(text, options);
    } catch (error) {
      problems.push(`step ${index}: analyzeText threw: ${error?.stack ?? error}`);
      return;
    }
    if (!isDeepStrictEqual(incremental, fresh)) problems.push(`step ${index}: incremental result differs from a fresh analysis: ${firstDifference(fresh, incremental)}`);
  });
  return problems;
}

function firstDifference(expected, actual, path = '') {
  if (isDeepStrictEqual(expected, actual)) return '(equal)';
  if (typeof expected !== 'object' || typeof actual !== 'object' || expected === null || actual === null) {
    return `${path || '.'}: ${JSON.stringify(expected)?.slice(0, 200)} vs ${JSON.stringify(actual)?.slice(0, 200)}`;
  }
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    if (!isDeepStrictEqual(expected[key], actual[key])) return firstDifference(expected[key], actual[key], `${path}.${key}`);
  }
  return `${path}: differs`;
}

// ---------------------------------------------------------------------------------------------
// Quick fixes

export function applyEdits(text, edits) {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}

/** Real comments (from `yaml`'s CST, so `#` inside strings and block scalars does not count). */
export function comments(text) {
  const found = [];
  const seen = new Set();
  const walk = (value) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value.type === 'comment' && typeof value.source === 'string' && typeof value.offset === 'number') {
      found.push({ offset: value.offset, text: value.source.trim() });
      return;
    }
    for (const key of Object.keys(value)) walk(value[key]);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

function syntaxErrorCodes(text) {
  const counts = new Map();
  for (const document of parseAllDocuments(text, { version: '1.1', uniqueKeys: true, prettyErrors: false })) {
    for (const error of document.errors) counts.set(error.code, (counts.get(error.code) ?? 0) + 1);
  }
  return counts;
}

const findingKey = (finding) => `${finding.ruleId}|${finding.documentIndex}|${JSON.stringify(finding.path)}|${finding.message}`;

function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * May the fix drop this comment? Only a pure deletion (an edit whose new text is empty, as a
 * `delete` intent produces) that removes all the code of the comment's line: a comment line
 * inside a deleted block, or the trailing comment of a deleted `key: value` line. A comment
 * inside text that an edit rewrites (a `set` of a block value) must survive.
 */
export function deletedWithItsLine(text, comment, edits) {
  const lineStart = text.lastIndexOf('\n', comment.offset - 1) + 1;
  // The line's code starts after its indentation and sequence dashes (`- - key: value`).
  const codeStart = lineStart + (/^[ \t]*(?:-[ \t]+)*/.exec(text.slice(lineStart, comment.offset))?.[0].length ?? 0);
  return edits.some((edit) => edit.newText === '' && edit.range.start <= codeStart && edit.range.end >= comment.offset + comment.text.length);
}

/** The changed lines of a fix, as a small diff (for reports). */
export function fixDiff(text, edits) {
  const out = [];
  for (const edit of [...edits].sort((a, b) => a.range.start - b.range.start)) {
    const lineStart = text.lastIndexOf('\n', edit.range.start - 1) + 1;
    const nextNewline = text.indexOf('\n', edit.range.end);
    const lineEnd = nextNewline === -1 ? text.length : nextNewline;
    const line = text.slice(0, lineStart).split('\n').length;
    const before = text.slice(lineStart, lineEnd);
    const after = text.slice(lineStart, edit.range.start) + edit.newText + text.slice(edit.range.end, lineEnd);
    out.push(`@@ line ${line} @@`);
    for (const l of before.split('\n')) out.push(`-${l}`);
    for (const l of after.split('\n')) out.push(`+${l}`);
  }
  return out.join('\n');
}

/**
 * Applies every fix of every finding of `text`, one at a time, and checks the contract:
 * - the result parses as YAML with no new syntax error (per error code, never more than before);
 * - every comment survives, except those a pure deletion removes with their line (above);
 * - the targeted finding is gone (fewer findings of that rule on that document and path);
 * - no new error-severity finding (per rule, never more errors than before; counted per rule
 *   because deleting a list item renumbers the paths after it);
 * - with `eol` ('\n', '\r\n' or '\r': the file's line end), no inserted text holds another one.
 * The comment and syntax checks read `toLineFeeds(text)`, as the engine does: a lone CR is a line
 * break, which `yaml` alone does not know (to `yaml` a CR-only file is one line).
 * Returns violations: { ruleId, title, path, problem, diff }.
 */
export function fixViolations(text, options = DEFAULT_OPTIONS, { maxFixes = Infinity, before: given, onFix, eol, view = toLineFeeds } = {}) {
  const before = given ?? analyzeText(text, options).findings;
  const violations = [];
  const originalComments = comments(view(text));
  const syntaxBefore = syntaxErrorCodes(view(text));
  const targetsBefore = countBy(before, findingKey);
  const errorsBefore = countBy(
    before.filter((f) => f.severity === 'error'),
    (f) => f.ruleId,
  );
  let tried = 0;
  for (const finding of before) {
    for (const fix of finding.fixes) {
      if (tried >= maxFixes) return violations;
      tried += 1;
      onFix?.(finding, fix);
      const report = (problem) =>
        violations.push({ ruleId: finding.ruleId, title: fix.title, path: finding.path, documentIndex: finding.documentIndex, problem, diff: fixDiff(text, fix.edits) });
      const fixed = applyEdits(text, fix.edits);
      if (eol !== undefined) {
        const foreign = fix.edits.flatMap((edit) => edit.newText.match(/\r\n|\r|\n/g) ?? []).filter((end) => end !== eol);
        if (foreign.length > 0) report(`inserts ${JSON.stringify(foreign[0])} into a ${JSON.stringify(eol)} file`);
      }
      const syntaxAfter = syntaxErrorCodes(view(fixed));
      for (const [code, count] of syntaxAfter) {
        if (count > (syntaxBefore.get(code) ?? 0)) report(`new YAML syntax error ${code} (${syntaxBefore.get(code) ?? 0} → ${count})`);
      }
      const remaining = countBy(comments(view(fixed)), (c) => c.text);
      for (const comment of originalComments) {
        const left = remaining.get(comment.text) ?? 0;
        if (left > 0) remaining.set(comment.text, left - 1);
        else if (!deletedWithItsLine(view(text), comment, fix.edits)) report(`comment lost: ${comment.text}`);
      }
      let after;
      try {
        after = analyzeText(fixed, options).findings;
      } catch (error) {
        report(`analysis of the fixed text threw: ${error?.message ?? error}`);
        continue;
      }
      // The targeted finding: same rule, document, path and message (a different message on the
      // same path is another finding, counted with the new errors below).
      const key = findingKey(finding);
      const targetsAfter = after.filter((f) => findingKey(f) === key).length;
      if (targetsAfter >= (targetsBefore.get(key) ?? 0)) report(`the finding is still reported (${targetsAfter} on that path)`);
      const errorsAfter = countBy(
        after.filter((f) => f.severity === 'error'),
        (f) => f.ruleId,
      );
      for (const [ruleId, count] of errorsAfter) {
        if (count > (errorsBefore.get(ruleId) ?? 0)) {
          const sample = after.find((f) => f.severity === 'error' && f.ruleId === ruleId);
          report(`new error ${ruleId} (${errorsBefore.get(ruleId) ?? 0} → ${count}): ${sample.message.slice(0, 160)}`);
        }
      }
    }
  }
  return violations;
}
