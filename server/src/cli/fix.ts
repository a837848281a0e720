// `podwise fix`, on one text: the fixes "fix all" picks (engine/fixes/fix-all.ts, the same choice
// as the editor's `source.fixAll.podwise`), applied in rounds until none is left. A round is kept
// only when it adds no error finding (per rule) and loses no comment; when it would, the fixes are
// tried one by one and only those the check accepts are kept (the others are reported and not
// tried again). Pure: no file system.
import { FileAnalyzer, type AnalyzeOptions } from '../engine/analyze';
import { applyOffsetEdits, selectFixAll, type FixAllSelection } from '../engine/fixes/fix-all';
import type { Finding, Severity } from '../engine/types';
import { atOrAbove } from './args';

/** A fix can make another finding appear (or move one); a few rounds settle it. */
export const MAX_FIX_ROUNDS = 5;

export interface FixResult {
  /** The fixed text (the input when nothing was applied). */
  text: string;
  /** Fixes applied, over all rounds. */
  fixed: number;
  /** The findings of the fixed text, with the user's settings. */
  findings: Finding[];
  /** The findings of the original text. */
  before: Finding[];
  /** Why a fix was not applied (it would add an error or drop a comment); the others were. */
  refused?: string;
}

export function fixText(original: string, options: AnalyzeOptions, minSeverity: Severity): FixResult {
  const analyzer = new FileAnalyzer();
  // The guard also looks with the default severities, so a fix cannot add an error of a rule the
  // user turned off or down (a broken YAML document among them).
  const guard = new FileAnalyzer();
  const guardOptions: AnalyzeOptions = { ...options, rules: {} };
  const before = analyzer.analyze(original, options).findings;
  const comments = commentCounts(original);
  let current: Step = { text: original, findings: before, errors: errorCounts(before, guard.analyze(original, guardOptions).findings) };
  /** Fixes refused once (rule, path, title): not tried again in later rounds. */
  const refusedFixes = new Set<string>();
  let refused: string | undefined;
  let fixed = 0;
  // Applies some of the selection's fixes to the current text; undefined when the guard says no.
  const attempt = (chosen: FixAllSelection['fixed']): Step | { refused: string } => {
    const text = applyOffsetEdits(
      current.text,
      chosen.flatMap(({ fix }) => fix.edits),
    );
    const findings = analyzer.analyze(text, options).findings;
    const errors = errorCounts(findings, guard.analyze(text, guardOptions).findings);
    const added = [...new Set([...errors].filter(([key, count]) => count > (current.errors.get(key) ?? 0)).map(([key]) => key.slice(key.indexOf(':') + 1)))].sort();
    if (added.length > 0) return { refused: `a fix would add ${added.length === 1 ? 'an error' : 'errors'} (${added.join(', ')})` };
    const lost = lostComment(comments, text);
    if (lost !== undefined) return { refused: `a fix would remove the comment "${lost}"` };
    return { text, findings, errors };
  };
  for (let round = 0; round < MAX_FIX_ROUNDS; round += 1) {
    const candidates = current.findings.filter((finding) => atOrAbove(finding.severity, minSeverity));
    const selection = selectFixAll(candidates).fixed.filter((entry) => !refusedFixes.has(fixKey(entry)));
    if (selection.length === 0) break;
    let step = attempt(selection);
    let applied = selection.length;
    if ('refused' in step) {
      // Find the culprits: add the fixes one at a time, keeping each that the guard accepts.
      refused = step.refused;
      const kept: FixAllSelection['fixed'] = [];
      let best: Step | undefined;
      for (const entry of selection) {
        const trial = attempt([...kept, entry]);
        if ('refused' in trial) {
          refusedFixes.add(fixKey(entry));
          refused = trial.refused;
        } else {
          kept.push(entry);
          best = trial;
        }
      }
      if (best === undefined) break;
      step = best;
      applied = kept.length;
    }
    if (step.text === current.text) break;
    current = step;
    fixed += applied;
  }
  return { text: current.text, fixed, findings: current.findings, before, refused };
}

interface Step {
  text: string;
  findings: Finding[];
  errors: Map<string, number>;
}

function fixKey({ finding, fix }: FixAllSelection['fixed'][number]): string {
  return `${finding.ruleId}|${JSON.stringify(finding.path)}|${fix.title}`;
}

/** Error findings per rule, with the user's settings and with the defaults (keys `user:` and `default:`). */
function errorCounts(user: readonly Finding[], defaults: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const finding of user) if (finding.severity === 'error') add(`user:${finding.ruleId}`);
  for (const finding of defaults) if (finding.severity === 'error') add(`default:${finding.ruleId}`);
  return counts;
}

/**
 * Comments by text, counted: `# …` at a line's start or after a blank. A `#` inside a quoted
 * value counts too; that only makes the check stricter.
 */
function commentCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!text.includes('#')) return counts;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const at = line.search(/(?:^|\s)#/);
    if (at === -1) continue;
    const comment = line.slice(at).trim();
    counts.set(comment, (counts.get(comment) ?? 0) + 1);
  }
  return counts;
}

function lostComment(before: ReadonlyMap<string, number>, after: string): string | undefined {
  if (before.size === 0) return undefined;
  const now = commentCounts(after);
  for (const [comment, count] of before) if ((now.get(comment) ?? 0) < count) return comment;
  return undefined;
}
