// "Did you mean …?": the known name closest to what was written, when it is close enough to be a
// typo. One threshold for every caller (unknown fields, volume names, kinds, rule ids, settings,
// CLI flags), so the same slip gets the same help everywhere.
import { distance } from 'fastest-levenshtein';

/**
 * A typo is about as long as what it misspells; comparing a 100 KB key with every candidate is
 * waste (and a key that long is no typo).
 */
const MAX_NAME_LENGTH = 100;

export interface Suggestion {
  /** The candidate as written in the candidate list. */
  value: string;
  /** Levenshtein distance, ignoring case (0: the names differ only in case). */
  distance: number;
  /** False when another candidate is just as close: the pick is a guess between equals. */
  unique: boolean;
}

/**
 * Edits allowed for a name of this length: 1 up to 4 characters, 2 up to 10, then 3. More edits
 * for longer names, never so many that unrelated short names match (`pod` is not `job`).
 */
export function typoLimit(name: string): number {
  return name.length <= 4 ? 1 : name.length <= 10 ? 2 : 3;
}

/**
 * The candidate closest to `name`, ignoring case, when it is within `typoLimit(name)` edits. A
 * candidate that differs only in case always wins; among equally close ones the first listed does.
 */
export function closestName(name: string, candidates: Iterable<string>): Suggestion | undefined {
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) return undefined;
  const lower = name.toLowerCase();
  const limit = typoLimit(name);
  let best: Suggestion | undefined;
  for (const candidate of candidates) {
    const lowerCandidate = candidate.toLowerCase();
    // The distance is at least the length difference: skip candidates that cannot be close.
    if (Math.abs(lowerCandidate.length - lower.length) > limit) continue;
    const d = lowerCandidate === lower ? 0 : distance(lower, lowerCandidate);
    if (d > limit) continue;
    if (best === undefined || d < best.distance) best = { value: candidate, distance: d, unique: true };
    else if (d === best.distance) best.unique = false;
  }
  return best;
}

/** Just the name: `closestName(name, candidates)?.value`. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  return closestName(name, candidates)?.value;
}
