// CRD `pattern`s are Go RE2 regular expressions (the API server matches them with Go's regexp
// package). Most are also valid JavaScript; the rest differ in a few spellings this module
// rewrites: leading inline flags `(?i)`, `\A` and `\z`, named groups `(?P<name>…)` and POSIX
// classes `[[:alpha:]]`. A pattern that cannot be translated exactly is skipped (undefined): a
// guess could report a valid value. https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp | null>();
/** Bounds the cache: a workspace CRD can carry many patterns, and edits make new ones. */
const CACHE_LIMIT = 2000;

/** The JavaScript form of a Go pattern, or undefined when it has no exact translation. */
export function goRegExp(pattern: string): RegExp | undefined {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached ?? undefined;
  const compiled = translate(pattern) ?? null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled ?? undefined;
}

function translate(pattern: string): RegExp | undefined {
  let flags = '';
  let body = pattern;
  let insensitive = false;
  // A leading flag group applies to the whole expression, as JavaScript flags do.
  const leading = /^\(\?([imsU]+)\)/.exec(body);
  if (leading) {
    if (leading[1].includes('U')) return undefined;
    flags = [...new Set(leading[1].replace('i', ''))].join('');
    insensitive = leading[1].includes('i');
    body = body.slice(leading[0].length);
  }
  const rewritten = rewrite(body, insensitive);
  if (rewritten === undefined) return undefined;
  if (rewritten.insensitive) flags += 'i';
  const unicode = /\\[pP]/.test(rewritten.source);
  try {
    return new RegExp(rewritten.source, unicode ? `${flags}u` : flags);
  } catch {
    return undefined;
  }
}

interface Rewritten {
  source: string;
  /** The whole expression is matched ignoring case. */
  insensitive: boolean;
}

/**
 * One pass over the pattern, aware of escapes and character classes. Go's `(?i)` inside the
 * pattern holds until the end of its group; JavaScript has only the whole-expression flag, so it
 * translates when every letter outside its reach is no letter at all (`^(?i)(abort|warn)$`).
 */
function rewrite(body: string, insensitiveFromStart: boolean): Rewritten | undefined {
  let out = '';
  let inClass = false;
  let depth = 0;
  // The group depth at which (?i) was switched on; undefined while matching is case-sensitive.
  let insensitiveAt: number | undefined = insensitiveFromStart ? 0 : undefined;
  let usedInsensitive = insensitiveFromStart;
  let sensitiveLetter = false;
  const letter = (char: string): void => {
    if (insensitiveAt === undefined && /[A-Za-z]/.test(char)) sensitiveLetter = true;
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') {
      const next = body[i + 1];
      if (next === undefined) return undefined;
      if (next === 'Q' || next === 'C' || (next === 'x' && body[i + 2] === '{')) return undefined;
      // Start and end of the text, whatever the m flag says.
      if (!inClass && next === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && next === 'z') out += '(?![\\s\\S])';
      else if (next === 'p' || next === 'P') {
        // \pL (one-letter class) is \p{L} in JavaScript.
        if (body[i + 2] === '{') out += `\\${next}`;
        else if (body[i + 2] !== undefined) {
          out += `\\${next}{${body[i + 2]}}`;
          i++;
        } else return undefined;
      } else out += `\\${next}`;
      i++;
      continue;
    }
    if (inClass) {
      if (char === '[' && body[i + 1] === ':') {
        const end = body.indexOf(':]', i + 2);
        const name = end < 0 ? undefined : body.slice(i + 2, end);
        const negated = name?.startsWith('^');
        const members = name === undefined ? undefined : POSIX_CLASSES[negated ? name.slice(1) : name];
        if (members === undefined || negated) return undefined;
        out += members;
        i = end + 1;
        continue;
      }
      letter(char);
      if (char === '[') out += '\\[';
      else out += char;
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A leading ] (or ^]) is a literal in Go; JavaScript would close the class.
      if (body[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (body[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (char === '(' && body[i + 1] === '?') {
      if (body.startsWith('(?i)', i)) {
        insensitiveAt ??= depth;
        usedInsensitive = true;
        i += 3;
        continue;
      }
      if (body[i + 2] === 'P' && body[i + 3] === '<') {
        out += '(?<';
        depth++;
        i += 3;
        continue;
      }
      // Non-capturing groups translate; other flags inside the pattern do not.
      if (body[i + 2] !== ':') return undefined;
      out += '(?:';
      depth++;
      i += 2;
      continue;
    }
    if (char === '(') depth++;
    if (char === ')') {
      if (insensitiveAt === depth) insensitiveAt = undefined;
      depth--;
    }
    letter(char);
    out += char;
  }
  if (inClass || (usedInsensitive && sensitiveLetter)) return undefined;
  return { source: out, insensitive: usedInsensitive };
}
