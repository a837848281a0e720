// Which fixes "fix all" applies: the editor's `source.fixAll.podwise` and the CLI's `podwise fix`
// share this choice, so both change a file the same way.
import type { Finding, OffsetRange, ResolvedFix, TextEdit } from '../types';

export interface FixAllSelection {
  /** The chosen edits, in the order chosen; no two overlap or touch. */
  edits: TextEdit[];
  /** The findings whose fix was chosen, one fix each. */
  fixed: { finding: Finding; fix: ResolvedFix }[];
}

/**
 * One fix per finding: its preferred safe fix, else its first safe one (a fix that is not `safe`
 * needs a person to look: a value to pick, a field that may be meant). A fix whose edits overlap or
 * touch an edit already chosen is left for the next round, since two edits at one offset have no
 * defined order and a rewritten range would invalidate the other's offsets.
 */
export function selectFixAll(findings: readonly Finding[]): FixAllSelection {
  const chosen: OffsetRange[] = [];
  const selection: FixAllSelection = { edits: [], fixed: [] };
  const overlaps = (range: OffsetRange): boolean => chosen.some((other) => range.start <= other.end && other.start <= range.end);
  for (const finding of findings) {
    const fix = finding.fixes.find((candidate) => candidate.safe && candidate.preferred) ?? finding.fixes.find((candidate) => candidate.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((edit) => overlaps(edit.range))) continue;
    // Edits of one fix may not overlap each other either; such a fix is skipped as a whole.
    if (fix.edits.some((edit, index) => fix.edits.some((other, otherIndex) => otherIndex !== index && edit.range.start < other.range.end && other.range.start < edit.range.end)))
      continue;
    for (const edit of fix.edits) {
      chosen.push(edit.range);
      selection.edits.push(edit);
    }
    selection.fixed.push({ finding, fix });
  }
  return selection;
}

/** `text` with non-overlapping offset edits applied (all offsets refer to `text`). */
export function applyOffsetEdits(text: string, edits: readonly TextEdit[]): string {
  // Later edits first; at one offset, keep the given order by applying the later-listed first.
  const order = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.range.start - a.edit.range.start || b.index - a.index);
  const parts: string[] = [];
  let end = text.length;
  for (const { edit } of order) {
    parts.push(text.slice(edit.range.end, end), edit.newText);
    end = edit.range.start;
  }
  parts.push(text.slice(0, end));
  return parts.reverse().join('');
}
