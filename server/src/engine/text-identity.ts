// What an exact text is, in a short string: its length and a 53-bit hash. Fixes carry it and are
// applied only to the text they were computed for (after a close and reopen an editor's version
// numbers start again at 1, so a version says nothing). Computed once per snapshot (snapshot.ts).

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, over UTF-16 code units. */
export function textIdentity(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}
