// Regular expressions for CEL rules. `matches` runs on RE2 (linear time, the dialect Kubernetes
// uses) with compiled patterns cached; Kubernetes' regex library adds `find` and `findAll`.
// https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-regex-library
import { celMethod, CelScalar, listType, type CelFunc } from '@bufbuild/cel';
import { RE2JS } from '@bufbuild/re2';

const { STRING, INT } = CelScalar;
const CACHE_LIMIT = 500;
const compiled = new Map<string, RE2JS>();

/** RE2 for `matches`, compiled once per pattern (bounded cache). */
export const CACHED_RE2 = {
  compile(pattern: string): { test(text: string): boolean } {
    let regex = compiled.get(pattern);
    if (!regex) {
      regex = RE2JS.compile(pattern);
      if (compiled.size >= CACHE_LIMIT) compiled.clear();
      compiled.set(pattern, regex);
    }
    return regex;
  },
};

const scanned = new Map<string, RegExp>();

/**
 * The pattern as a JavaScript RegExp for locating matches, only when it cannot backtrack badly:
 * a quantified group that itself holds a quantifier or an alternation is refused (an error, so the
 * rule stays silent). RE2 has checked the syntax and that a match exists before this runs.
 */
function locator(pattern: string): RegExp {
  const cached = scanned.get(pattern);
  if (cached) return cached;
  let source = pattern;
  let flags = 'g';
  const inline = /^\(\?([ims]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    flags += inline[1];
  }
  if (!isLinearEnough(source)) throw new Error('pattern too complex to locate matches offline');
  const regex = new RegExp(source, flags);
  if (scanned.size >= CACHE_LIMIT) scanned.clear();
  scanned.set(pattern, regex);
  return regex;
}

function isLinearEnough(source: string): boolean {
  const groups: { risky: boolean }[] = [];
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '[') {
      const end = source.indexOf(']', index + 2);
      if (end < 0) return false;
      index = end;
      continue;
    }
    // '?' after a group is harmless (taken once or not); '*', '+' and '{n,m}' repeat it.
    const quantified = /[*+{]/.test(source[index + 1] ?? '');
    if (char === '(') groups.push({ risky: false });
    else if (char === '|' && groups.length > 0) groups[groups.length - 1].risky = true;
    else if (/[*+{]/.test(char) && groups.length > 0) groups[groups.length - 1].risky = true;
    else if (char === ')') {
      const group = groups.pop();
      if (!group) return false;
      if (group.risky && quantified) return false;
      if (group.risky && groups.length > 0) groups[groups.length - 1].risky = true;
    }
  }
  return groups.length === 0;
}

function findAll(text: string, pattern: string, limit: number): string[] {
  if (limit === 0 || !CACHED_RE2.compile(pattern).test(text)) return [];
  const regex = locator(pattern);
  const found: string[] = [];
  for (const match of text.matchAll(regex)) {
    found.push(match[0]);
    if (limit > 0 && found.length >= limit) break;
  }
  return found;
}

export const REGEX_FUNCS: readonly CelFunc[] = [
  celMethod('find', STRING, [STRING], STRING, function (this: string, pattern: string) {
    return findAll(this, pattern, 1)[0] ?? '';
  }),
  celMethod('findAll', STRING, [STRING], listType(STRING), function (this: string, pattern: string) {
    return findAll(this, pattern, -1);
  }),
  celMethod('findAll', STRING, [STRING, INT], listType(STRING), function (this: string, pattern: string, limit: bigint) {
    return findAll(this, pattern, Number(limit));
  }),
];
