// Test helpers over the built engine bundle (dist/server/engine.js, built by `npm run build`).
import assert from 'node:assert/strict';
import { analyzeText, LineIndex } from '../../dist/server/engine.js';

/** The longest message a finding may have (issue #11): one sentence that fits a Problems panel row. */
export const MAX_MESSAGE_LENGTH = 100;

/** Removes the common indentation of a template literal, so tests can indent YAML naturally. */
export function yaml(strings, ...values) {
  // Dedent the template's own text first, so interpolated values keep their exact indentation.
  const raw = strings.join('\u0000');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '\n')
    .split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.match(/^ */)[0].length));
  let index = 0;
  return lines
    .map((line) => line.slice(indent))
    .join('\n')
    .replace(/\u0000/g, () => String(values[index++]));
}

/** All findings for a text. Options: version, staticPod, rules, filePath, podSecurity. */
export function check(text, { version = '1.36', staticPod = false, rules = {}, filePath, extraRules, podSecurity } = {}) {
  const findings = analyzeText(text, { kubernetesVersion: version, staticPodManifest: staticPod, rules, filePath, extraRules, podSecurity }).findings;
  // A rule that crashed is a bug in the rule, whatever the test asserts about other rules.
  const crashes = findings.filter((finding) => finding.ruleId === 'internal-error');
  if (crashes.length > 0) throw new Error(`a rule crashed:\n${crashes.map((finding) => finding.message).join('\n')}`);
  // Messages are one short sentence (the explanation is in `detail`): what the Problems panel shows.
  const long = findings.filter((finding) => finding.message.length > MAX_MESSAGE_LENGTH);
  if (long.length > 0) throw new Error(`messages over ${MAX_MESSAGE_LENGTH} characters:\n${long.map((finding) => `${finding.ruleId}: ${finding.message}`).join('\n')}`);
  return findings;
}

/** Findings of one rule. */
export function findingsOf(text, ruleId, options) {
  return check(text, options).filter((finding) => finding.ruleId === ruleId);
}

/** 0-based line of a finding's start. */
export function lineOf(text, finding) {
  return new LineIndex(text).positionAt(finding.range.start).line;
}

/** The source text a finding's range covers. */
export function textOf(text, finding) {
  return text.slice(finding.range.start, finding.range.end);
}

export function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  return result;
}

function comments(text) {
  return text
    .split('\n')
    .map((line) => (line.match(/(^|\s)#.*$/) ?? [''])[0].trim())
    .filter(Boolean);
}

/**
 * Applies a fix of the first `ruleId` finding (the one titled `title`, or the preferred/first one),
 * re-checks the result, and asserts the house rules: the finding is gone from that path, no new
 * error appears, and every comment survives. Returns the fixed text.
 */
export function assertFixClears(text, ruleId, { title, options, index = 0 } = {}) {
  const before = check(text, options);
  const targets = before.filter((finding) => finding.ruleId === ruleId);
  assert.ok(targets.length > index, `expected a ${ruleId} finding; got ${before.map((f) => f.ruleId).join(', ') || 'none'}`);
  const target = targets[index];
  const fix = title ? target.fixes.find((candidate) => candidate.title.includes(title)) : (target.fixes.find((f) => f.preferred) ?? target.fixes[0]);
  assert.ok(fix, `expected a fix${title ? ` titled "${title}"` : ''} on ${ruleId}; got ${target.fixes.map((f) => f.title).join(' | ') || 'none'}`);
  const fixed = applyEdits(text, fix.edits);
  const after = check(fixed, options);
  const samePath = (finding) => finding.ruleId === ruleId && JSON.stringify(finding.path) === JSON.stringify(target.path);
  assert.ok(!after.some(samePath), `${ruleId} still reported at ${JSON.stringify(target.path)} after "${fix.title}":\n${fixed}`);
  const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${JSON.stringify(f.path)}`));
  const newErrors = after.filter((f) => f.severity === 'error' && !errorsBefore.has(`${f.ruleId} ${JSON.stringify(f.path)}`));
  assert.deepEqual(
    newErrors.map((f) => `${f.ruleId}: ${f.message}`),
    [],
    `"${fix.title}" introduced errors:\n${fixed}`,
  );
  for (const comment of comments(text)) assert.ok(fixed.includes(comment), `comment lost by "${fix.title}": ${comment}\n${fixed}`);
  assertSameFixWithLineEnds(text, ruleId, { options, index }, fix, fixed);
  return fixed;
}

/**
 * The same fix on the same text with CRLF and with CR-only line ends: it inserts no other line
 * end than the file's, and gives the LF result with the file's line ends (issue #9).
 */
function assertSameFixWithLineEnds(text, ruleId, { options, index }, lfFix, lfFixed) {
  const ends = new Set(text.match(/\r\n|\r|\n/g) ?? []);
  if (ends.size > 1 || ends.has('\r') || ends.has('\r\n')) return;
  for (const eol of ['\r\n', '\r']) {
    const variant = text.replace(/\n/g, eol);
    const targets = check(variant, options).filter((finding) => finding.ruleId === ruleId);
    const fix = targets[index]?.fixes.find((candidate) => candidate.title === lfFix.title);
    assert.ok(fix, `"${lfFix.title}" not offered with ${JSON.stringify(eol)} line ends`);
    for (const edit of fix.edits) {
      const foreign = (edit.newText.match(/\r\n|\r|\n/g) ?? []).filter((end) => end !== eol);
      assert.deepEqual(foreign, [], `"${fix.title}" inserts ${JSON.stringify(edit.newText)} into a ${JSON.stringify(eol)} file`);
    }
    assert.equal(applyEdits(variant, fix.edits), lfFixed.replace(/\n/g, eol), `"${fix.title}" with ${JSON.stringify(eol)} line ends`);
  }
}
