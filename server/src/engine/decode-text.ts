// Bytes of a manifest or config file → the text the engine sees. Pure: no file system.
//
// The encodings are the ones go-yaml (which kubectl and the API server use) recognises: UTF-8,
// and UTF-16 LE/BE announced by a byte order mark; without a BOM the bytes are UTF-8
// (yaml_parser_determine_encoding in go-yaml's reader.go: https://github.com/go-yaml/yaml/blob/v3/readerc.go).
// The BOM is not part of the text: line and column are counted from the first character after it,
// which is what an editor shows. Invalid UTF-8 becomes U+FFFD, as in editors, and is flagged so the
// caller can say so; the API server would refuse such bytes, but the rest of the file still deserves
// a check.

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  /** The text without its byte order mark. */
  text: string;
  encoding: TextEncoding;
  /** True when some bytes were not valid in the encoding and were read as U+FFFD. */
  replaced: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8', 'utf-8-bom');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be', 'utf-16be');
  return decode(bytes, 'utf-8', 'utf-8');
}

function decode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', encoding: TextEncoding): DecodedText {
  // ignoreBOM: the BOM was taken off above; a second one is content and must stay (and keep offsets).
  try {
    return { text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes), encoding, replaced: false };
  } catch {
    return { text: new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes), encoding, replaced: true };
  }
}

/** How the encoding is named in a note. */
export function encodingLabel(encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return 'UTF-8 with BOM';
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
  }
}
