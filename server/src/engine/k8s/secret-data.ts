// Secret `data` values are base64: the API server decodes each one (Go's standard alphabet, with
// padding; line breaks are skipped) and stores the bytes, and a Pod reads those bytes. A plain
// word whose length is a multiple of four (`admin123`, `password`, `changeme`) is valid base64 by
// accident, so it is accepted and decodes to binary garbage. Plain text belongs in `stringData`.
// https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** What the API server accepts for a `format: byte` field: standard base64 with padding; CR/LF ignored. */
export function isBase64(text: string): boolean {
  const compact = text.replace(/[\r\n]/g, '');
  return compact.length % 4 === 0 && /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact);
}

/** The bytes a valid base64 text decodes to. */
export function decodeBase64(text: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value === -1) continue; // padding, line breaks
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** Standard base64 (with padding) of a string's UTF-8 bytes. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(chunk >> 18) & 63] + ALPHABET[(chunk >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[chunk & 63] : '=';
  }
  return out;
}

/** Valid UTF-8 without control characters (tab, CR and LF allowed): what a person would call text. */
export function isText(bytes: readonly number[]): boolean {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte < 0x80) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return false;
      i++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return false;
    for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += length;
  }
  return true;
}

/** Longest value taken for a typed word; real keys and certificates are longer or carry `+`, `/`, `=`. */
const MAX_WORD_LENGTH = 64;

/**
 * True when a `data` value reads like a plain word rather than encoded bytes: short, letters and
 * digits only, and in one case style (`admin123`, `CHANGEME`, `Password1`, a hex token, a PIN).
 * Base64 of random bytes mixes upper and lower case almost everywhere: an 8-character run in one
 * case style happens about once in a hundred, a 16-character one once in ten thousand.
 */
export function looksLikePlainWord(text: string): boolean {
  if (text.length < 4 || text.length > MAX_WORD_LENGTH) return false;
  return /^[a-z0-9]+$/.test(text) || /^[A-Z0-9]+$/.test(text) || /^[A-Z][a-z0-9]+$/.test(text);
}

/**
 * A `data` value that is valid base64 only by accident: it looks like a plain word and decodes to
 * bytes that are not text. Undefined when the value is fine (or invalid base64, which the schema reports).
 */
export function accidentalBase64(text: string): { decodedLength: number } | undefined {
  if (!looksLikePlainWord(text) || !isBase64(text)) return undefined;
  const bytes = decodeBase64(text);
  return isText(bytes) ? undefined : { decodedLength: bytes.length };
}
