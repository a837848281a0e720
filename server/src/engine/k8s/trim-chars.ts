// Trimming runs of given characters from the ends of a string, by scanning. `text.replace(/-+$/, '')`
// looks linear but is not: the regex engine tries the `-+` run from each position, and each try
// scans the run to its end and fails when something follows it, so a value with a long run of
// `-` in the middle costs its length squared (100,000 dashes: seconds).

/** `text` without the leading and trailing characters that are in `chars`. */
export function trimChars(text: string, chars: string): string {
  return trimCharsEnd(trimCharsStart(text, chars), chars);
}

/** `text` without the leading characters that are in `chars`. */
export function trimCharsStart(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start += 1;
  return text.slice(start);
}

/** `text` without the trailing characters that are in `chars`. */
export function trimCharsEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end -= 1;
  return text.slice(0, end);
}
