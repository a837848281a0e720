// Limits on what users hand the glob matcher. picomatch compiles a glob to a regular expression,
// and some globs compile to one that backtracks for minutes on a single file name: each `*` is a
// lazy `[^/]*?`, so `*a*a*a*b` costs n^4 steps on an n-character name, three `**` cost d^3 on a
// path d folders deep, and brace groups with overlapping alternatives (`{a,aa}{a,aa}…`) or
// extglobs (`+(a|aa)`) are exponential. `podwise.exclude` and `staticPodPaths` are matched on
// every check of every file, so one such glob hangs the server. The limits below keep every glob
// a real project writes (`**/templates/**/*.yaml`, `**/*-secret.yaml`, `{charts,vendor}/**`)
// and bound the cost of the rest to milliseconds (measured on the 2-core development machine:
// 200 globs at the limits against the deepest, longest path allowed, under a second).
// https://github.com/micromatch/picomatch#globbing-features

/** A glob longer than this is not a path pattern (the longest path Linux opens is 4,096 bytes). */
export const MAX_GLOB_LENGTH = 1024;
/** `*` wildcards (a run of stars is one) inside one path segment: two cost n², three n³. One in a glob with two `**`. */
export const MAX_STARS_PER_SEGMENT = 2;
/** `**` segments per glob: two cost d² over the folders of a path, three d³. */
export const MAX_GLOBSTARS = 2;
/** `{…}` groups per glob: their alternatives multiply when they overlap. */
export const MAX_BRACE_GROUPS = 3;
/** Alternatives over all brace groups of a glob. */
export const MAX_BRACE_ALTERNATIVES = 32;
/** Entries of `exclude` or of `staticPodPaths` in one settings layer. */
export const MAX_GLOBS = 200;
/**
 * Globs of one merged list that are matched (the layers add up: defaults, editor, `.podwise.yaml`,
 * CLI). Editor settings have no place to report a problem, so their lists are cut here.
 */
export const MAX_MATCHED_GLOBS = 4 * MAX_GLOBS;
/**
 * Paths longer than this, with a file or folder name longer than MAX_PATH_SEGMENT_LENGTH, or more
 * than MAX_PATH_DEPTH folders deep are matched by no glob. No file system opens the first two
 * (Linux PATH_MAX 4,096, NAME_MAX 255; Windows and macOS are lower). The depth bounds what two
 * `**` cost: each parent folder is matched too, so a path d deep costs about d³ steps per glob
 * (128: a few milliseconds; 256: 25 ms, times 200 globs). Real repositories are a few dozen deep.
 */
export const MAX_PATH_LENGTH = 4096;
export const MAX_PATH_DEPTH = 128;
export const MAX_PATH_SEGMENT_LENGTH = 255;

/**
 * Why `glob` (without a leading `!`) would be slow to match, in words for the user; undefined
 * when it is within the limits. Counting is textual and errs on the safe side: an escaped `\*`
 * still counts as a wildcard.
 */
export function globCostProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) {
    return `This glob is ${glob.length} characters long; Podwise matches globs of up to ${MAX_GLOB_LENGTH} characters.`;
  }
  if (/[@!?*+]\(/.test(glob)) {
    return `"${glob}" uses an extglob such as +(…) or @(…), which Podwise does not match (it can take minutes on one file name). Use plain wildcards, or several globs.`;
  }
  const braces = braceProblem(glob);
  if (braces) return braces;
  const segments = glob.split('/');
  const globstars = segments.filter((segment) => segment === '**').length;
  if (globstars > MAX_GLOBSTARS) {
    return `"${glob}" has ${globstars} "**" parts; Podwise matches globs with at most ${MAX_GLOBSTARS} (each one more multiplies the work by the depth of the path).`;
  }
  // With two `**`, each name is tried from every pair of folders: one `*` per name at most then.
  const starLimit = globstars === MAX_GLOBSTARS ? 1 : MAX_STARS_PER_SEGMENT;
  for (const segment of segments) {
    if (segment === '**') continue;
    const stars = starRuns(segment);
    if (stars > starLimit) {
      const withGlobstars = starLimit < MAX_STARS_PER_SEGMENT ? ` in a glob with ${MAX_GLOBSTARS} "**" parts` : '';
      return `"${glob}" has ${stars} "*" wildcards in "${segment}"; Podwise matches at most ${starLimit} per file or folder name${withGlobstars} (each one more multiplies the work by the length of the name).`;
    }
  }
  return undefined;
}

/** True when no glob may match this path (see MAX_PATH_LENGTH). `path` is normalized, `/`-separated. */
export function pathTooLongForGlobs(path: string): boolean {
  if (path.length > MAX_PATH_LENGTH) return true;
  let depth = 1;
  let segmentStart = 0;
  for (let i = 0; i <= path.length; i += 1) {
    if (i === path.length || path.charCodeAt(i) === 47 /* / */) {
      if (i - segmentStart > MAX_PATH_SEGMENT_LENGTH) return true;
      segmentStart = i + 1;
      if (i < path.length) depth += 1;
    }
  }
  return depth > MAX_PATH_DEPTH;
}

function starRuns(segment: string): number {
  let runs = 0;
  for (let i = 0; i < segment.length; i += 1) {
    if (segment[i] === '*' && (i === 0 || segment[i - 1] !== '*')) runs += 1;
  }
  return runs;
}

/** Brace groups: not nested, no `/` inside (so segments stay as written), few and small. */
function braceProblem(glob: string): string | undefined {
  let groups = 0;
  let alternatives = 0;
  let open = -1;
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '\\') {
      i += 1;
    } else if (char === '{') {
      if (open !== -1) return `"${glob}" nests brace groups ({…{…}…}); Podwise matches flat groups only. Write several globs instead.`;
      open = i;
      groups += 1;
      alternatives += 1;
    } else if (open !== -1 && char === ',') {
      alternatives += 1;
    } else if (open !== -1 && char === '/') {
      return `"${glob}" has a "/" inside a brace group; Podwise matches groups of names only. Write several globs instead.`;
    } else if (char === '}') {
      open = -1;
    }
  }
  if (groups > MAX_BRACE_GROUPS) return `"${glob}" has ${groups} brace groups; Podwise matches globs with at most ${MAX_BRACE_GROUPS}. Write several globs instead.`;
  if (alternatives > MAX_BRACE_ALTERNATIVES) {
    return `"${glob}" has ${alternatives} brace alternatives; Podwise matches globs with at most ${MAX_BRACE_ALTERNATIVES}. Write several globs instead.`;
  }
  return undefined;
}
